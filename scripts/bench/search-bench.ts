import { fmt, type Row } from './report.js';
import { benchSearchHttp, type HttpFigures } from './search-http.js';
import {
  measureSearch,
  prepareSearchBench,
  type Percentiles,
  type SearchFigures,
} from './search.js';

/** Issue 21's targets. */
export const SEARCH_TARGETS = {
  cheaper: 5,
  p95Ms: 5,
  typingMs: 1,
  rssIdleMb: 80,
};

export interface SearchBench {
  prepared: { migrateMs: number; referenceMs: number };
  inProcess: SearchFigures;
  http?: { fresh: HttpFigures; reference: HttpFigures } | undefined;
  rows: Row[];
}

const trio = (p: Percentiles) => `${fmt.ms(p.p50)} / ${fmt.ms(p.p95)} / ${fmt.ms(p.p99)}`;
const times = (reference: number, fresh: number) => (fresh > 0 ? reference / fresh : 0);
const ratios = (reference: Percentiles, fresh: Percentiles) =>
  `${fmt.ratio(times(reference.p50, fresh.p50))} / ${fmt.ratio(times(reference.p95, fresh.p95))} / ${fmt.ratio(times(reference.p99, fresh.p99))}`;
const perCore = (r: { cpuMsPerRequest?: number }) =>
  r.cpuMsPerRequest ? 1000 / r.cpuMsPerRequest : 0;

/** The rows `npm run bench` and `bench:search` print: new path, reference, ratio. */
export function searchRows(bench: Omit<SearchBench, 'rows'>): Row[] {
  const { fresh, reference } = bench.inProcess;
  const n = `${bench.inProcess.queries} requêtes × 3`;
  const rows: Row[] = [
    {
      what: `Recherche en processus, 100k œuvres, CPU par requête p50 / p95 / p99 (${n})`,
      value: trio(fresh.cpu),
      lighttpd: `référence ${trio(reference.cpu)}`,
      ratio: ratios(reference.cpu, fresh.cpu),
      target: `p50 ≥ ${SEARCH_TARGETS.cheaper}× moins cher, p95 ≤ ${SEARCH_TARGETS.p95Ms} ms`,
      pass:
        times(reference.cpu.p50, fresh.cpu.p50) >= SEARCH_TARGETS.cheaper &&
        fresh.cpu.p95 <= SEARCH_TARGETS.p95Ms,
      cpu: 'latence sur un cœur dédié',
    },
    {
      what: '  même mélange, CPU moyen par requête',
      value: fmt.ms(fresh.cpu.mean),
      lighttpd: `référence ${fmt.ms(reference.cpu.mean)}`,
      ratio: fmt.ratio(times(reference.cpu.mean, fresh.cpu.mean)),
    },
    {
      what: '  même mélange, latence (tous les essais)',
      value: trio(fresh.latency),
      lighttpd: `référence ${trio(reference.latency)}`,
      ratio: ratios(reference.latency, fresh.latency),
    },
    {
      what: '  même mélange, latence (meilleur des 3 essais)',
      value: trio(fresh.bestOf3),
      lighttpd: `référence ${trio(reference.bestOf3)}`,
      ratio: ratios(reference.bestOf3, fresh.bestOf3),
    },
    {
      what: `Suggestions en cours de frappe (1 à 4 lettres, ${bench.inProcess.typed} préfixes × 3), CPU`,
      value: trio(fresh.typing),
      lighttpd: `référence ${trio(reference.typing)}`,
      ratio: ratios(reference.typing, fresh.typing),
      target: `p95 ≤ ${SEARCH_TARGETS.typingMs} ms`,
      pass: fresh.typing.p95 <= SEARCH_TARGETS.typingMs,
    },
    {
      what: '  la plus lente (nouvelle / référence)',
      value: `${fresh.slowest} / ${reference.slowest}`,
    },
  ];
  const http = bench.http;
  if (http) {
    const f = http.fresh;
    const r = http.reference;
    rows.push(
      {
        what: `Recherches HTTP /search (${bench.inProcess.queries} URL en boucle, 50 conn.), par cœur`,
        value: `${fmt.rps(perCore(f.searches))} (${(f.searches.cpuMsPerRequest ?? 0).toFixed(3)} ms CPU/req)`,
        lighttpd: `référence ${fmt.rps(perCore(r.searches))} (${(r.searches.cpuMsPerRequest ?? 0).toFixed(3)} ms)`,
        ratio: fmt.ratio(times(perCore(f.searches), perCore(r.searches))),
        target: `≥ ${SEARCH_TARGETS.cheaper}×`,
        pass: times(perCore(f.searches), perCore(r.searches)) >= SEARCH_TARGETS.cheaper,
      },
      {
        what: '  mesuré (machine partagée) ; latence p50 / p95 / p99',
        value: `${fmt.rps(f.searches.requestsPerSec)} ; ${fmt.ms(f.searches.p50)} / ${fmt.ms(f.searches.p95)} / ${fmt.ms(f.searches.p99)}`,
        lighttpd: `référence ${fmt.rps(r.searches.requestsPerSec)} ; ${fmt.ms(r.searches.p50)} / ${fmt.ms(r.searches.p95)} / ${fmt.ms(r.searches.p99)}`,
        ratio: fmt.ratio(times(f.searches.requestsPerSec, r.searches.requestsPerSec)),
      },
      {
        what: '/browse p50 / p99 pendant 50 chercheurs (4 conn. /browse)',
        value: `${fmt.ms(f.browseInStorm.p50)} / ${fmt.ms(f.browseInStorm.p99)} (${fmt.rps(f.browseInStorm.requestsPerSec)} ; recherches ${fmt.rps(f.searchInStorm.requestsPerSec)})`,
        lighttpd: `référence ${fmt.ms(r.browseInStorm.p50)} / ${fmt.ms(r.browseInStorm.p99)} (${fmt.rps(r.browseInStorm.requestsPerSec)} ; ${fmt.rps(r.searchInStorm.requestsPerSec)})`,
        ratio: fmt.ratio(times(r.browseInStorm.p99, f.browseInStorm.p99)),
        pass: f.browseInStorm.errors + f.browseInStorm.non2xx === 0 && f.browseInStorm.requests > 0,
        target: 'aucune erreur',
      },
      {
        what: 'RSS du serveur de banc au repos / pic pendant les recherches',
        value: `${fmt.mb(f.rssIdle)} / ${fmt.mb(f.rssPeak)}`,
        lighttpd: `référence ${fmt.mb(r.rssIdle)} / ${fmt.mb(r.rssPeak)}`,
      },
    );
  }
  return rows;
}

/**
 * Issue 21's bench: prepares the database (migration 075, the reference's index), then
 * the in-process mix and, unless `http` is false, the HTTP side by side.
 */
export async function runSearchBench(opts: {
  root: string;
  benchDir: string;
  dataDir: string;
  dbFile: string;
  seconds: number;
  http: boolean;
  log: (line: string) => void;
  pin?: (core: string) => void;
}): Promise<SearchBench> {
  opts.log('Base de banc : migration 075 et index de la référence…');
  const prepared = prepareSearchBench(opts.dbFile);
  opts.log(
    `  migration ${(prepared.migrateMs / 1000).toFixed(1)} s, index de référence ${(prepared.referenceMs / 1000).toFixed(1)} s`,
  );
  opts.log('Recherche en processus, nouvelle et référence en alternance (cœur 0)…');
  opts.pin?.('0');
  const inProcess = measureSearch(opts.dbFile);
  opts.pin?.('0-1');
  const http = opts.http
    ? await benchSearchHttp({
        root: opts.root,
        benchDir: opts.benchDir,
        dataDir: opts.dataDir,
        seconds: opts.seconds,
        log: opts.log,
      })
    : undefined;
  const partial = { prepared, inProcess, http };
  return { ...partial, rows: searchRows(partial) };
}
