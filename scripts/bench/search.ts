import { CatalogueRepo } from '../../src/server/catalogue/repo.js';
import { CatalogueService, type ListQuery } from '../../src/server/catalogue/service.js';
import { openDatabase } from '../../src/server/db/open.js';
import { FIRST_NAMES, LAST_NAMES, NOUNS, THEMES, random, uniform } from './words.js';
import { slugify } from '../../src/server/catalogue/text.js';

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

/**
 * Times `CatalogueService.find` itself (no HTTP, no rendering) over the bench database:
 * every query three times. `latency` covers all samples; `bestOf3` takes each query's
 * fastest run, which filters out the moments another process had the core (the
 * machine is shared); `cpu` is the CPU time each query used (getrusage, microseconds),
 * what its latency would be on a core of its own, since a query is synchronous.
 */
export function measureSearch(dbFile: string): {
  latency: Percentiles;
  bestOf3: Percentiles;
  cpu: Percentiles;
  queries: number;
  slowest: string;
} {
  const db = openDatabase(dbFile);
  try {
    const service = new CatalogueService(db, new CatalogueRepo(db), () => new Date());
    const queries = benchQueries();
    for (const q of queries.slice(0, 20)) service.find(q); // warm the page cache and statements
    const samples: number[] = [];
    const cpu: number[] = [];
    const best = queries.map(() => Number.POSITIVE_INFINITY);
    let slowest = { ms: 0, q: '' };
    for (let round = 0; round < 3; round++) {
      queries.forEach((q, i) => {
        const t = performance.now();
        const c = process.cpuUsage();
        service.find(q);
        const used = process.cpuUsage(c);
        const ms = performance.now() - t;
        cpu.push((used.user + used.system) / 1000);
        samples.push(ms);
        best[i] = Math.min(best[i] ?? ms, ms);
        if (ms > slowest.ms) slowest = { ms, q: JSON.stringify(q) };
      });
    }
    return {
      latency: percentiles(samples),
      bestOf3: percentiles(best),
      cpu: percentiles(cpu),
      queries: queries.length,
      slowest: `${slowest.q} (${slowest.ms.toFixed(1)} ms)`,
    };
  } finally {
    db.close();
  }
}
