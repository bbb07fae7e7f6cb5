import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { dumpDb, simplePack, writePack } from './fixtures/packs.js';

/**
 * The box's data folder on a 3 MB tmpfs: a pack that does not fit is refused before
 * copying, and a disk that fills up during the copy rolls back cleanly, with the
 * catalogue intact and the portal still serving. Needs root (CI runs as root).
 */
const root = mkdtempSync(path.join(tmpdir(), 'lanterne-full-'));
const dataDir = path.join(root, 'data');
mkdirSync(dataDir);
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dataDir], { stdio: 'ignore' });
  mounted = true;
} catch {
  mounted = false;
}
let box: TestBox | undefined;

afterAll(async () => {
  await box?.cleanup().catch(() => undefined);
  if (mounted) execFileSync('umount', [dataDir]);
  rmSync(root, { recursive: true, force: true });
});

const free = () => {
  const st = statfsSync(dataDir);
  return st.bavail * st.bsize;
};

it('a full disk rolls back cleanly, says so in French, and the portal keeps serving', async (t) => {
  if (!mounted) {
    // CI runs as root (`.ci/run` sets CI): there the test runs, or fails; elsewhere a
    // non-root run shows it as skipped, never as passed.
    if (process.env['CI'] || process.getuid?.() === 0)
      throw new Error('Montage tmpfs impossible alors que le test doit tourner (CI ou root)');
    t.skip('Montage tmpfs impossible ici (il faut être root) : test du disque plein NON exécuté');
    return;
  }
  box = makeTestBox({ dataDir });
  const ctx = box.ctx;
  writePack(path.join(root, 'good'), simplePack(5, { id: 'bon' }));
  expect(
    (
      await importPack(
        ctx,
        { kind: 'folder', path: path.join(root, 'good'), origin: 'usb' },
        { freeSpaceMargin: 0 },
      )
    ).status,
  ).toBe('imported');
  const server = await box.listen();
  const before = dumpDb(ctx.db);
  const packsBefore = readdirSync(ctx.paths.packsDir);

  // 1. Bigger than the whole disk: refused before a byte is copied.
  const big = simplePack(1, { id: 'gros' });
  big.items[0]?.files.push({ path: 'video.mp4', content: Buffer.alloc(4 * 1024 * 1024, 1) });
  writePack(path.join(root, 'big'), big);
  const refused = await importPack(ctx, {
    kind: 'folder',
    path: path.join(root, 'big'),
    origin: 'usb',
  });
  expect(refused.status).toBe('rejected');
  const p1 = refused.status === 'rejected' ? refused.problems[0] : undefined;
  expect(p1?.code).toBe('disk-full');
  expect(p1?.message).toMatch(/^Plus assez de place/);

  // 2. Fits at the start, but the disk fills up during the copy (another writer).
  const mid = simplePack(1, { id: 'moyen' });
  mid.items[0]?.files.push({
    path: 'video.mp4',
    content: Buffer.alloc(Math.floor(free() * 0.6), 2),
  });
  writePack(path.join(root, 'mid'), mid);
  let filled = false;
  const outcome = await importPack(
    ctx,
    { kind: 'folder', path: path.join(root, 'mid'), origin: 'usb' },
    {
      freeSpaceMargin: 0,
      onProgress: (p) => {
        if (p.phase === 'copying' && !filled) {
          filled = true;
          writeFileSync(
            path.join(dataDir, 'remplissage'),
            Buffer.alloc(Math.max(0, free() - 64 * 1024)),
          );
        }
      },
    },
  );
  expect(filled).toBe(true);
  expect(outcome.status).toBe('rejected');
  const p2 = outcome.status === 'rejected' ? outcome.problems[0] : undefined;
  expect(p2?.code).toBe('disk-full');
  expect(p2?.message).toMatch(/^Plus assez de place/);
  expect(p2?.message).toContain('la copie s’est arrêtée sur « ');
  expect(p2?.hint).toContain('Supprimez');

  // Nothing changed, nothing left behind, and the portal serves the old catalogue.
  expect(dumpDb(ctx.db)).toBe(before);
  expect(readdirSync(ctx.paths.packsDir)).toEqual(packsBefore);
  expect(readdirSync(ctx.paths.stagingDir)).toEqual([]);
  const page = await fetch(`${server.url}/works/bon.livre-1`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Livre 1');
  const file = await fetch(`${server.url}/files/bon.livre-1/0`);
  expect(file.status).toBe(200);
  expect((await file.text()).startsWith('contenu 1')).toBe(true);
  rmSync(path.join(dataDir, 'remplissage'));
});
