import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Row } from './report.js';

/**
 * The other teams' benchmarks, each one file exporting a function this runner calls:
 * its name, how to call it and how to turn its answer into rows. A file or function
 * that is missing, or a run that fails, shows as "non mesuré" instead of a figure.
 */
export const OTHER_BENCHES: ReadonlyArray<{
  file: string;
  title: string;
  fn: string;
  call: (fn: BenchFn, ctx: CallContext) => unknown;
  rows?: (result: unknown, mod: Record<string, unknown>) => Row[] | string;
}> = [
  {
    file: 'packs.ts',
    title: 'Import de packs (issue 3)',
    fn: 'runPackBench',
    call: (fn, c) => fn({ benchDir: c.dir, log: c.log }),
  },
  {
    file: 'stats.ts',
    title: 'Agrégateur de statistiques (issue 6)',
    fn: 'benchStats',
    call: (fn) => fn({}),
    rows: (r) => {
      if (!isRecord(r)) return 'réponse inattendue';
      const n = (k: string) => Number(r[k] ?? Number.NaN);
      return [
        {
          what: `Événements absorbés (${n('events').toLocaleString('fr-FR')})`,
          value: `${Math.round(n('eventsPerSecond')).toLocaleString('fr-FR')} évt/s`,
          target: '≥ 20 000 évt/s',
          pass: n('eventsPerSecond') >= 20_000,
        },
        {
          what: `Écritures en base (${n('simulatedMinutes')} min simulées)`,
          value: `${n('writesPerMinute').toFixed(2)} transaction(s)/min`,
          target: '≤ 1 /min',
          pass: n('writesPerMinute') <= 1,
        },
        {
          what: 'Écritures pendant l’arrivée des événements',
          value: String(n('writesDuringEvents')),
        },
        { what: 'Durée d’un enregistrement (une minute)', value: `${n('flushMs').toFixed(1)} ms` },
      ];
    },
  },
  {
    file: 'reseau.ts',
    title: 'Réseau de boîtes : statistiques de 500 boîtes (issue 20)',
    fn: 'benchReseauRollup',
    call: (fn) => fn({}),
  },
  {
    file: 'kiosk.ts',
    title: 'Borne : taille du bundle et démarrage ralenti (issue 5)',
    fn: 'benchKiosk',
    call: (fn, c) => fn({ root: c.root, log: c.log }),
  },
  {
    file: 'savoirs.ts',
    title: 'Encyclopédies : le relais /savoirs face à kiwix-serve (issue 19)',
    fn: 'benchSavoirs',
    call: (fn, c) => fn({ dir: c.dir, log: c.log }),
  },
  {
    file: 'reader.ts',
    title: 'Lecteur EPUB : première page, CPU ralenti ×4 (issue 17)',
    fn: 'benchReader',
    call: (fn, c) => fn({ root: c.root, log: c.log }),
  },
  {
    file: 'appliance-load.ts',
    title: "Test de charge de l'appliance (issue 7)",
    fn: 'benchApplianceLoad',
    call: (fn) => fn({}),
    rows: (r, mod) => {
      if (!isRecord(r)) return 'réponse inattendue';
      if (r['skipped'] === true) return `non mesuré (${String(r['reason'] ?? 'sauté')})`;
      // Its own section of docs/benchmarks.md is refreshed by its own writer.
      const write = mod['writeBenchmarkSection'];
      if (typeof write === 'function') (write as (x: unknown) => void)(r);
      const lat = isRecord(r['pageLatencyMs']) ? r['pageLatencyMs'] : {};
      return [
        {
          what: `${String(r['phones'])} téléphones simulés, ${String(r['seconds'])} s`,
          value: `${String(r['requests'])} requêtes, ${String(r['errors'])} erreur(s)`,
          pass: r['errors'] === 0,
          target: '0 erreur',
        },
        {
          what: 'Latence des pages p50 / p95 / p99',
          value: `${String(lat['p50'])} / ${String(lat['p95'])} / ${String(lat['p99'])} ms`,
        },
      ];
    },
  },
];

interface CallContext {
  dir: string;
  root: string;
  log: (line: string) => void;
}

export interface OtherResult {
  title: string;
  rows: Row[];
  /** Why there is no figure ("non mesuré : …"). */
  missing?: string;
}

type BenchFn = (options: Record<string, unknown>) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts rows ({what, value, …}), `{ rows }`, or a plain record of figures. */
function toRows(result: unknown): Row[] {
  const list =
    isRecord(result) && Array.isArray(result['rows']) ? (result['rows'] as unknown[]) : result;
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
export async function runOtherBenches(
  root: string,
  benchDir: string,
  log: (line: string) => void,
): Promise<OtherResult[]> {
  const results: OtherResult[] = [];
  for (const bench of OTHER_BENCHES) {
    const { file, title } = bench;
    const full = path.join(root, 'scripts', 'bench', file);
    if (!existsSync(full)) {
      results.push({ title, rows: [], missing: `non mesuré (scripts/bench/${file} absent)` });
      continue;
    }
    try {
      log(`${title}…`);
      const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
      const fn = mod[bench.fn];
      if (typeof fn !== 'function') {
        results.push({
          title,
          rows: [],
          missing: `non mesuré (scripts/bench/${file} n'exporte pas ${bench.fn})`,
        });
        continue;
      }
      const dir = path.join(benchDir, file.replace(/\.ts$/, ''));
      const answer: unknown = await bench.call(fn as BenchFn, { dir, root, log });
      const rows = bench.rows ? bench.rows(answer, mod) : toRows(answer);
      results.push(typeof rows === 'string' ? { title, rows: [], missing: rows } : { title, rows });
    } catch (err) {
      results.push({
        title,
        rows: [],
        missing: `non mesuré (échec : ${(err as Error).message.split('\n')[0] ?? ''})`,
      });
    }
  }
  return results;
}
