/**
 * Network of boxes: the coordinator's statistics roll-up over 500 simulated member
 * boxes, each with 25 months of daily figures (its own file, as Syncthing delivers it).
 * Reference in the same run: reading and JSON-parsing the very same files, nothing else;
 * the ratio is what checking (zod) and summing cost on top of that.
 *
 * `benchReseauRollup()` is called by `npm run bench`; alone: `npx tsx scripts/bench/reseau.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { makeConfig } from '../../src/server/config.js';
import { openBox } from '../../src/server/core/open-box.js';
import { silentLogger } from '../../src/server/log.js';
import { RESEAU } from '../../src/server/reseau/index.js';
import { ROLLUP_FILE, ROLLUP_FORMAT } from '../../src/server/reseau/stats-roll.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export async function benchReseauRollup(
  options: { boxes?: number; days?: number } = {},
): Promise<Array<{ what: string; value: string; reference?: string; ratio?: string }>> {
  const boxes = options.boxes ?? 500;
  const days = options.days ?? 760;
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-bench-reseau-'));
  const box = openBox({
    config: makeConfig({ dataDir: path.join(dir, 'data'), contentDir: path.join(dir, 'content') }),
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    log: silentLogger,
  });
  try {
    const service = box.ctx.services.get(RESEAU);
    const files: string[] = [];
    const start = new Date('2024-11-01T00:00:00Z');
    for (let b = 0; b < boxes; b++) {
      const id = Array.from({ length: 7 }, (_, i) => ALPHABET[(b >> (5 * i)) & 31]).join('');
      service.repo.savePeer(
        { deviceId: `${id}-X`, name: `Boîte ${b}`, address: 'dynamic' },
        new Date(),
      );
      const daily = Array.from({ length: days }, (_, d) => ({
        day: new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10),
        visitors: (b + d) % 40,
        views: (b * 3 + d) % 300,
        searches: d % 25,
        downloads: (b + 2 * d) % 60,
        plays: d % 7,
      }));
      const folder = path.join(service.paths.statsInRoot, id);
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, ROLLUP_FILE);
      writeFileSync(
        file,
        JSON.stringify({
          format: ROLLUP_FORMAT,
          libraryName: `Boîte ${b}`,
          deviceId: `${id}-X`,
          generatedAt: '2026-12-01T00:00:00.000Z',
          daily,
        }),
      );
      files.push(file);
    }
    const t0 = performance.now();
    let parsed = 0;
    for (const f of files)
      parsed += (JSON.parse(readFileSync(f, 'utf8')) as { daily: unknown[] }).daily.length;
    const referenceMs = performance.now() - t0;
    const t1 = performance.now();
    const stats = await service.networkStats('2025-12-01', '2026-11-30');
    const rollupMs = performance.now() - t1;
    if (stats.rows.filter((r) => r.figures).length !== boxes + 1 || parsed !== boxes * days)
      throw new Error('roll-up incomplete');
    return [
      {
        what: `Regroupement des statistiques, ${boxes} boîtes × ${days} jours (12 mois affichés)`,
        value: `${rollupMs.toFixed(0)} ms`,
        reference: `${referenceMs.toFixed(0)} ms (lire + JSON.parse seuls)`,
        ratio: `${(rollupMs / referenceMs).toFixed(2)}×`,
      },
    ];
  } finally {
    box.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchReseauRollup()) console.log(row);
}
