import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open.js';
import type { Filters, NewPack, Pack, WorkSummary, WorkType } from '../types.js';

/** Row shapes and their mapping to the catalogue's types, shared by the repositories. */

export interface WorkRow {
  rowid: number;
  id: string;
  pack_id: string;
  title: string;
  description: string;
  language: string;
  type: WorkType;
  licence: string;
  attribution: string;
  source: string;
  published: string | null;
  added_at: string;
  cover_path: string | null;
  cover_mime: string | null;
}

export interface SummaryRow {
  id: string;
  title: string;
  type: WorkType;
  language: string;
  licence: string;
  added_at: string;
  has_cover: number;
  authors: string | null;
}

export interface PackRow {
  id: string;
  version: string;
  title: string;
  description: string;
  publisher: string;
  languages: string;
  created: string | null;
  dir: string;
  manifest_sha256: string;
  origin: NewPack['origin'];
  installed_at: string;
  work_count: number;
}

export const SUMMARY_COLUMNS = `w.id, w.title, w.type, w.language, w.licence, w.added_at,
  w.cover_path IS NOT NULL AS has_cover,
  (SELECT group_concat(a.name, ', ') FROM work_authors a WHERE a.work_rowid = w.rowid) AS authors`;

export function toSummary(row: SummaryRow): WorkSummary {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    language: row.language,
    licence: row.licence,
    authors: row.authors ?? '',
    hasCover: row.has_cover === 1,
    addedAt: row.added_at,
  };
}

export function toPack(row: PackRow): Pack {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    publisher: row.publisher,
    languages: JSON.parse(row.languages) as string[],
    created: row.created,
    dir: row.dir,
    manifestSha256: row.manifest_sha256,
    origin: row.origin,
    installedAt: row.installed_at,
    workCount: row.work_count,
  };
}

/**
 * `theme: 'list'` builds the theme's works once (browsing walks the whole catalogue);
 * `'probe'` checks each row (a search only has a bounded list of candidates).
 */
export function filterSql(
  filters: Filters,
  theme: 'list' | 'probe' = 'list',
): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (filters.type) {
    where.push('w.type = ?');
    params.push(filters.type);
  }
  if (filters.language) {
    where.push('w.language = ?');
    params.push(filters.language);
  }
  if (filters.licence) {
    where.push('w.licence = ?');
    params.push(filters.licence);
  }
  if (filters.theme) {
    // An IN list is built once per query from the theme index; a correlated EXISTS
    // was one lookup per candidate row (190 ms for a theme page at 100k works).
    where.push(
      theme === 'list'
        ? 'w.rowid IN (SELECT t.work_rowid FROM work_themes t WHERE t.theme = ?)'
        : 'EXISTS (SELECT 1 FROM work_themes t WHERE t.work_rowid = w.rowid AND t.theme = ?)',
    );
    params.push(filters.theme);
  }
  return { where, params };
}

/** Filtered queries vary by which filters are set: one prepared statement per shape. */
export class StatementShapes {
  private readonly shapes = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let statement = this.shapes.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.shapes.set(sql, statement);
    }
    return statement;
  }
}
