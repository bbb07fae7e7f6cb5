import type { Db } from '../../db/open.js';
import { slugify, sortKey } from '../text.js';
import type {
  Author,
  Filters,
  NewWork,
  Theme,
  Work,
  WorkFile,
  WorkSummary,
  WorkType,
} from '../types.js';
import {
  SUMMARY_COLUMNS,
  StatementShapes,
  filterSql,
  toSummary,
  type SummaryRow,
  type WorkRow,
} from './rows.js';

/** Prepared statements over works, their authors, themes and files (and their index rows). */
export class WorkRows {
  private readonly s;
  private readonly shapes: StatementShapes;

  constructor(db: Db) {
    this.shapes = new StatementShapes(db);
    this.s = {
      // search_source (migration 075) is the one definition of a work's index row.
      deleteFtsOfPack: db.prepare(
        'DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_source WHERE pack_id = ?)',
      ),
      deleteHeadOfPack: db.prepare(
        'DELETE FROM search_head WHERE rowid IN (SELECT key FROM search_source WHERE pack_id = ?)',
      ),
      deleteOfPack: db.prepare('DELETE FROM works WHERE pack_id = ?'),
      addedAtOfPack: db.prepare('SELECT id, added_at FROM works WHERE pack_id = ?'),
      insert: db.prepare(`INSERT INTO works (id, pack_id, title, sort_title, description, language,
          type, licence, attribution, source, published, added_at, cover_path, cover_mime)
        VALUES (@id, @packId, @title, @sortTitle, @description, @language, @type, @licence,
          @attribution, @source, @published, @addedAt, @coverPath, @coverMime)`),
      insertAuthor: db.prepare(
        'INSERT INTO work_authors (work_rowid, position, name, role) VALUES (?, ?, ?, ?)',
      ),
      upsertTheme: db.prepare(
        'INSERT INTO themes (slug, label) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      insertWorkTheme: db.prepare(
        'INSERT OR IGNORE INTO work_themes (work_rowid, theme) VALUES (?, ?)',
      ),
      insertFile:
        db.prepare(`INSERT INTO work_files (work_rowid, position, path, name, format, mime, size, sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertFts: db.prepare(`INSERT INTO search_fts (rowid, head, body, facets)
        SELECT key, head, body, facets FROM search_source WHERE work_rowid = ?`),
      insertHead: db.prepare(`INSERT INTO search_head (rowid, head, facets)
        SELECT key, head, facets FROM search_source WHERE work_rowid = ?`),
      pruneThemes: db.prepare(
        'DELETE FROM themes WHERE slug NOT IN (SELECT DISTINCT theme FROM work_themes)',
      ),
      get: db.prepare('SELECT * FROM works WHERE id = ?'),
      authorsOf: db.prepare(
        'SELECT name, role FROM work_authors WHERE work_rowid = ? ORDER BY position',
      ),
      themesOf:
        db.prepare(`SELECT t.slug, t.label FROM work_themes wt JOIN themes t ON t.slug = wt.theme
        WHERE wt.work_rowid = ? ORDER BY t.label`),
      filesOf: db.prepare(`SELECT position, path, name, format, mime, size, sha256 FROM work_files
        WHERE work_rowid = ? ORDER BY position`),
      fileOf:
        db.prepare(`SELECT f.position, f.path, f.name, f.format, f.mime, f.size, f.sha256, p.dir
        FROM works w JOIN work_files f ON f.work_rowid = w.rowid JOIN packs p ON p.id = w.pack_id
        WHERE w.id = ? AND f.position = ?`),
      coverOf:
        db.prepare(`SELECT w.cover_path, w.cover_mime, p.dir FROM works w JOIN packs p ON p.id = w.pack_id
        WHERE w.id = ? AND w.cover_path IS NOT NULL`),
      summariesOf: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM works w WHERE w.id IN (SELECT value FROM json_each(?))`,
      ),
      themes: db.prepare(`SELECT t.slug, t.label, count(*) AS count FROM themes t
        JOIN work_themes wt ON wt.theme = t.slug GROUP BY t.slug ORDER BY t.label`),
      theme: db.prepare('SELECT slug, label FROM themes WHERE slug = ?'),
      languages: db.prepare(
        'SELECT language, count(*) AS count FROM works GROUP BY language ORDER BY count DESC',
      ),
      types: db.prepare('SELECT type, count(*) AS count FROM works GROUP BY type'),
      licences: db.prepare(
        'SELECT licence, count(*) AS count FROM works GROUP BY licence ORDER BY count DESC',
      ),
    };
  }

  /** Removes a pack's works with their files, authors, themes and index rows. */
  deleteOfPack(packId: string): void {
    this.s.deleteFtsOfPack.run(packId);
    this.s.deleteHeadOfPack.run(packId);
    this.s.deleteOfPack.run(packId);
    this.s.pruneThemes.run();
  }

  addedAtOfPack(packId: string): Map<string, string> {
    const rows = this.s.addedAtOfPack.all(packId) as Array<{ id: string; added_at: string }>;
    return new Map(rows.map((r) => [r.id, r.added_at]));
  }

  insert(packId: string, work: NewWork, addedAt: string): void {
    const info = this.s.insert.run({
      ...work,
      packId,
      sortTitle: sortKey(work.title),
      addedAt,
    });
    const rowid = Number(info.lastInsertRowid);
    work.authors.forEach((a, i) => this.s.insertAuthor.run(rowid, i, a.name, a.role));
    for (const label of work.themes) {
      const slug = slugify(label);
      if (!slug) continue;
      this.s.upsertTheme.run(slug, label);
      this.s.insertWorkTheme.run(rowid, slug);
    }
    work.files.forEach((f, i) =>
      this.s.insertFile.run(rowid, i, f.path, f.name, f.format, f.mime, f.size, f.sha256),
    );
    // Last: the index row is read from the work, its authors and its themes.
    this.s.insertFts.run(rowid);
    this.s.insertHead.run(rowid);
  }

  get(id: string): Work | undefined {
    const row = this.s.get.get(id) as WorkRow | undefined;
    if (!row) return undefined;
    return {
      rowid: row.rowid,
      id: row.id,
      packId: row.pack_id,
      title: row.title,
      type: row.type,
      language: row.language,
      licence: row.licence,
      description: row.description,
      attribution: row.attribution,
      source: row.source,
      published: row.published,
      addedAt: row.added_at,
      hasCover: row.cover_path !== null,
      coverPath: row.cover_path,
      coverMime: row.cover_mime,
      authors: this.s.authorsOf.all(row.rowid) as Author[],
      themes: this.s.themesOf.all(row.rowid) as Theme[],
      files: this.s.filesOf.all(row.rowid) as WorkFile[],
    };
  }

  /** The summaries of the given works, in the order of `ids` (unknown ids are skipped). */
  summaries(ids: string[]): WorkSummary[] {
    if (ids.length === 0) return [];
    const rows = this.s.summariesOf.all(JSON.stringify(ids)) as SummaryRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    });
  }

  /** A file of a work with the folder of the pack that holds it. */
  file(workId: string, position: number): (WorkFile & { dir: string }) | undefined {
    return this.s.fileOf.get(workId, position) as (WorkFile & { dir: string }) | undefined;
  }

  cover(workId: string): { path: string; mime: string; dir: string } | undefined {
    const row = this.s.coverOf.get(workId) as
      { cover_path: string; cover_mime: string | null; dir: string } | undefined;
    return row && { path: row.cover_path, mime: row.cover_mime ?? 'image/jpeg', dir: row.dir };
  }

  /** One page of works in a stable order: newest first, or by title. */
  page(filters: Filters, order: 'new' | 'title', limit: number, offset: number): WorkSummary[] {
    const { whereSql, params } = this.where(filters);
    const orderSql = order === 'title' ? 'w.sort_title, w.rowid' : 'w.added_at DESC, w.rowid DESC';
    const rows = this.shapes
      .get(
        `SELECT ${SUMMARY_COLUMNS} FROM works w ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as SummaryRow[];
    return rows.map(toSummary);
  }

  /** How many works the filters keep: a scan of the catalogue, remembered by the caller. */
  count(filters: Filters): number {
    const { whereSql, params } = this.where(filters);
    const row = this.shapes.get(`SELECT count(*) AS n FROM works w ${whereSql}`).get(...params);
    return (row as { n: number }).n;
  }

  themes(): Array<Theme & { count: number }> {
    return this.s.themes.all() as Array<Theme & { count: number }>;
  }

  theme(slug: string): Theme | undefined {
    return this.s.theme.get(slug) as Theme | undefined;
  }

  languages(): Array<{ language: string; count: number }> {
    return this.s.languages.all() as Array<{ language: string; count: number }>;
  }

  types(): Array<{ type: WorkType; count: number }> {
    return this.s.types.all() as Array<{ type: WorkType; count: number }>;
  }

  licences(): Array<{ licence: string; count: number }> {
    return this.s.licences.all() as Array<{ licence: string; count: number }>;
  }

  private where(filters: Filters): { whereSql: string; params: string[] } {
    const { where, params } = filterSql(filters);
    return { whereSql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
  }
}
