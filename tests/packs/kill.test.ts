import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeConfig } from '../../src/server/config.js';
import type { Context } from '../../src/server/context.js';
import { openBox } from '../../src/server/core/open-box.js';
import { silentLogger } from '../../src/server/log.js';
import { importPack } from '../../src/server/packs/import.js';
import { recoverPacks } from '../../src/server/packs/recover.js';
import { simplePack, writePack, type SpecPack } from './fixtures/packs.js';

/**
 * SIGKILL a real importing process at random moments (while it starts, while it
 * copies, around the switch), then recover in another process and check that the
 * catalogue holds the old version or the new one, completely, with every file intact.
 */
const CHILD = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'import-child.ts',
);
const V1 = 150;
const V2 = 220;
let root: string;

/** Version 2 mixes many small files and a few larger ones, so the copy takes a while. */
function packV2(): SpecPack {
  const spec = simplePack(V2, { version: '2.0.0', tag: ' v2', size: 3000 });
  for (let i = 0; i < 6; i += 1) {
    const item = spec.items[i];
    if (item)
      item.files.push({ path: `videos/v${i}.mp4`, content: Buffer.alloc(3 * 1024 * 1024, i + 1) });
  }
  return spec;
}

function boxAt(dataDir: string): Context {
  const config = makeConfig({
    dataDir,
    contentDir: path.join(dataDir, 'none'),
    mediaDir: path.join(dataDir, 'none'),
  });
  return openBox({ config, log: silentLogger }).ctx;
}

interface Kill {
  /** Kill when this phase is printed (or from the start), after `delay` ms. */
  after: 'start' | 'copying' | 'verifying' | 'switching' | 'done';
  delay: number;
}

function runAndKill(dataDir: string, kill: Kill): Promise<{ killed: boolean; phases: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dataDir, path.join(root, 'v2')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const phases: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), kill.delay);
    };
    if (kill.after === 'start') arm();
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        phases.push(line);
        if (line === `phase ${kill.after}`) arm();
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', phases });
    });
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lanterne-kill-'));
  writePack(path.join(root, 'v1'), simplePack(V1, { version: '1.0.0', size: 2000 }));
  writePack(path.join(root, 'v2'), packV2());
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Deterministic "random" moments, so a failure can be replayed.
let seed = 20261122;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const kills: Kill[] = [
  ...Array.from({ length: 2 }, () => ({
    after: 'start' as const,
    delay: Math.floor(300 + random() * 1500),
  })),
  ...Array.from({ length: 4 }, () => ({
    after: 'copying' as const,
    delay: Math.floor(random() * 150),
  })),
  ...Array.from({ length: 2 }, () => ({
    after: 'verifying' as const,
    delay: Math.floor(random() * 30),
  })),
  // The switch lasts from a few to a few hundred milliseconds depending on the load:
  // spread kills before, during and after the commit.
  ...Array.from({ length: 6 }, (_, i) => ({
    after: 'switching' as const,
    delay: i * 20 + Math.floor(random() * 20),
  })),
  // Right after the commit: the new version must then be there, complete.
  { after: 'done', delay: 0 },
];

it(
  `survives SIGKILL at ${kills.length} random moments of an import`,
  { timeout: 240_000 },
  async () => {
    const seen = { old: 0, new: 0, killed: 0 };
    const log: string[] = [];
    // A run that finishes before its kill (a quiet, fast machine) is tried again with half
    // the delay, so the kills land inside the import rather than after it.
    const attempts = kills.flatMap((k) => [
      k,
      { ...k, delay: Math.floor(k.delay / 2) },
      { ...k, delay: 0 },
    ]);
    const landed = new Set<Kill>();
    for (const [index, kill] of attempts.entries()) {
      const moment = kills[Math.floor(index / 3)]!;
      if (landed.has(moment)) continue;
      const dataDir = mkdtempSync(path.join(root, 'data-'));
      const before = boxAt(dataDir);
      expect(
        (await importPack(before, { kind: 'folder', path: path.join(root, 'v1'), origin: 'usb' }))
          .status,
      ).toBe('imported');
      before.db.close();

      const run = await runAndKill(dataDir, kill);
      if (run.killed) {
        seen.killed += 1;
        landed.add(moment);
      }
      log.push(
        `${kill.after}+${kill.delay}ms → ${run.killed ? 'tué' : 'fini'} après ${run.phases.at(-1) ?? 'rien'}`,
      );

      // "Restart": a fresh connection in another process than the killed one.
      const ctx = boxAt(dataDir);
      await recoverPacks(ctx);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const packs = ctx.catalogue.repo.listPacks();
      expect(packs).toHaveLength(1);
      const pack = packs[0];
      const isNew = pack?.version === '2.0.0';
      expect(pack?.version, JSON.stringify({ kill, run })).toMatch(/^(1\.0\.0|2\.0\.0)$/);
      expect(pack?.workCount).toBe(isNew ? V2 : V1);
      if (isNew) seen.new += 1;
      else seen.old += 1;
      log.push(`  → catalogue en version ${pack?.version ?? '?'}`);
      // Every file of every work is on disk with its checksum.
      const rows = ctx.db
        .prepare(
          'SELECT f.path, f.sha256, f.size FROM work_files f JOIN works w ON w.rowid = f.work_rowid',
        )
        .all() as Array<{ path: string; sha256: string; size: number }>;
      expect(rows).toHaveLength(isNew ? V2 + 6 : V1);
      for (const row of rows) {
        const bytes = readFileSync(path.join(ctx.paths.packsDir, pack?.dir ?? '', row.path));
        expect(bytes.length).toBe(row.size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
      }
      expect(readdirSync(ctx.paths.stagingDir)).toEqual([]);
      expect(readdirSync(ctx.paths.packsDir)).toEqual([pack?.dir]);
      ctx.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // The kills must have really happened (not all after the end).
    expect(seen.killed).toBeGreaterThanOrEqual(8);
    // Both sides of the switch were checked.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
    process.stdout.write(`kill test: ${JSON.stringify(seen)}\n${log.join('\n')}\n`);
  },
);
