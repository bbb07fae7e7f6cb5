import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { inspectPack } from '../../src/server/packs/inspect.js';
import type { PackSource } from '../../src/server/packs/types.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import {
  dumpDb,
  listTree,
  manifestOf,
  rawZip,
  simplePack,
  writePack,
  zipFolder,
  type JsonManifest,
  type SpecPack,
} from './fixtures/packs.js';

/**
 * The hostile corpus: each pack is built for real on disk, then imported into a box
 * that already holds a good pack. Each must be refused with its code and a French
 * message, leave the database and the packs folder exactly as they were, write
 * nothing outside staging, and leave staging empty. `verify` (inspectPack with
 * checksums) must find the same problem.
 */
let box: TestBox;
let root: string;

beforeAll(async () => {
  box = makeTestBox();
  root = mkdtempSync(path.join(tmpdir(), 'lanterne-corpus-'));
  writePack(path.join(root, 'good'), simplePack(3, { id: 'bon' }));
  const outcome = await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(root, 'good'),
    origin: 'usb',
  });
  expect(outcome.status).toBe('imported');
});
afterAll(async () => {
  await box.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const one = (files: Array<{ path: string; content: string | Buffer }>, id = 'a'): SpecPack => ({
  items: [{ id, files }],
});
const item0 = (m: JsonManifest) =>
  m.items[0] as { files: Array<Record<string, unknown>>; licence: string; id: string };

interface Case {
  name: string;
  code: string;
  /** Builds the pack under `dir` and says where it is. */
  build: (dir: string) => PackSource;
  /** Part of the problem's message (usually the file's name). */
  mentions?: string;
}

const folder = (p: string): PackSource => ({ kind: 'folder', path: p, origin: 'usb' });
const zip = (dir: string, bytes: Buffer): PackSource => {
  writeFileSync(path.join(dir, 'pack.zip'), bytes);
  return { kind: 'zip', path: path.join(dir, 'pack.zip'), origin: 'usb' };
};
/** The entries of a valid pack whose manifest cites one file, plus hostile extras. */
const zipWith = (dir: string, extra: Array<Parameters<typeof rawZip>[0][number]>): PackSource => {
  const manifest = JSON.stringify(manifestOf(one([{ path: 'a.epub', content: 'a' }])));
  return zip(
    dir,
    rawZip([
      { name: 'lanterne-pack.json', data: Buffer.from(manifest) },
      { name: 'a.epub', data: Buffer.from('a') },
      ...extra,
    ]),
  );
};
const patched = (dir: string, spec: SpecPack, patch: (m: JsonManifest) => void) => {
  writePack(path.join(dir, 'p'), spec, patch);
  return folder(path.join(dir, 'p'));
};
const manifestText = (dir: string, text: string | Buffer) => {
  mkdirSync(path.join(dir, 'p'));
  writeFileSync(path.join(dir, 'p', 'lanterne-pack.json'), text);
  return folder(path.join(dir, 'p'));
};

const cases: Case[] = [
  {
    name: 'traversal ../ in a path',
    code: 'unsafe-path',
    mentions: '../outside.txt',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = '../outside.txt';
      }),
  },
  {
    name: 'absolute path',
    code: 'unsafe-path',
    mentions: '/etc/passwd',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = '/etc/passwd';
      }),
  },
  {
    name: 'backslash path',
    code: 'unsafe-path',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = '..\\..\\x.epub';
      }),
  },
  {
    name: 'NUL in a path',
    code: 'unsafe-path',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = 'a.epub\u0000.png';
      }),
  },
  {
    name: 'Windows drive letter',
    code: 'unsafe-path',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = 'C:/Windows/win.ini';
      }),
  },
  {
    name: 'the manifest cited as a work file',
    code: 'unsafe-path',
    mentions: 'manifeste',
    build: (d) =>
      patched(d, one([{ path: 'a.epub', content: 'a' }]), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['path'] = 'Lanterne-Pack.json';
      }),
  },
  {
    name: 'symlink to /etc/passwd',
    code: 'symlink',
    mentions: 'passwd.epub',
    build: (d) => {
      const passwd = readFileSync('/etc/passwd');
      writePack(path.join(d, 'p'), one([{ path: 'passwd.epub', content: passwd }]));
      rmSync(path.join(d, 'p', 'passwd.epub'));
      symlinkSync('/etc/passwd', path.join(d, 'p', 'passwd.epub'));
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'symlinked folder',
    code: 'symlink',
    build: (d) => {
      writePack(path.join(d, 'elsewhere'), one([{ path: 'livres/a.epub', content: 'a' }]));
      writePack(path.join(d, 'p'), one([{ path: 'livres/a.epub', content: 'a' }]));
      rmSync(path.join(d, 'p', 'livres'), { recursive: true });
      symlinkSync(path.join(d, 'elsewhere', 'livres'), path.join(d, 'p', 'livres'));
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'FIFO instead of a file',
    code: 'not-regular-file',
    build: (d) => {
      writePack(path.join(d, 'p'), one([{ path: 'a.epub', content: '' }]));
      rmSync(path.join(d, 'p', 'a.epub'));
      execFileSync('mkfifo', [path.join(d, 'p', 'a.epub')]);
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'folder instead of a file',
    code: 'not-regular-file',
    build: (d) => {
      writePack(path.join(d, 'p'), one([{ path: 'a.epub', content: 'a' }]));
      rmSync(path.join(d, 'p', 'a.epub'));
      mkdirSync(path.join(d, 'p', 'a.epub'));
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'bad JSON',
    code: 'manifest-bad-json',
    mentions: 'ligne 3',
    build: (d) => manifestText(d, '{\n  "format": "lanterne-pack/1",\n  "id": "x",, \n}'),
  },
  {
    name: 'truncated JSON',
    code: 'manifest-bad-json',
    mentions: 'avant la fin',
    build: (d) => manifestText(d, JSON.stringify(manifestOf(simplePack(2))).slice(0, 200)),
  },
  {
    name: 'huge manifest (17 MB)',
    code: 'manifest-too-big',
    build: (d) => manifestText(d, `{"format":"lanterne-pack/1",${' '.repeat(17 * 1024 * 1024)}}`),
  },
  {
    // The cap is 4 MiB (about 8,000 works): the parse then holds the event loop only
    // a few tens of ms (scripts/packs/manifest-stall.ts).
    name: 'manifest just over the 4 MiB cap',
    code: 'manifest-too-big',
    build: (d) => manifestText(d, `{"format":"lanterne-pack/1",${' '.repeat(4 * 1024 * 1024)}}`),
  },
  {
    name: 'manifest not in UTF-8',
    code: 'manifest-bad-json',
    mentions: 'UTF-8',
    build: (d) => manifestText(d, Buffer.from('{"title":"For\xeat"}', 'latin1')),
  },
  {
    name: 'manifest is a symlink',
    code: 'manifest-not-regular',
    build: (d) => {
      mkdirSync(path.join(d, 'p'));
      symlinkSync('/etc/hostname', path.join(d, 'p', 'lanterne-pack.json'));
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'missing manifest',
    code: 'missing-manifest',
    build: (d) => {
      mkdirSync(path.join(d, 'p'));
      writeFileSync(path.join(d, 'p', 'livre.epub'), 'x');
      return folder(path.join(d, 'p'));
    },
  },
  {
    name: 'wrong format version',
    code: 'manifest-format',
    mentions: 'lanterne-pack/9',
    build: (d) =>
      patched(d, simplePack(1), (m) => {
        m['format'] = 'lanterne-pack/9';
      }),
  },
  {
    name: 'schema error (bad pack id)',
    code: 'manifest-invalid',
    mentions: 'id',
    build: (d) =>
      patched(d, simplePack(1), (m) => {
        m['id'] = 'Mon Pack!';
      }),
  },
  {
    name: 'schema error (size not a number)',
    code: 'manifest-invalid',
    mentions: 'items[0].files[0].size',
    build: (d) =>
      patched(d, simplePack(1), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['size'] = 'douze';
      }),
  },
  {
    name: 'wrong checksum',
    code: 'checksum-mismatch',
    mentions: 'livre-1.epub',
    build: (d) =>
      patched(d, simplePack(2), (m) => {
        (
          (m.items[1] as { files: Array<Record<string, unknown>> }).files[0] as Record<
            string,
            unknown
          >
        )['sha256'] = 'a'.repeat(64);
      }),
  },
  {
    name: 'wrong size',
    code: 'size-mismatch',
    mentions: 'livre-0.epub',
    build: (d) =>
      patched(d, simplePack(2), (m) => {
        (item0(m).files[0] as Record<string, unknown>)['size'] = 3;
      }),
  },
  {
    name: 'missing file',
    code: 'missing-file',
    mentions: 'livres/livre-0.epub',
    build: (d) => {
      const s = folder(path.join(d, 'p'));
      writePack(s.path, simplePack(2));
      rmSync(path.join(s.path, 'livres/livre-0.epub'));
      return s;
    },
  },
  {
    name: 'unknown licence',
    code: 'unknown-licence',
    mentions: 'WTFPL-9',
    build: (d) =>
      patched(d, simplePack(1), (m) => {
        item0(m).licence = 'WTFPL-9';
      }),
  },
  {
    name: 'NC licence under the free-culture policy',
    code: 'licence-not-allowed',
    mentions: 'CC-BY-NC-4.0',
    build: (d) =>
      patched(d, simplePack(1), (m) => {
        item0(m).licence = 'CC-BY-NC-4.0';
      }),
  },
  {
    name: 'duplicate item ids',
    code: 'duplicate-item-id',
    mentions: 'livre-0',
    build: (d) =>
      patched(d, simplePack(2), (m) => {
        (m.items[1] as Record<string, unknown>)['id'] = 'livre-0';
      }),
  },
  {
    name: 'same path twice with different checksums',
    code: 'duplicate-path',
    build: (d) =>
      patched(
        d,
        {
          items: [
            { id: 'a', files: [{ path: 'a.epub', content: 'a' }] },
            { id: 'b', files: [{ path: 'a.epub', content: 'b' }] },
          ],
        },
        () => undefined,
      ),
  },
  {
    name: 'NFC/NFD clash in the manifest',
    code: 'name-clash',
    build: (d) =>
      patched(
        d,
        {
          items: [
            { id: 'a', files: [{ path: 'Forêt.epub', content: 'a' }] },
            { id: 'b', files: [{ path: 'Forêt.epub'.normalize('NFD'), content: 'b' }] },
          ],
        },
        () => undefined,
      ),
  },
  {
    name: 'case clash in the manifest',
    code: 'name-clash',
    mentions: 'a.epub',
    build: (d) =>
      patched(
        d,
        {
          items: [
            { id: 'a', files: [{ path: 'A.epub', content: 'a' }] },
            { id: 'b', files: [{ path: 'a.epub', content: 'b' }] },
          ],
        },
        () => undefined,
      ),
  },
  {
    name: 'two spellings on disk of one cited name',
    code: 'name-clash',
    build: (d) => {
      // "Å" cited (U+00C5); on disk: the Ångström sign and A + combining ring, both NFC "Å".
      const p = path.join(d, 'p');
      writePack(p, one([{ path: '\u00c5.epub', content: 'a' }]));
      rmSync(path.join(p, '\u00c5.epub'));
      writeFileSync(path.join(p, '\u212b.epub'), 'a');
      writeFileSync(path.join(p, 'A\u030a.epub'), 'a');
      return folder(p);
    },
  },
  {
    name: 'invalid UTF-8 file name (FAT stick)',
    code: 'bad-name-encoding',
    build: (d) => {
      const p = path.join(d, 'p');
      writePack(p, one([{ path: 'Forêt.epub', content: 'a' }]));
      rmSync(path.join(p, 'Forêt.epub'));
      writeFileSync(
        Buffer.concat([Buffer.from(`${p}/For`), Buffer.from([0xea]), Buffer.from('t.epub')]),
        'a',
      );
      return folder(p);
    },
  },
  {
    name: 'empty pack',
    code: 'empty-pack',
    build: (d) => patched(d, { items: [] }, () => undefined),
  },
  // Zips.
  {
    name: 'zip with a ../ entry',
    code: 'zip-unsafe-entry',
    mentions: '../evil.sh',
    build: (d) => zipWith(d, [{ name: '../evil.sh', data: Buffer.from('x') }]),
  },
  {
    name: 'zip with an absolute entry',
    code: 'zip-unsafe-entry',
    build: (d) => zipWith(d, [{ name: '/tmp/evil.sh', data: Buffer.from('x') }]),
  },
  {
    name: 'zip with a backslash entry',
    code: 'zip-unsafe-entry',
    build: (d) => zipWith(d, [{ name: '..\\evil.sh', data: Buffer.from('x') }]),
  },
  {
    name: 'zip with a drive letter',
    code: 'zip-unsafe-entry',
    build: (d) => zipWith(d, [{ name: 'C:/evil.sh', data: Buffer.from('x') }]),
  },
  {
    name: 'zip with a symlink entry',
    code: 'zip-symlink',
    mentions: 'lien',
    build: (d) => zipWith(d, [{ name: 'lien', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
  },
  {
    name: 'zip with a device entry',
    code: 'zip-unsafe-entry',
    build: (d) => zipWith(d, [{ name: 'null', data: Buffer.alloc(0), mode: 0o020666 }]),
  },
  {
    name: 'zip bomb (high ratio)',
    code: 'zip-bomb',
    build: (d) =>
      zipWith(d, [{ name: 'zeros.bin', data: Buffer.alloc(30 * 1024 * 1024), deflate: true }]),
  },
  {
    name: 'overlapping-entry zip bomb',
    code: 'zip-bomb',
    build: (d) => {
      const kernel = { name: 'k0', data: Buffer.alloc(200_000, 7), deflate: true };
      return zipWith(d, [
        kernel,
        ...Array.from({ length: 5 }, (_, i) => ({
          name: `k${i + 1}`,
          data: kernel.data,
          deflate: true,
          sameAs: 2,
        })),
      ]);
    },
  },
  {
    name: 'zip entry inflating beyond its declared size',
    code: 'zip-bomb',
    mentions: 'a.epub',
    build: (d) => {
      const manifest = JSON.stringify(manifestOf(one([{ path: 'a.epub', content: 'a' }])));
      return zip(
        d,
        rawZip([
          { name: 'lanterne-pack.json', data: Buffer.from(manifest) },
          { name: 'a.epub', data: Buffer.alloc(5 * 1024 * 1024), deflate: true, declaredSize: 1 },
        ]),
      );
    },
  },
  {
    name: 'zip with too many entries',
    code: 'zip-too-many-entries',
    build: (d) =>
      zipWith(
        d,
        Array.from({ length: 50_001 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) })),
      ),
  },
  {
    name: 'zip with an invalid UTF-8 name',
    code: 'bad-name-encoding',
    build: (d) => zipWith(d, [{ name: Buffer.from([0x66, 0xff, 0xfe]), data: Buffer.from('x') }]),
  },
  {
    name: 'zip with a case clash',
    code: 'name-clash',
    build: (d) => zipWith(d, [{ name: 'A.epub', data: Buffer.from('x') }]),
  },
  {
    name: 'not a zip at all',
    code: 'zip-invalid',
    build: (d) => zip(d, Buffer.from('PK\x03\x04 ceci n’est pas une archive'.repeat(10))),
  },
  {
    name: 'zip whose file was altered',
    code: 'checksum-mismatch',
    mentions: 'livre-0.epub',
    build: (d) => {
      writePack(path.join(d, 'p'), simplePack(2));
      writeFileSync(
        path.join(d, 'p', 'livres/livre-0.epub'),
        readFileSync(path.join(d, 'p', 'livres/livre-0.epub'), 'utf8').replace('c', 'C'),
      );
      return zip(d, zipFolder(path.join(d, 'p')));
    },
  },
];

describe('hostile and broken packs', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name → $code', async (c) => {
    const dir = mkdtempSync(path.join(root, 'case-'));
    const source = c.build(dir);
    const dbBefore = dumpDb(box.ctx.db);
    const dataTree = () =>
      listTree(box.ctx.paths.dataDir).filter((p) => !p.startsWith('lanterne.db'));
    const dataBefore = dataTree();
    const rootBefore = listTree(root);

    const outcome = await importPack(box.ctx, source);
    expect(outcome.status).toBe('rejected');
    const problems = outcome.status === 'rejected' ? outcome.problems : [];
    const problem = problems.find((p) => p.code === c.code);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    // Plain French, with what to do.
    expect(problem?.message).toMatch(/[a-zé]{3,} /);
    expect(problem?.hint?.length).toBeGreaterThan(10);
    if (c.mentions) expect(`${problem?.message} ${problem?.file ?? ''}`).toContain(c.mentions);

    expect(dumpDb(box.ctx.db)).toBe(dbBefore);
    expect(dataTree()).toEqual(dataBefore);
    expect(listTree(box.ctx.paths.stagingDir)).toEqual([]);
    expect(listTree(root)).toEqual(rootBefore);

    // `verify` runs the same checks and finds the same problem.
    const verified = await inspectPack(source, { licencePolicy: 'free-culture', checksums: true });
    expect(verified.ok).toBe(false);
    expect(verified.problems.map((p) => p.code)).toContain(c.code);
  });

  it('a device file is refused when the machine lets us create one', async (t) => {
    const p = path.join(root, 'device');
    writePack(p, one([{ path: 'a.epub', content: '' }]));
    rmSync(path.join(p, 'a.epub'));
    try {
      execFileSync('mknod', [path.join(p, 'a.epub'), 'c', '1', '3']);
    } catch {
      t.skip('mknod non permis ici : cas « périphérique » non testé');
      return;
    }
    const outcome = await importPack(box.ctx, folder(p));
    expect(outcome.status === 'rejected' && outcome.problems[0]?.code).toBe('not-regular-file');
    expect(outcome.status === 'rejected' && outcome.problems[0]?.message).toContain('périphérique');
  });

  it('the all-cc policy accepts an NC licence that free-culture refuses', async () => {
    const p = path.join(root, 'nc');
    writePack(p, simplePack(1, { id: 'nc' }), (m) => {
      item0(m).licence = 'CC-BY-NC-SA-4.0';
    });
    expect((await inspectPack(folder(p), { licencePolicy: 'all-cc' })).ok).toBe(true);
    expect(
      (await inspectPack(folder(p), { licencePolicy: 'free-culture' })).problems[0]?.code,
    ).toBe('licence-not-allowed');
  });
});
