import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Row } from './report.js';

/** The other teams' benchmarks, each one file exporting a function this runner calls. */
export const OTHER_BENCHES = [
  { file: 'packs.ts', title: 'Import de packs (issue 3)' },
  { file: 'stats.ts', title: 'Agrégateur de statistiques (issue 6)' },
  { file: 'kiosk.ts', title: 'Borne : taille du bundle et démarrage ralenti (issue 5)' },
  { file: 'appliance-load.ts', title: "Test de charge de l'appliance (issue 7)" },
] as const;

export interface OtherResult {
  title: string;
  rows: Row[];
  /** Why there is no figure ("non mesuré : …"). */
  missing?: string;
}

type BenchFn = (options: { benchDir: string; root: string; log: (line: string) => void }) => unknown;

function findFunction(mod: Record<string, unknown>): BenchFn | undefined {
  const candidates = ['default', 'bench', 'run', ...Object.keys(mod).filter((k) => /^(bench|run|measure)/i.test(k))];
  for (const name of candidates) {
    const value = mod[name];
    if (typeof value === 'function') return value as BenchFn;
  }
  return Object.values(mod).find((v): v is BenchFn => typeof v === 'function');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts rows ({what, value, …}), `{ rows }`, or a plain record of figures. */
function toRows(result: unknown): Row[] {
  const list = isRecord(result) && Array.isArray(result['rows']) ? (result['rows'] as unknown[]) : result;
  if (Array.isArray(list)) {
    return list.filter(isRecord).map((r) => {
      const row: Row = {
        what: String(r['what'] ?? r['label'] ?? r['name'] ?? '?'),
        value: String(r['value'] ?? r['figure'] ?? ''),
      };
      if (r['target'] !== undefined) row.target = String(r['target']);
      if (r['ratio'] !== undefined) row.ratio = String(r['ratio']);
      if (typeof r['pass'] === 'boolean') row.pass = r['pass'];
      if (r['reference'] !== undefined) row.lighttpd = String(r['reference']);
      return row;
    });
  }
  if (isRecord(result)) {
    return Object.entries(result)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      .map(([k, v]) => ({ what: k, value: String(v) }));
  }
  return [{ what: 'résultat', value: String(result) }];
}

/** Runs each one that exists; a missing or failing one is reported as "non mesuré". */
export async function runOtherBenches(root: string, benchDir: string, log: (line: string) => void): Promise<OtherResult[]> {
  const results: OtherResult[] = [];
  for (const { file, title } of OTHER_BENCHES) {
    const full = path.join(root, 'scripts', 'bench', file);
    if (!existsSync(full)) {
      results.push({ title, rows: [], missing: `non mesuré (scripts/bench/${file} absent)` });
      continue;
    }
    try {
      log(`${title}…`);
      const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
      const fn = findFunction(mod);
      if (!fn) {
        results.push({ title, rows: [], missing: `non mesuré (scripts/bench/${file} n'exporte aucune fonction)` });
        continue;
      }
      const dir = path.join(benchDir, file.replace(/\.ts$/, ''));
      const rows = toRows(await fn({ benchDir: dir, root, log }));
      results.push({ title, rows });
    } catch (err) {
      results.push({ title, rows: [], missing: `non mesuré (échec : ${(err as Error).message.split('\n')[0] ?? ''})` });
    }
  }
  return results;
}
