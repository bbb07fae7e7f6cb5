import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPack, removePack } from '../../src/server/packs/import.js';
import type { BoxEvent } from '../../src/server/events/bus.js';
import type { Manifest } from '../../src/server/packs/manifest.js';
import type { ImportProgress, PackHook } from '../../src/server/packs/types.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { manifestOf, rawZip, simplePack, writePack, zipFolder } from './fixtures/packs.js';

let box: TestBox;
let src: string;

beforeEach(() => {
  box = makeTestBox();
  src = mkdtempSync(path.join(tmpdir(), 'lanterne-src-'));
});
afterEach(async () => {
  await box.cleanup();
  rmSync(src, { recursive: true, force: true });
});

const folder = (p: string) => ({ kind: 'folder' as const, path: p, origin: 'usb' as const });

describe('importPack', () => {
  it('imports a folder pack: works, files on disk with their checksums, search, event, progress', async () => {
    writePack(path.join(src, 'p'), {
      items: [
        {
          id: 'foret',
          title: 'La Forêt',
          files: [{ path: 'livres/Forêt.epub', content: 'epub' }],
          cover: { path: 'img/foret.png', content: 'png' },
        },
        {
          id: 'chant',
          type: 'audio',
          title: 'Chant',
          licence: 'CC0-1.0',
          files: [{ path: 'son/chant.ogg', content: 'ogg' }],
        },
      ],
    });
    const events: BoxEvent[] = [];
    box.ctx.events.on((e) => events.push(e));
    const progress: ImportProgress[] = [];
    const outcome = await importPack(box.ctx, folder(path.join(src, 'p')), {
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toEqual({ status: 'imported', packId: 'essai', version: '1.0.0' });
    const work = box.ctx.catalogue.repo.getWork('essai.foret');
    expect(work?.title).toBe('La Forêt');
    expect(work?.files[0]).toMatchObject({
      path: 'livres/Forêt.epub',
      format: 'epub',
      mime: 'application/epub+zip',
      size: 4,
    });
    expect(work?.coverMime).toBe('image/png');
    expect(box.ctx.catalogue.repo.getWork('essai.chant')?.files[0]?.mime).toBe('audio/ogg');
    expect(box.ctx.catalogue.find({ q: 'foret' }).total).toBe(1);
    const pack = box.ctx.catalogue.repo.getPack('essai');
    const file = path.join(box.ctx.paths.packsDir, pack?.dir ?? '', 'livres/Forêt.epub');
    expect(readFileSync(file, 'utf8')).toBe('epub');
    expect(
      existsSync(path.join(box.ctx.paths.packsDir, pack?.dir ?? '', 'lanterne-pack.json')),
    ).toBe(true);
    expect(events).toContainEqual({ type: 'pack-imported', packId: 'essai', version: '1.0.0' });
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['checking', 'copying', 'switching', 'done']),
    );
    expect(progress.at(-1)).toMatchObject({ phase: 'done', bytesDone: 10, bytesTotal: 10 });
    expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
    // The switch commits with synchronous=FULL, then the box goes back to NORMAL.
    expect(box.ctx.db.pragma('synchronous', { simple: true })).toBe(1);
    // Served for real over HTTP, byte for byte.
    const server = await box.listen();
    const res = await fetch(`${server.url}/works/essai.foret`);
    expect(res.status).toBe(200);
    const dl = await fetch(`${server.url}/files/essai.foret/0`);
    expect(dl.status).toBe(200);
    expect(await dl.text()).toBe('epub');
  });

  it('imports a zip, also when the pack sits inside one top folder of the archive', async () => {
    const spec = simplePack(3);
    spec.items[0]?.files.push({
      path: 'videos/film.mp4',
      content: randomBytes(6 * 1024 * 1024 + 7),
    });
    writePack(path.join(src, 'p'), spec);
    writeFileSync(path.join(src, 'a.zip'), zipFolder(path.join(src, 'p'), 'mon-pack/'));
    const outcome = await importPack(box.ctx, {
      kind: 'zip',
      path: path.join(src, 'a.zip'),
      origin: 'usb',
    });
    expect(outcome.status).toBe('imported');
    expect(box.ctx.catalogue.repo.getPack('essai')?.workCount).toBe(3);
    // A large entry (written in batches while it inflates) arrives whole.
    const big = box.ctx.catalogue.repo.getFile('essai.livre-0', 1);
    const bigBytes = readFileSync(
      path.join(box.ctx.paths.packsDir, big?.dir ?? '', big?.path ?? ''),
    );
    expect(bigBytes.length).toBe(6 * 1024 * 1024 + 7);
    expect(createHash('sha256').update(bigBytes).digest('hex')).toBe(big?.sha256);
    const f = box.ctx.catalogue.repo.getFile('essai.livre-2', 0);
    const bytes = readFileSync(path.join(box.ctx.paths.packsDir, f?.dir ?? '', f?.path ?? ''));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(f?.sha256);
  });

  it('copies the pictures an e-notice names beside it, never a symlink or a path outside', async () => {
    const dir = path.join(src, 'p');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    const notice = JSON.stringify({
      steps: [
        { picture: { path: 'etape-1.svg', sha256: sha(svg) } },
        { picture: { path: '../../lanterne-pack.json', sha256: sha('x') } },
        { picture: { path: 'lien.svg', sha256: sha('x') } },
      ],
    });
    writePack(dir, { items: [{ id: 'a', files: [{ path: 'a.epub', content: 'a' }] }] }, (m) => {
      m['notices'] = [
        {
          id: 'wifi',
          path: 'notices/wifi/notice.json',
          size: Buffer.byteLength(notice),
          sha256: sha(notice),
        },
      ];
    });
    mkdirSync(path.join(dir, 'notices', 'wifi'), { recursive: true });
    writeFileSync(path.join(dir, 'notices', 'wifi', 'notice.json'), notice);
    writeFileSync(path.join(dir, 'notices', 'wifi', 'etape-1.svg'), svg);
    symlinkSync('/etc/passwd', path.join(dir, 'notices', 'wifi', 'lien.svg'));
    const outcome = await importPack(box.ctx, folder(dir));
    expect(outcome.status).toBe('imported');
    const packDir = path.join(
      box.ctx.paths.packsDir,
      box.ctx.catalogue.repo.getPack('essai')?.dir ?? 'x',
    );
    expect(readdirSync(path.join(packDir, 'notices', 'wifi')).sort()).toEqual([
      'etape-1.svg',
      'notice.json',
    ]);
  });

  it('reads CP437 names from old Windows zips (no UTF-8 flag)', async () => {
    const manifest = manifestOf({
      items: [{ id: 'a', files: [{ path: 'Forêt.epub', content: 'x' }] }],
    });
    // CP437: "ê" is 0x88.
    const name = Buffer.concat([Buffer.from('For'), Buffer.from([0x88]), Buffer.from('t.epub')]);
    writeFileSync(
      path.join(src, 'cp437.zip'),
      rawZip([
        { name: 'lanterne-pack.json', data: Buffer.from(JSON.stringify(manifest)) },
        { name, data: Buffer.from('x'), utf8: false },
      ]),
    );
    const outcome = await importPack(box.ctx, {
      kind: 'zip',
      path: path.join(src, 'cp437.zip'),
      origin: 'usb',
    });
    expect(outcome.status).toBe('imported');
  });

  it('a stick whose files vanish during the copy: "Clé retirée", file named, nothing changed', async () => {
    writePack(path.join(src, 'p'), simplePack(60));
    let pulled = false;
    const outcome = await importPack(box.ctx, folder(path.join(src, 'p')), {
      onProgress: (p) => {
        if (p.phase === 'copying' && !pulled) {
          pulled = true;
          rmSync(path.join(src, 'p', 'livres'), { recursive: true, force: true });
        }
      },
    });
    expect(outcome.status).toBe('rejected');
    const problem = outcome.status === 'rejected' ? outcome.problems[0] : undefined;
    expect(problem?.code).toBe('stick-removed');
    expect(problem?.message).toMatch(/^Clé retirée ou modifiée : « livres\/livre-\d+\.epub »/);
    expect(problem?.message).not.toMatch(/ENOENT|scandir|no such file/i);
    expect(problem?.hint).toContain('clé');
    expect(box.ctx.catalogue.find({}).total).toBe(0);
    expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
    expect(readdirSync(box.ctx.paths.packsDir)).toEqual([]);
  });

  it('a file changed on the stick after the checks is caught during the copy', async () => {
    const size = (f: string) => readFileSync(f).length;
    const cases: Array<[string, (file: string) => void, string]> = [
      ['grown', (f) => writeFileSync(f, 'x'.repeat(size(f) + 1)), 'size-mismatch'],
      ['shrunk', (f) => writeFileSync(f, 'x'), 'size-mismatch'],
      // Same size, rewritten: its modification time (or, at the latest, its checksum) says so.
      ['other bytes', (f) => writeFileSync(f, 'y'.repeat(size(f))), 'changed-during-import'],
      [
        'now a symlink',
        (f) => (rmSync(f), symlinkSync('/etc/hostname', f)),
        'changed-during-import',
      ],
      ['now a folder', (f) => (rmSync(f), mkdirSync(f)), 'not-regular-file'],
      // Opening a FIFO for reading would wait for a writer forever.
      ['now a FIFO', (f) => (rmSync(f), execFileSync('mkfifo', [f])), 'not-regular-file'],
    ];
    for (const [name, change, code] of cases) {
      const dir = path.join(src, name);
      writePack(dir, simplePack(30));
      const file = path.join(dir, 'livres', 'livre-29.epub');
      let changed = false;
      const outcome = await importPack(box.ctx, folder(dir), {
        onProgress: (p) => {
          if (p.phase === 'copying' && !changed) {
            changed = true;
            change(file);
          }
        },
      });
      expect(changed).toBe(true);
      const problem = outcome.status === 'rejected' ? outcome.problems[0] : undefined;
      const got =
        name === 'other bytes' && problem?.code === 'checksum-mismatch'
          ? 'changed-during-import' // a rewrite within the same clock tick keeps its mtime
          : problem?.code;
      expect({ name, code: got, file: problem?.file }).toEqual({
        name,
        code,
        file: 'livres/livre-29.epub',
      });
      expect(box.ctx.catalogue.find({}).total).toBe(0);
      expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
      expect(readdirSync(box.ctx.paths.packsDir)).toEqual([]);
    }
  });

  it('an interrupted import (stick pulled out) changes nothing', async () => {
    writePack(path.join(src, 'p'), simplePack(40));
    const controller = new AbortController();
    const outcome = await importPack(box.ctx, folder(path.join(src, 'p')), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'copying' && p.bytesDone > 0) controller.abort();
      },
    });
    expect(outcome.status === 'rejected' && outcome.problems[0]?.code).toBe('interrupted');
    expect(box.ctx.catalogue.find({}).total).toBe(0);
    expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
    expect(readdirSync(box.ctx.paths.packsDir)).toEqual([]);
  });

  it('accepts NFD names from macOS for NFC manifest paths and stores them NFC', async () => {
    const dir = path.join(src, 'p');
    writePack(dir, { items: [{ id: 'a', files: [{ path: 'Forêt.epub', content: 'x' }] }] });
    rmSync(path.join(dir, 'Forêt.epub'));
    writeFileSync(path.join(dir, 'Forêt.epub'.normalize('NFD')), 'x');
    const outcome = await importPack(box.ctx, folder(dir));
    expect(outcome.status).toBe('imported');
    const f = box.ctx.catalogue.repo.getFile('essai.a', 0);
    expect(
      existsSync(path.join(box.ctx.paths.packsDir, f?.dir ?? '', 'Forêt.epub'.normalize('NFC'))),
    ).toBe(true);
  });
});

describe('versions', () => {
  it('replaces an older version atomically, keeps "date added", deletes the old folder', async () => {
    writePack(path.join(src, 'v1'), simplePack(3, { version: '1.0.0' }));
    writePack(path.join(src, 'v2'), simplePack(4, { version: '1.10.0', tag: ' v2' }));
    await importPack(box.ctx, folder(path.join(src, 'v1')));
    const first = box.ctx.catalogue.repo.getPack('essai');
    const addedAt = box.ctx.catalogue.repo.getWork('essai.livre-0')?.addedAt;
    await new Promise((r) => setTimeout(r, 5));
    const outcome = await importPack(box.ctx, folder(path.join(src, 'v2')));
    expect(outcome).toEqual({
      status: 'imported',
      packId: 'essai',
      version: '1.10.0',
      replaced: '1.0.0',
    });
    expect(box.ctx.catalogue.repo.getPack('essai')?.workCount).toBe(4);
    expect(box.ctx.catalogue.repo.getWork('essai.livre-0')?.title).toBe('Livre 0 v2');
    expect(box.ctx.catalogue.repo.getWork('essai.livre-0')?.addedAt).toBe(addedAt);
    expect(existsSync(path.join(box.ctx.paths.packsDir, first?.dir ?? 'x'))).toBe(false);
    expect(readdirSync(box.ctx.paths.packsDir)).toHaveLength(1);
  });

  it('the same pack twice is a no-op; an older version is refused without change', async () => {
    writePack(path.join(src, 'v2'), simplePack(2, { version: '2.0.0' }));
    writePack(path.join(src, 'v1'), simplePack(2, { version: '1.9.9' }));
    await importPack(box.ctx, folder(path.join(src, 'v2')));
    const before = box.ctx.catalogue.repo.getPack('essai');
    const gen = box.ctx.catalogue.generation();
    expect(await importPack(box.ctx, folder(path.join(src, 'v2')))).toEqual({
      status: 'unchanged',
      packId: 'essai',
      version: '2.0.0',
    });
    expect(await importPack(box.ctx, folder(path.join(src, 'v1')))).toEqual({
      status: 'older',
      packId: 'essai',
      version: '1.9.9',
      installed: '2.0.0',
    });
    expect(box.ctx.catalogue.repo.getPack('essai')).toEqual(before);
    expect(box.ctx.catalogue.generation()).toBe(gen);
    expect(readdirSync(box.ctx.paths.packsDir)).toEqual([before?.dir]);
  });

  it('the same version is reinstalled when its folder has vanished from the disk', async () => {
    writePack(path.join(src, 'a'), simplePack(2));
    await importPack(box.ctx, folder(path.join(src, 'a')));
    const dir = box.ctx.catalogue.repo.getPack('essai')?.dir ?? 'x';
    rmSync(path.join(box.ctx.paths.packsDir, dir), { recursive: true });
    const outcome = await importPack(box.ctx, folder(path.join(src, 'a')));
    expect(outcome.status).toBe('imported');
    const now = box.ctx.catalogue.repo.getPack('essai')?.dir ?? 'x';
    expect(existsSync(path.join(box.ctx.paths.packsDir, now, 'livres/livre-1.epub'))).toBe(true);
  });

  it('a stick pack with the same version but other content is refused (version conflict)', async () => {
    writePack(path.join(src, 'a'), simplePack(2));
    writePack(path.join(src, 'b'), simplePack(2, { tag: ' autre' }));
    await importPack(box.ctx, folder(path.join(src, 'a')));
    const outcome = await importPack(box.ctx, folder(path.join(src, 'b')));
    expect(outcome.status === 'rejected' && outcome.problems[0]?.code).toBe('version-conflict');
  });

  it('removePack removes the works, the folder and the hooks’ part, and nothing else', async () => {
    const calls: string[] = [];
    const hook: PackHook = {
      name: 'essai',
      install: (id: string, dir: string, m: Manifest) =>
        calls.push(`install ${id} ${existsSync(dir)} ${m.items.length}`),
      remove: (id: string) => calls.push(`remove ${id}`),
    };
    box.ctx.packHooks.push(hook);
    writePack(path.join(src, 'a'), simplePack(2, { id: 'alpha' }));
    writePack(path.join(src, 'b'), simplePack(3, { id: 'beta' }));
    await importPack(box.ctx, folder(path.join(src, 'a')));
    await importPack(box.ctx, folder(path.join(src, 'b')));
    const alpha = box.ctx.catalogue.repo.getPack('alpha');
    expect(await removePack(box.ctx, 'alpha')).toBe(true);
    expect(await removePack(box.ctx, 'alpha')).toBe(false);
    expect(box.ctx.catalogue.repo.getPack('alpha')).toBeUndefined();
    expect(box.ctx.catalogue.repo.getWork('alpha.livre-0')).toBeUndefined();
    expect(box.ctx.catalogue.repo.getPack('beta')?.workCount).toBe(3);
    expect(existsSync(path.join(box.ctx.paths.packsDir, alpha?.dir ?? 'x'))).toBe(false);
    expect(calls).toEqual(['install alpha true 2', 'install beta true 3', 'remove alpha']);
  });

  it('a hook that throws rolls the whole pack back (same transaction)', async () => {
    box.ctx.packHooks.push({
      name: 'casse',
      install: () => {
        throw new Error('notice illisible');
      },
      remove: () => undefined,
    });
    writePack(path.join(src, 'a'), simplePack(2));
    const outcome = await importPack(box.ctx, folder(path.join(src, 'a')));
    expect(outcome.status).toBe('rejected');
    expect(box.ctx.catalogue.repo.getPack('essai')).toBeUndefined();
    expect(box.ctx.catalogue.find({}).total).toBe(0);
    expect(readdirSync(box.ctx.paths.packsDir)).toEqual([]);
    expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
  });
});
