/**
 * THE BENCH REFERENCE (issue 21), used by scripts/bench only, never by the box: the
 * catalogue's search as it was before issue 21, copied verbatim from
 * src/server/catalogue/repo/search.ts (commit f110549) so that `npm run bench` measures
 * the new path against it in the same run. Only the class name, the imports, `ReferencePage`, the
 * `referenceQuery` adapter and `ensureReferenceIndex` (works_fts as migration 001 made
 * it, which migration 075 drops) were added.
 */
import type { Db } from '../../src/server/db/open.js';
import type { FtsQuery } from '../../src/server/catalogue/text.js';
import type { Filters, Page, WorkSummary } from '../../src/server/catalogue/types.js';
import {
  SUMMARY_COLUMNS,
  StatementShapes,
  filterSql,
  toSummary,
  type SummaryRow,
} from '../../src/server/catalogue/repo/rows.js';

/** `Page` had this flag before issue 21. */
export type ReferencePage = Page<WorkSummary> & { capped?: boolean };

/** How many of the newest matches a search ranks (see `SearchRows.search`). */
export const SEARCH_CANDIDATES = 1000;

/** BM25 weights: title matters most, then authors, themes, description. */
const RANK = 'bm25(works_fts, 10.0, 5.0, 3.0, 1.0)';

/** Full-text search over `works_fts`. */
export class ReferenceSearchRows {
  private readonly s;
  private readonly shapes: StatementShapes;

  constructor(db: Db) {
    this.shapes = new StatementShapes(db);
    this.s = {
      // The newest matches first, so a LIMIT bounds how many rows BM25 has to score.
      candidates: db.prepare(`SELECT f.rowid AS rowid, ${RANK} AS score FROM works_fts f
        WHERE works_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`),
      summariesOf: db.prepare(
        `SELECT w.rowid AS rowid, ${SUMMARY_COLUMNS} FROM works w WHERE w.rowid IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /**
   * Ranked full-text search; `query` must come from `toFtsQuery`.
   *
   * Ranking costs one BM25 evaluation per matching row, and a two-letter prefix can match
   * half of 100k works (40 ms). So only the newest `SEARCH_CANDIDATES` text matches are
   * ranked: below that (most real searches) results are exactly BM25's; above it,
   * visitors page through the best of the newest matches and `capped` says there are
   * more. Filters, sorting and author names are then applied to those candidates by
   * rowid: letting SQLite join every FTS match to `works` cost 30–80 ms at 100k works.
   */
  search(query: string, filters: Filters, limit: number, offset: number): ReferencePage {
    const found = this.s.candidates.all(query, SEARCH_CANDIDATES + 1) as Array<{
      rowid: number;
      score: number;
    }>;
    const capped = found.length > SEARCH_CANDIDATES;
    let ranked = capped ? found.slice(0, SEARCH_CANDIDATES) : found;
    const { where, params } = filterSql(filters, 'probe');
    if (where.length > 0 && ranked.length > 0) {
      const keep = new Set(
        this.shapes
          .get(
            // CROSS JOIN keeps the candidates as the outer loop: one primary-key probe each.
            `SELECT w.rowid FROM json_each(?) j CROSS JOIN works w ON w.rowid = j.value WHERE ${where.join(' AND ')}`,
          )
          .pluck()
          .all(JSON.stringify(ranked.map((c) => c.rowid)), ...params) as number[],
      );
      ranked = ranked.filter((c) => keep.has(c.rowid));
    }
    ranked.sort((a, b) => a.score - b.score || a.rowid - b.rowid);
    const shown = ranked.slice(offset, offset + limit).map((c) => c.rowid);
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
    const page = { items, total: ranked.length, offset, limit };
    return capped ? { ...page, capped } : page;
  }
}

/** The FTS5 string the reference read: `toFtsQuery` before issue 21 made exactly this. */
export function referenceQuery(query: FtsQuery): string {
  return `(${query.exact}) OR (${query.prefix})`;
}

/**
 * Puts back `works_fts` as migration 001 defined it and as `WorkRows.insert` filled it
 * (title, authors' names, theme labels, description), for the reference only. Built once
 * per bench database; returns how long that took (0 when it was already there).
 */
export function ensureReferenceIndex(db: Db): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'works_fts'")
    .get();
  if (exists) return 0;
  const started = performance.now();
  db.transaction(() => {
    db.exec(`CREATE VIRTUAL TABLE works_fts USING fts5(
      title, authors, themes, description,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )`);
    db.exec(`INSERT INTO works_fts (rowid, title, authors, themes, description)
      SELECT w.rowid, w.title,
        coalesce((SELECT group_concat(name, ' ') FROM (SELECT a.name FROM work_authors a
          WHERE a.work_rowid = w.rowid ORDER BY a.position)), ''),
        coalesce((SELECT group_concat(label, ' ') FROM (SELECT t.label FROM work_themes wt
          JOIN themes t ON t.slug = wt.theme WHERE wt.work_rowid = w.rowid)), ''),
        w.description
      FROM works w`);
  })();
  return performance.now() - started;
}
