import { CatalogueRepo } from '../../src/server/catalogue/repo.js';
import { CatalogueService, type ListQuery } from '../../src/server/catalogue/service.js';
import { slugify, type FtsQuery } from '../../src/server/catalogue/text.js';
import type { Filters } from '../../src/server/catalogue/types.js';
import { migrate } from '../../src/server/db/migrate.js';
import { openDatabase, type Db } from '../../src/server/db/open.js';
import { ReferenceSearchRows, ensureReferenceIndex, referenceQuery } from './reference-search.js';
import { FIRST_NAMES, LAST_NAMES, NOUNS, THEMES, random, uniform } from './words.js';

export interface Percentiles {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: sum / Math.max(1, sorted.length),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1) ?? 0,
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

/** ~200 varied visitor searches: prefixes as typed, with and without accents, several words, filters, page 2. */
export function benchQueries(): ListQuery[] {
  const rand = random(42);
  const queries: ListQuery[] = [];
  for (const word of [
    'foret',
    'forêt',
    'FORET',
    'for',
    'fo',
    'riviere',
    'chateau',
    'lumière',
    'ile',
    'ecole',
  ]) {
    queries.push({ q: word });
  }
  for (let i = 0; i < 40; i++) {
    const noun = uniform(rand, NOUNS);
    const typed = noun.slice(0, 2 + Math.floor(rand() * Math.max(1, noun.length - 1)));
    queries.push({ q: rand() < 0.5 ? fold(typed) : typed });
  }
  for (let i = 0; i < 40; i++) {
    queries.push({ q: `${fold(uniform(rand, NOUNS))} ${uniform(rand, NOUNS).slice(0, 4)}` });
  }
  for (let i = 0; i < 30; i++) {
    queries.push({
      q:
        rand() < 0.5
          ? fold(uniform(rand, LAST_NAMES))
          : `${uniform(rand, FIRST_NAMES)} ${uniform(rand, LAST_NAMES)}`,
    });
  }
  for (let i = 0; i < 40; i++) {
    const q = fold(uniform(rand, NOUNS));
    const filter = Math.floor(rand() * 4);
    if (filter === 0) queries.push({ q, type: 'audio' });
    else if (filter === 1) queries.push({ q, language: 'en' });
    else if (filter === 2) queries.push({ q, licence: 'CC0-1.0' });
    else queries.push({ q, theme: slugify(uniform(rand, THEMES)) });
  }
  for (let i = 0; i < 20; i++)
    queries.push({ q: fold(uniform(rand, NOUNS)), page: 2 + Math.floor(rand() * 5) });
  for (let i = 0; i < 10; i++) queries.push({ q: `zzz${i} introuvable` });
  return queries;
}

/** What a search box sends while typing: 1 to 4 letters of common words, accents or not. */
export function typedPrefixes(): ListQuery[] {
  const words = ['forêt', 'lumière', 'château', 'histoire', 'rivière', 'martin', 'école', 'voyage'];
  const typed = new Set<string>();
  for (const word of words)
    for (let n = 1; n <= 4; n++) {
      typed.add(word.slice(0, n));
      typed.add(fold(word.slice(0, n)));
    }
  return [...typed].map((q) => ({ q }));
}

/** The catalogue repository with the search of before issue 21 (bench reference only). */
class ReferenceRepo extends CatalogueRepo {
  private readonly reference: ReferenceSearchRows;
  constructor(db: Db) {
    super(db);
    this.reference = new ReferenceSearchRows(db);
  }
  override search(query: FtsQuery, filters: Filters, limit: number, offset: number) {
    return this.reference.search(referenceQuery(query), filters, limit, offset);
  }
}

/**
 * Migrates the bench database to this code's schema (075 builds `search_fts` from an
 * older catalogue) and puts back the reference's `works_fts`; returns how long each took.
 */
export function prepareSearchBench(dbFile: string): { migrateMs: number; referenceMs: number } {
  const db = openDatabase(dbFile);
  try {
    const started = performance.now();
    migrate(db);
    const migrateMs = performance.now() - started;
    const referenceMs = ensureReferenceIndex(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { migrateMs, referenceMs };
  } finally {
    db.close();
  }
}

export interface PathFigures {
  /** Every sample (3 rounds). */
  latency: Percentiles;
  /** Each query's fastest run: filters out moments another process had the core. */
  bestOf3: Percentiles;
  /** CPU time per query (getrusage): its latency on a core of its own. */
  cpu: Percentiles;
  /** CPU per query of the as-you-type prefixes (`typedPrefixes`). */
  typing: Percentiles;
  slowest: string;
}

export interface SearchFigures {
  queries: number;
  typed: number;
  fresh: PathFigures;
  reference: PathFigures;
}

function cpuMs(fn: () => void): { cpu: number; ms: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  fn();
  const used = process.cpuUsage(c);
  return { cpu: (used.user + used.system) / 1000, ms: performance.now() - t };
}

/**
 * Times `CatalogueService.find` itself (no HTTP, no rendering) over the bench database,
 * the new path and the reference (`reference-search.ts`) through the same service, each
 * on its own connection, in alternating rounds so that both see the same stretches of a
 * shared machine: three rounds of the ~190-query mix then the typed prefixes.
 */
export function measureSearch(dbFile: string): SearchFigures {
  // A connection each: a box runs one path, whose pages its own 2 MB page cache keeps.
  const db = openDatabase(dbFile);
  const referenceDb = openDatabase(dbFile);
  try {
    const paths = {
      fresh: new CatalogueService(db, new CatalogueRepo(db), () => new Date()),
      reference: new CatalogueService(
        referenceDb,
        new ReferenceRepo(referenceDb),
        () => new Date(),
      ),
    };
    const queries = benchQueries();
    const typed = typedPrefixes();
    for (const q of [...queries.slice(0, 20), ...typed.slice(0, 8)]) {
      paths.fresh.find(q);
      paths.reference.find(q);
    }
    const run = () => ({
      samples: [] as number[],
      cpu: [] as number[],
      typing: [] as number[],
      best: queries.map(() => Number.POSITIVE_INFINITY),
      slowest: { ms: 0, q: '' },
    });
    const acc = { fresh: run(), reference: run() };
    const names = ['fresh', 'reference'] as const;
    // Whole rounds per path: interleaving query by query charged one path's garbage
    // collection (V8's helper threads count in process.cpuUsage) to the other.
    for (let round = 0; round < 3; round++) {
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const a = acc[name];
        queries.forEach((q, i) => {
          const { cpu, ms } = cpuMs(() => paths[name].find(q));
          a.cpu.push(cpu);
          a.samples.push(ms);
          a.best[i] = Math.min(a.best[i] ?? ms, ms);
          if (ms > a.slowest.ms) a.slowest = { ms, q: JSON.stringify(q) };
        });
        for (const q of typed) a.typing.push(cpuMs(() => paths[name].find(q)).cpu);
      }
    }
    const figures = (name: (typeof names)[number]): PathFigures => ({
      latency: percentiles(acc[name].samples),
      bestOf3: percentiles(acc[name].best),
      cpu: percentiles(acc[name].cpu),
      typing: percentiles(acc[name].typing),
      slowest: `${acc[name].slowest.q} (${acc[name].slowest.ms.toFixed(1)} ms)`,
    });
    return {
      queries: queries.length,
      typed: typed.length,
      fresh: figures('fresh'),
      reference: figures('reference'),
    };
  } finally {
    db.close();
    referenceDb.close();
  }
}
