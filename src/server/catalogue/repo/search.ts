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

/**
 * The ranking, best first: four disjoint tiers whose union is every work where each word
 * starts a word (accents and case ignored), as FTS5 expressions.
 *  1. every word is a whole word of the title or the authors;
 *  2. every word starts a word of the title or the authors;
 *  3. every word is a whole word somewhere (themes, description included);
 *  4. the rest: every word starts a word somewhere.
 * Inside a tier, works come in `search_fts` rowid order: fewer title words first
 * (« Bal » before « Balade au bal »), then the oldest first.
 */
function tiers(q: FtsQuery): string[] {
  const head = `{head}: (${q.exact})`;
  const headPrefix = `{head}: (${q.prefix})`;
  return [
    head,
    `${headPrefix} NOT ${head}`,
    `(${q.exact}) NOT ${headPrefix}`,
    `((${q.prefix}) NOT (${q.exact})) NOT ${headPrefix}`,
  ];
}

/** Full-text search over `search_fts` (migration 075). */
export class SearchRows {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      count: db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck(),
      // FTS5 reads its doclists in rowid order: the LIMIT stops it after the page.
      first: db
        .prepare(
          'SELECT rowid & 4294967295 FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid LIMIT ?',
        )
        .pluck(),
      summariesOf: db.prepare(
        `SELECT w.rowid AS rowid, ${SUMMARY_COLUMNS} FROM works w WHERE w.rowid IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /**
   * Ranked full-text search over every match, with the true total.
   *
   * No match is scored at query time: the tiers (see `tiers`) are FTS5 expressions and
   * the order inside a tier is the index's own rowid order, so a page reads the total
   * (one count, filters intersected inside FTS5) and at most `offset + limit` rowids per
   * tier. BM25 over every match cost 0.36 µs per match, 17 ms for a two-letter prefix
   * matching half of 100k works; only the newest 1,000 were ranked (docs/benchmarks.md).
   *
   * @example repo.search(toFtsQuery('forêt')!, { type: 'book' }, 24, 0)
   */
  search(query: FtsQuery, filters: Filters, limit: number, offset: number): Page<WorkSummary> {
    const facets = facetMatch(filters);
    const kept = (m: string) => (facets ? `(${m}) AND ${facets}` : m);
    const total = this.s.count.get(kept(query.prefix)) as number;
    const shown: number[] = [];
    let skip = offset;
    if (offset < total) {
      for (const tier of tiers(query)) {
        const want = limit - shown.length;
        if (want <= 0) break;
        const rows = this.s.first.all(kept(tier), skip + want) as number[];
        if (rows.length <= skip) {
          skip -= rows.length;
          continue;
        }
        shown.push(...rows.slice(skip));
        skip = 0;
      }
    }
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
}
