import {
  cpSync,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPack } from '../../../src/server/packs/import.js';
import { PackError } from '../../../src/server/packs/problems.js';
import { FolderReader } from '../../../src/server/packs/read/folder.js';
import type { UsbService } from '../../../src/server/packs/watch/service.js';
import type { QueueEntry } from '../../../src/server/packs/watch/queue.js';
import type { TestBox } from '../../helpers/box.js';
import {
  localRecord,
  manifestOf,
  rawZip,
  simplePack,
  writePack,
  type RawEntry,
  type SpecPack,
} from '../fixtures/packs.js';
import { plugStick, waitForEntry, startUsbBox, stopUsbBox, type UsbBox } from './helpers.js';

/**
 * What is checked is what is copied: hostile sticks go through the USB queue (the path
 * an animateur sees), and each must be refused at inspection with its verdict shown
 * at once — never "waiting" for an approval that the copy would then betray.
 */
let box: TestBox;
let service: UsbService;
let media: string;
let usb: UsbBox;

beforeEach(async () => {
  usb = await startUsbBox();
  ({ box, service, media } = usb);
});

afterEach(async () => stopUsbBox(usb));

const one = (files: Array<{ path: string; content: string | Buffer }>): SpecPack => ({
  id: 'hostile',
  items: [{ id: 'a', files }],
});
const manifestBytes = (spec: SpecPack) => Buffer.from(JSON.stringify(manifestOf(spec)));
const final = (e: QueueEntry) => !['checking', 'queued', 'importing'].includes(e.state);

let labels = 0;
/** Plugs a stick filled by `fill`, returns the queue's settled entry and every state seen. */
async function throughQueue(
  fill: (root: string) => void,
): Promise<{ entry: QueueEntry; states: string[] }> {
  const label = `CLE${(labels += 1)}`;
  const states: string[] = [];
  const off = service.queue.onChange((e) => {
    if (e.stickLabel === label) states.push(e.state);
  });
  plugStick(media, label, fill);
  const entry = await waitForEntry(service.queue, (e) => e.stickLabel === label && final(e));
  await service.idle();
  off();
  return { entry, states };
}

const zipOn = (entries: RawEntry[]) => (root: string) =>
  writeFileSync(path.join(root, 'pack.zip'), rawZip(entries));

function expectRefused(result: { entry: QueueEntry; states: string[] }, code: string) {
  const { entry, states } = result;
  expect(entry.state, JSON.stringify(entry.problems)).toBe('rejected');
  expect(states).not.toContain('waiting');
  expect(entry.problems.map((p) => p.code)).toContain(code);
  for (const p of entry.problems) {
    const text = `${p.message} ${p.hint ?? ''} ${p.file ?? ''}`;
    expect(text).not.toContain(box.ctx.paths.dataDir);
    expect(text).not.toContain(media);
    // No control character, no system error code, no library English.
    expect(text).not.toMatch(
      /[\u0080-\u009f]|\bE[A-Z]{3,}\b|\b([Ii]nvalid|[Uu]nexpected|end of)\b/,
    );
    // One sentence saying what is wrong, one saying what to do.
    expect(p.message).toMatch(/[a-zé]{3,} .*[.:]?/);
    expect(p.hint?.length ?? 0).toBeGreaterThan(10);
  }
  expect(box.ctx.catalogue.repo.listPacks()).toEqual([]);
  expect(existsSync(box.ctx.paths.stagingDir) ? readdirSync(box.ctx.paths.stagingDir) : []).toEqual(
    [],
  );
}

describe('names are decided at inspection, in bytes, as the disks will store them', () => {
  it('a C1 control character (U+009B) in a name', async () => {
    const name = 'livres/a\u009b2J.epub';
    expectRefused(
      await throughQueue((r) => writePack(r, one([{ path: name, content: 'a' }]))),
      'unsafe-path',
    );
  });

  it('a name component over 255 bytes (fits in 255 characters, not in 255 bytes)', async () => {
    const long = `${'é'.repeat(130)}.epub`; // 130 characters ×2 bytes + 5 = 265 bytes
    expectRefused(
      await throughQueue(
        zipOn([
          { name: 'lanterne-pack.json', data: manifestBytes(one([{ path: long, content: 'a' }])) },
          { name: long, data: Buffer.from('a') },
        ]),
      ),
      'zip-unsafe-entry',
    );
  });

  it('two names that become the same once invalid UTF-16 is replaced', async () => {
    const spec = one([
      { path: 'livres/\ufffd.epub', content: 'a' },
      { path: 'livres/b.epub', content: 'b' },
    ]);
    expectRefused(
      await throughQueue((r) =>
        writePack(r, spec, (m) => {
          const files = (m.items[0] as { files: Array<{ path: string }> }).files;
          if (files[1]) files[1].path = 'livres/\ud800.epub';
        }),
      ),
      'unsafe-path',
    );
  });

  it('a file and a folder of the same name (in the manifest)', async () => {
    expectRefused(
      await throughQueue(
        zipOn([
          {
            name: 'lanterne-pack.json',
            data: manifestBytes(
              one([
                { path: 'Docs', content: 'a' },
                { path: 'docs/b.epub', content: 'b' },
              ]),
            ),
          },
          { name: 'Docs', data: Buffer.from('a') },
          { name: 'docs/b.epub', data: Buffer.from('b') },
        ]),
      ),
      'file-folder-clash',
    );
  });

  it('a character FAT refuses, so an export stick could not hold it', async () => {
    expectRefused(
      await throughQueue((r) => writePack(r, one([{ path: 'livres/a:b.epub', content: 'a' }]))),
      'unsafe-path',
    );
  });
});

describe('zip structure', () => {
  const manifest = manifestBytes(one([{ path: 'a.epub', content: 'a' }]));

  it('an overlap hidden in a local header’s extra field', async () => {
    // [manifest][a.epub header | name | extra = 1 byte + a whole b.epub record | data]
    const first = 30 + 'lanterne-pack.json'.length + manifest.length;
    const hidden = first + 30 + 'a.epub'.length + 1;
    expectRefused(
      await throughQueue(
        zipOn([
          { name: 'lanterne-pack.json', data: manifest },
          {
            name: 'a.epub',
            data: Buffer.from('a'),
            localExtra: Buffer.concat([Buffer.alloc(1), localRecord('b.epub', Buffer.from('b'))]),
          },
          { name: 'b.epub', data: Buffer.from('b'), offset: hidden },
        ]),
      ),
      'zip-bomb',
    );
  });

  it('the same entry name twice (another tool would show the other one)', async () => {
    expectRefused(
      await throughQueue(
        zipOn([
          { name: 'lanterne-pack.json', data: manifest },
          { name: 'a.epub', data: Buffer.from('a') },
          { name: 'a.epub', data: Buffer.from('z') },
        ]),
      ),
      'zip-duplicate-entry',
    );
  });

  it('a file “Docs” and a folder “docs/”', async () => {
    expectRefused(
      await throughQueue(
        zipOn([
          { name: 'lanterne-pack.json', data: manifest },
          { name: 'a.epub', data: Buffer.from('a') },
          { name: 'Docs', data: Buffer.from('x') },
          { name: 'docs/', data: Buffer.alloc(0), mode: 0o40755 },
        ]),
      ),
      'file-folder-clash',
    );
  });

  it('a damaged archive is said in French, without the zip library’s English', async () => {
    expectRefused(
      await throughQueue((r) =>
        writeFileSync(
          path.join(r, 'pack.zip'),
          Buffer.from('PK\x05\x06 pas une archive '.repeat(3)),
        ),
      ),
      'zip-invalid',
    );
  });
});

describe('changes during the copy', () => {
  /** Imports `dir` directly, running `change` once, when the copy has started. */
  async function importChanging(dir: string, change: () => void) {
    let changed = false;
    const outcome = await importPack(
      box.ctx,
      { kind: 'folder', path: dir, origin: 'usb' },
      {
        onProgress: (p) => {
          if (p.phase === 'copying' && !changed) {
            changed = true;
            change();
          }
        },
      },
    );
    expect(changed).toBe(true);
    return outcome;
  }

  for (const [what, size] of [
    ['small files (worker threads)', 40],
    ['large files (main thread)', 1_200_000],
  ] as const) {
    it(`a folder swapped for a symlink to an identical copy elsewhere is not followed: ${what}`, async () => {
      const dir = path.join(box.dir, 'stick', 'p');
      writePack(dir, simplePack(30, { size }));
      // Elsewhere, the very same bytes: checksums alone would let them through.
      const elsewhere = path.join(box.dir, 'elsewhere');
      cpSync(path.join(dir, 'livres'), elsewhere, { recursive: true });
      const outcome = await importChanging(dir, () => {
        renameSync(path.join(dir, 'livres'), path.join(dir, 'livres-vu'));
        symlinkSync(elsewhere, path.join(dir, 'livres'));
      });
      expect(outcome.status).toBe('rejected');
      const problem = outcome.status === 'rejected' ? outcome.problems[0] : undefined;
      expect(problem?.code).toBe('changed-during-import');
      expect(problem?.message).toMatch(/^« livres\/livre-\d+\.epub » a été remplacé ou modifié/);
      expect(box.ctx.catalogue.repo.listPacks()).toEqual([]);
      expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
    });
  }

  it('a file swapped for a symlink says so in French (no raw ELOOP)', async () => {
    const dir = path.join(box.dir, 'stick', 'p');
    writePack(dir, simplePack(30));
    const outcome = await importChanging(dir, () => {
      const f = path.join(dir, 'livres', 'livre-29.epub');
      rmSync(f);
      symlinkSync('/etc/hostname', f);
    });
    const problem = outcome.status === 'rejected' ? outcome.problems[0] : undefined;
    expect(problem?.message).toMatch(/lien symbolique/);
    expect(JSON.stringify(problem)).not.toMatch(/ELOOP|symbolic links|\/tmp\//);
  });

  it('a stick removed during inspection says "Clé retirée", not a raw ENOENT scandir', async () => {
    const dir = path.join(box.dir, 'stick');
    writePack(dir, simplePack(2));
    const reader = new FolderReader(dir);
    await reader.readManifest(1_000_000);
    rmSync(dir, { recursive: true });
    const err = await reader.locate('livres/livre-0.epub').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackError);
    const problem = (err as PackError).problem;
    expect(problem.message).toMatch(/^Clé retirée/);
    expect(JSON.stringify(problem)).not.toMatch(/ENOENT|scandir|\/tmp\//);
  });

  it('a stick deleted during an approved import says "Clé retirée" in the queue', async () => {
    let stick = '';
    const label = 'EFFACEE';
    plugStick(media, label, (root) => writePack(root, simplePack(200, { size: 4000 })));
    stick = path.join(media, label);
    const waiting = await waitForEntry(service.queue, (e) => e.state === 'waiting');
    const off = service.queue.onChange((e) => {
      if (e.state === 'importing' && (e.progress?.bytesDone ?? 0) > 0 && stick) {
        // Its files go (a stick wiped, or half unmounted) while its folder is still there.
        rmSync(path.join(stick, 'livres'), { recursive: true, force: true });
        stick = '';
      }
    });
    service.approve(waiting.key);
    const done = await waitForEntry(
      service.queue,
      (e) => e.key === waiting.key && ['removed', 'failed', 'imported'].includes(e.state),
    );
    off();
    await service.idle();
    expect(done.state).toBe('removed');
    expect(done.message).toMatch(/^Clé retirée/);
    expect(JSON.stringify(done)).not.toMatch(/annoncé mais absent/);
    expect(box.ctx.catalogue.repo.listPacks()).toEqual([]);
  });
});
