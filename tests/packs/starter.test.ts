import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { Logger } from '../../src/server/log.js';
import { importPack } from '../../src/server/packs/import.js';
import { recoverPacks } from '../../src/server/packs/recover.js';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import { startFeatures } from '../../src/server/start.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { simplePack, writePack } from './fixtures/packs.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const boxes: TestBox[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const b of boxes.splice(0)) await b.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'lanterne-starter-'));
  dirs.push(d);
  return d;
}

function capture(box: TestBox): string[] {
  const lines: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  box.ctx.log = log;
  return lines;
}

it('recovery empties staging and deletes folders no pack references, and only those', async () => {
  const src = tempDir();
  const box = makeTestBox();
  boxes.push(box);
  writePack(path.join(src, 'p'), simplePack(2));
  await importPack(box.ctx, { kind: 'folder', path: path.join(src, 'p'), origin: 'usb' });
  const kept = box.ctx.catalogue.repo.getPack('essai')?.dir ?? '';
  mkdirSync(path.join(box.ctx.paths.stagingDir, 'essai-abc', 'livres'), { recursive: true });
  writeFileSync(path.join(box.ctx.paths.stagingDir, 'essai-abc', 'livres', 'x.epub'), 'x');
  mkdirSync(path.join(box.ctx.paths.packsDir, 'essai@2.0.0-deadbeef'));
  const result = await recoverPacks(box.ctx);
  expect(result).toEqual({
    stagingCleared: 1,
    orphansRemoved: ['essai@2.0.0-deadbeef'],
    missingDirs: [],
  });
  expect(readdirSync(box.ctx.paths.packsDir)).toEqual([kept]);
  expect(readdirSync(box.ctx.paths.stagingDir)).toEqual([]);
  expect(box.ctx.catalogue.find({}).total).toBe(2);
});

it('loads the bundled pack once, then only when it is newer; a broken one is logged and skipped', async () => {
  const content = tempDir();
  const box = makeTestBox({ contentDir: content });
  boxes.push(box);
  const lines = capture(box);
  expect(await loadBundledPack(box.ctx)).toBeNull();
  writePack(content, simplePack(2, { id: 'demo' }));
  expect((await loadBundledPack(box.ctx))?.status).toBe('imported');
  expect((await loadBundledPack(box.ctx))?.status).toBe('unchanged');
  expect(box.ctx.catalogue.repo.getPack('demo')?.origin).toBe('bundled');
  writePack(content, simplePack(3, { id: 'demo', version: '1.1.0' }));
  expect((await loadBundledPack(box.ctx))?.status).toBe('imported');
  expect(box.ctx.catalogue.find({}).total).toBe(3);
  writePack(content, simplePack(1, { id: 'demo', version: '1.2.0' }), (m) => {
    (m.items[0] as Record<string, unknown>)['licence'] = 'propriétaire';
  });
  expect((await loadBundledPack(box.ctx))?.status).toBe('rejected');
  expect(
    lines.some(
      (l) =>
        l.startsWith('error Le pack fourni n’a pas pu être chargé') && l.includes('propriétaire'),
    ),
  ).toBe(true);
  expect(box.ctx.catalogue.find({}).total).toBe(3);
});

it('at start, the box serves first and then loads the real demo content/ in the background', async () => {
  const box = makeTestBox({ contentDir: path.join(REPO, 'content') });
  boxes.push(box);
  const server = await box.listen();
  const loaded = new Promise<void>((resolve) =>
    box.ctx.events.on((e) => e.type === 'pack-imported' && resolve()),
  );
  const stop = await startFeatures(box.ctx);
  // The portal answers while the pack loads.
  expect((await fetch(`${server.url}/`)).status).toBe(200);
  await loaded;
  const pack = box.ctx.catalogue.repo.listPacks().find((p) => p.origin === 'bundled');
  expect(pack?.workCount).toBeGreaterThanOrEqual(12);
  expect(
    existsSync(path.join(box.ctx.paths.packsDir, pack?.dir ?? 'x', 'lanterne-pack.json')),
  ).toBe(true);
  // The e-notices travel with their pictures and install through their hook.
  const notices =
    (
      JSON.parse(readFileSync(path.join(REPO, 'content', 'lanterne-pack.json'), 'utf8')) as {
        notices?: unknown[];
      }
    ).notices ?? [];
  expect(box.ctx.db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({
    n: notices.length,
  });
  expect(box.ctx.db.prepare('SELECT * FROM notice_errors').all()).toEqual([]);
  const first = box.ctx.catalogue.find({}).items[0];
  expect((await fetch(`${server.url}/works/${first?.id ?? ''}`)).status).toBe(200);
  await stop();
});
