import { Buffer } from 'node:buffer';
import type { Db } from '../../db/open.js';
import type { FtsQuery } from '../text.js';
import type { Filters, Page, WorkSummary } from '../types.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';

/**
 * The token `search_source` (migration 075) gives a work for a filter value: a prefix no
 * visitor word can start with, and the value in hex, so matching it is exact equality.
 */
function facetToken(prefix: 't' | 'l' | 'c' | 'h', value: string): string {
  return `"_${prefix}_${Buffer.from(value, 'utf8').toString('hex')}"`;
}

/** The filters as one FTS5 conjunction ('' when none is set). */
function facetMatch(filters: Filters): string {
  const tokens: string[] = [];
  if (filters.type) tokens.push(facetToken('t', filters.type));
  if (filters.language) tokens.push(facetToken('l', filters.language));
  if (filters.licence) tokens.push(facetToken('c', filters.licence));
  if (filters.theme) tokens.push(facetToken('h', filters.theme));
  return tokens.join(' AND ');
}

/** Up to this many matches, a search reads them all once and ranks them in memory. */
export const NARROW_MATCHES = 500;

/**
 * Full-text search over `search_fts` and `search_head` (migration 075).
 *
 * The ranking, best first: three disjoint tiers whose union is every work where each
 * word starts a word (accents and case ignored):
 *  1. every word is a whole word of the title or the authors;
 *  2. every word starts a word of the title or the authors;
 *  3. every word starts a word somewhere (themes and description included).
 * Inside a tier, works come in rowid order, a static rank: fewer title words first
 * (« Bal » before « Balade au bal »), then the oldest first. No match is ever scored.
 */
export class SearchRows {
  private readonly s;

  constructor(
    db: Db,
    private readonly narrow = NARROW_MATCHES,
  ) {
    // FTS5 reads its doclists in rowid order: a LIMIT stops it after the rows it needs.
    const keys = (table: string) =>
      db
        .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid LIMIT ?`)
        .pluck();
    this.s = {
      count: db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck(),
      all: keys('search_fts'),
      head: keys('search_head'),
      summariesOf: db.prepare(
        `SELECT w.rowid AS rowid, ${SUMMARY_COLUMNS} FROM works w WHERE w.rowid IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /**
   * Ranked full-text search over every match, with the true total.
   *
   * Up to `NARROW_MATCHES` matches (many searches of several words), one pass reads them
   * all and two passes over the title index tell their tiers. Beyond, the total is one
   * count and each tier is read in rowid order only as far as the page needs (a tier
   * with few rows would otherwise cost a whole pass; 500 measured best of 0–2,000). BM25 over
   * every match cost 0.36 µs per match, 17 ms for a two-letter prefix matching half of
   * 100k works, so only the newest 1,000 used to be ranked (docs/benchmarks.md).
   *
   * @example repo.search(toFtsQuery('forêt')!, { type: 'book' }, 24, 0)
   */
  search(query: FtsQuery, filters: Filters, limit: number, offset: number): Page<WorkSummary> {
    const facets = facetMatch(filters);
    const kept = (m: string) => (facets ? `(${m}) AND ${facets}` : m);
    const every = this.s.all.all(kept(query.prefix), this.narrow + 1) as number[];
    const { total, keys } =
      every.length <= this.narrow
        ? { total: every.length, keys: this.rankInMemory(every, query, kept, limit, offset) }
        : this.rankInIndex(query, kept, limit, offset);
    const shown = keys.map((key) => key % 2 ** 32);
    const byRowid = new Map(
      shown.length === 0
        ? []
        : (
            this.s.summariesOf.all(JSON.stringify(shown)) as Array<SummaryRow & { rowid: number }>
          ).map((r) => [r.rowid, r]),
    );
    const items = shown.flatMap((rowid) => {
      const row = byRowid.get(rowid);
      return row ? [toSummary(row)] : [];
    });
    return { items, total, offset, limit };
  }

  /** Every match is in `every` (rowid order): the title index tells each one's tier. */
  private rankInMemory(
    every: number[],
    query: FtsQuery,
    kept: (m: string) => string,
    limit: number,
    offset: number,
  ): number[] {
    if (offset >= every.length) return [];
    const inHead = (m: string) => new Set(this.s.head.all(kept(m), this.narrow) as number[]);
    const exact = inHead(query.exact);
    const prefix = inHead(query.prefix);
    const tiers: number[][] = [[], [], []];
    for (const key of every) tiers[exact.has(key) ? 0 : prefix.has(key) ? 1 : 2]?.push(key);
    return tiers.flat().slice(offset, offset + limit);
  }

  /** Many matches: one count, then each tier read in rowid order as far as the page needs. */
  private rankInIndex(
    query: FtsQuery,
    kept: (m: string) => string,
    limit: number,
    offset: number,
  ): { total: number; keys: number[] } {
    const total = this.s.count.get(kept(query.prefix)) as number;
    const tiers = [
      { rows: this.s.head, match: query.exact },
      { rows: this.s.head, match: `(${query.prefix}) NOT (${query.exact})` },
      { rows: this.s.all, match: `(${query.prefix}) NOT {head}: (${query.prefix})` },
    ];
    const keys: number[] = [];
    let skip = offset;
    if (offset >= total) return { total, keys };
    for (const tier of tiers) {
      const want = limit - keys.length;
      if (want <= 0) break;
      const rows = tier.rows.all(kept(tier.match), skip + want) as number[];
      if (rows.length <= skip) {
        skip -= rows.length;
        continue;
      }
      keys.push(...rows.slice(skip));
      skip = 0;
    }
    return { total, keys };
  }
}
