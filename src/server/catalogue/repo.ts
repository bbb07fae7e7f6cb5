import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { slugify, sortKey } from './text.js';
import type {
  Author,
  Filters,
  NewPack,
  NewWork,
  Pack,
  Page,
  Theme,
  Work,
  WorkFile,
  WorkSummary,
  WorkType,
} from './types.js';
import { GenerationCache } from './generation-cache.js';

interface WorkRow {
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

interface SummaryRow {
  id: string;
  title: string;
  type: WorkType;
  language: string;
  licence: string;
  added_at: string;
  has_cover: number;
  authors: string | null;
}

interface PackRow {
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

const SUMMARY_COLUMNS = `w.id, w.title, w.type, w.language, w.licence, w.added_at,
  w.cover_path IS NOT NULL AS has_cover,
  (SELECT group_concat(a.name, ', ') FROM work_authors a WHERE a.work_rowid = w.rowid) AS authors`;

/** How many of the newest matches a search ranks (see `CatalogueRepo.search`). */
export const SEARCH_CANDIDATES = 1000;

/** BM25 weights: title matters most, then authors, themes, description. */
const RANK = 'bm25(works_fts, 10.0, 5.0, 3.0, 1.0)';

function toSummary(row: SummaryRow): WorkSummary {
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

function toPack(row: PackRow): Pack {
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
function filterSql(
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

/** How long this process trusts the generation it read (see `state`). */
const STATE_TTL_MS = 1000;

/** Prepared statements over the catalogue tables, created once per database handle. */
export class CatalogueRepo {
  private readonly dynamic = new Map<string, Statement>();
  /** Filter combinations are visitor input: at most 1,000 remembered results. */
  private readonly memo = new GenerationCache<unknown>(() => this.state().generation, 1000);
  private readonly s;
  private stateRead: { value: { generation: number; changedAt: string }; at: number } | null = null;

  constructor(private readonly db: Db) {
    this.s = {
      insertPack:
        db.prepare(`INSERT INTO packs (id, version, title, description, publisher, languages,
          created, dir, manifest_sha256, origin, installed_at)
        VALUES (@id, @version, @title, @description, @publisher, @languages, @created, @dir,
          @manifestSha256, @origin, @installedAt)`),
      deletePack: db.prepare('DELETE FROM packs WHERE id = ?'),
      getPack:
        db.prepare(`SELECT p.*, (SELECT count(*) FROM works w WHERE w.pack_id = p.id) AS work_count
        FROM packs p WHERE p.id = ?`),
      listPacks:
        db.prepare(`SELECT p.*, (SELECT count(*) FROM works w WHERE w.pack_id = p.id) AS work_count
        FROM packs p ORDER BY p.title`),
      packDirs: db.prepare('SELECT dir FROM packs'),
      deleteFtsOfPack: db.prepare(
        'DELETE FROM works_fts WHERE rowid IN (SELECT rowid FROM works WHERE pack_id = ?)',
      ),
      deleteWorksOfPack: db.prepare('DELETE FROM works WHERE pack_id = ?'),
      addedAtOfPack: db.prepare('SELECT id, added_at FROM works WHERE pack_id = ?'),
      insertWork:
        db.prepare(`INSERT INTO works (id, pack_id, title, sort_title, description, language,
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
      insertFts: db.prepare(
        'INSERT INTO works_fts (rowid, title, authors, themes, description) VALUES (?, ?, ?, ?, ?)',
      ),
      pruneThemes: db.prepare(
        'DELETE FROM themes WHERE slug NOT IN (SELECT DISTINCT theme FROM work_themes)',
      ),
      bump: db.prepare(
        'UPDATE catalogue_state SET generation = generation + 1, changed_at = ? WHERE id = 1',
      ),
      state: db.prepare('SELECT generation, changed_at FROM catalogue_state WHERE id = 1'),
      getWork: db.prepare('SELECT * FROM works WHERE id = ?'),
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
      themes: db.prepare(`SELECT t.slug, t.label, count(*) AS count FROM themes t
        JOIN work_themes wt ON wt.theme = t.slug GROUP BY t.slug ORDER BY t.label`),
      theme: db.prepare('SELECT slug, label FROM themes WHERE slug = ?'),
      languages: db.prepare(
        'SELECT language, count(*) AS count FROM works GROUP BY language ORDER BY count DESC',
      ),
      // The newest matches first, so a LIMIT bounds how many rows BM25 has to score.
      candidates: db.prepare(`SELECT f.rowid AS rowid, ${RANK} AS score FROM works_fts f
        WHERE works_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`),
      summariesOf: db.prepare(
        `SELECT w.rowid AS rowid, ${SUMMARY_COLUMNS} FROM works w WHERE w.rowid IN (SELECT value FROM json_each(?))`,
      ),
      types: db.prepare('SELECT type, count(*) AS count FROM works GROUP BY type'),
      licences: db.prepare(
        'SELECT licence, count(*) AS count FROM works GROUP BY licence ORDER BY count DESC',
      ),
    };
  }

  insertPack(pack: NewPack, installedAt: string): void {
    this.s.insertPack.run({ ...pack, languages: JSON.stringify(pack.languages), installedAt });
  }

  /** Removes a pack's works (with their files, authors, themes and index rows) and the pack. */
  deletePack(id: string): void {
    this.deleteWorksOfPack(id);
    this.s.deletePack.run(id);
  }

  deleteWorksOfPack(id: string): void {
    this.s.deleteFtsOfPack.run(id);
    this.s.deleteWorksOfPack.run(id);
    this.s.pruneThemes.run();
  }

  /** When each work of a pack was first added, so a new pack version keeps "date added". */
  addedAtOfPack(id: string): Map<string, string> {
    const rows = this.s.addedAtOfPack.all(id) as Array<{ id: string; added_at: string }>;
    return new Map(rows.map((r) => [r.id, r.added_at]));
  }

  getPack(id: string): Pack | undefined {
    const row = this.s.getPack.get(id) as PackRow | undefined;
    return row && toPack(row);
  }

  listPacks(): Pack[] {
    return (this.s.listPacks.all() as PackRow[]).map(toPack);
  }

  packDirs(): string[] {
    return (this.s.packDirs.all() as Array<{ dir: string }>).map((r) => r.dir);
  }

  insertWork(packId: string, work: NewWork, addedAt: string): void {
    const info = this.s.insertWork.run({
      ...work,
      packId,
      sortTitle: sortKey(work.title),
      addedAt,
    });
    const rowid = Number(info.lastInsertRowid);
    work.authors.forEach((a, i) => this.s.insertAuthor.run(rowid, i, a.name, a.role));
    const labels: string[] = [];
    for (const label of work.themes) {
      const slug = slugify(label);
      if (!slug) continue;
      this.s.upsertTheme.run(slug, label);
      this.s.insertWorkTheme.run(rowid, slug);
      labels.push(label);
    }
    work.files.forEach((f, i) =>
      this.s.insertFile.run(rowid, i, f.path, f.name, f.format, f.mime, f.size, f.sha256),
    );
    this.s.insertFts.run(
      rowid,
      work.title,
      work.authors.map((a) => a.name).join(' '),
      labels.join(' '),
      work.description,
    );
  }

  bumpGeneration(now: string): void {
    this.s.bump.run(now);
    this.forgetState();
  }

  /**
   * The catalogue's generation, read at most once a second: every request asks for it
   * (page and file caches), and this process's own writers call `forgetState`, so only
   * a change made by another process can take up to a second to be seen.
   */
  state(): { generation: number; changedAt: string } {
    const now = performance.now();
    if (this.stateRead && now - this.stateRead.at < STATE_TTL_MS) return this.stateRead.value;
    const row = this.s.state.get() as { generation: number; changed_at: string };
    const value = { generation: row.generation, changedAt: row.changed_at };
    this.stateRead = { value, at: now };
    return value;
  }

  /** After a write (committed or rolled back), the next `state()` reads the database. */
  forgetState(): void {
    this.stateRead = null;
  }

  getWork(id: string): Work | undefined {
    const row = this.s.getWork.get(id) as WorkRow | undefined;
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

  /** A file of a work with the folder of the pack that holds it. */
  getFile(workId: string, position: number): (WorkFile & { dir: string }) | undefined {
    return this.s.fileOf.get(workId, position) as (WorkFile & { dir: string }) | undefined;
  }

  getCover(workId: string): { path: string; mime: string; dir: string } | undefined {
    const row = this.s.coverOf.get(workId) as
      { cover_path: string; cover_mime: string | null; dir: string } | undefined;
    return row && { path: row.cover_path, mime: row.cover_mime ?? 'image/jpeg', dir: row.dir };
  }

  /** Works in a stable order: newest first, or by title. */
  list(filters: Filters, order: 'new' | 'title', limit: number, offset: number): Page<WorkSummary> {
    const { where, params } = filterSql(filters);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const orderSql = order === 'title' ? 'w.sort_title, w.rowid' : 'w.added_at DESC, w.rowid DESC';
    const rows = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM works w ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as SummaryRow[];
    // Counting 100k rows on every page view is the bulk of a browse page: the count only
    // changes with the catalogue, so it is remembered per generation.
    const countSql = `SELECT count(*) AS n FROM works w ${whereSql}`;
    const total = this.remember(
      `${countSql}\u0000${params.join('\u0000')}`,
      () => (this.stmt(countSql).get(...params) as { n: number }).n,
    );
    return { items: rows.map(toSummary), total, offset, limit };
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
  search(query: string, filters: Filters, limit: number, offset: number): Page<WorkSummary> {
    const found = this.s.candidates.all(query, SEARCH_CANDIDATES + 1) as Array<{
      rowid: number;
      score: number;
    }>;
    const capped = found.length > SEARCH_CANDIDATES;
    let ranked = capped ? found.slice(0, SEARCH_CANDIDATES) : found;
    const { where, params } = filterSql(filters, 'probe');
    if (where.length > 0 && ranked.length > 0) {
      const keep = new Set(
        this.stmt(
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

  themes(): Array<Theme & { count: number }> {
    return [
      ...this.remember('themes', () => this.s.themes.all() as Array<Theme & { count: number }>),
    ];
  }

  theme(slug: string): Theme | undefined {
    return this.s.theme.get(slug) as Theme | undefined;
  }

  languages(): Array<{ language: string; count: number }> {
    return [
      ...this.remember(
        'languages',
        () => this.s.languages.all() as Array<{ language: string; count: number }>,
      ),
    ];
  }

  types(): Array<{ type: WorkType; count: number }> {
    return [
      ...this.remember(
        'types',
        () => this.s.types.all() as Array<{ type: WorkType; count: number }>,
      ),
    ];
  }

  licences(): Array<{ licence: string; count: number }> {
    return [
      ...this.remember(
        'licences',
        () => this.s.licences.all() as Array<{ licence: string; count: number }>,
      ),
    ];
  }

  /**
   * Facet counts and list totals scan the whole catalogue (120 ms per browse page at 100k
   * works) but only change when a pack is installed or removed, which bumps the
   * generation (also from another process): remembered until the generation moves.
   */
  private remember<T>(key: string, compute: () => T): T {
    return this.memo.get(key, compute) as T;
  }

  /** Filtered queries vary by which filters are set: one prepared statement per shape. */
  private stmt(sql: string): Statement {
    let statement = this.dynamic.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.dynamic.set(sql, statement);
    }
    return statement;
  }
}
