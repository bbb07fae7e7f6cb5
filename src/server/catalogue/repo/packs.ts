import type { Db } from '../../db/open.js';
import type { NewPack, Pack } from '../types.js';
import { toPack, type PackRow } from './rows.js';

/** Prepared statements over the `packs` table. */
export class PackRows {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO packs (id, version, title, description, publisher, languages,
          created, dir, manifest_sha256, origin, installed_at)
        VALUES (@id, @version, @title, @description, @publisher, @languages, @created, @dir,
          @manifestSha256, @origin, @installedAt)`),
      delete: db.prepare('DELETE FROM packs WHERE id = ?'),
      get: db.prepare(`SELECT p.*, (SELECT count(*) FROM works w WHERE w.pack_id = p.id) AS work_count
        FROM packs p WHERE p.id = ?`),
      list: db.prepare(`SELECT p.*, (SELECT count(*) FROM works w WHERE w.pack_id = p.id) AS work_count
        FROM packs p ORDER BY p.title`),
      dirs: db.prepare('SELECT dir FROM packs'),
    };
  }

  insert(pack: NewPack, installedAt: string): void {
    this.s.insert.run({ ...pack, languages: JSON.stringify(pack.languages), installedAt });
  }

  /** Only the pack row: its works go first (see `CatalogueRepo.deletePack`). */
  delete(id: string): void {
    this.s.delete.run(id);
  }

  get(id: string): Pack | undefined {
    const row = this.s.get.get(id) as PackRow | undefined;
    return row && toPack(row);
  }

  list(): Pack[] {
    return (this.s.list.all() as PackRow[]).map(toPack);
  }

  dirs(): string[] {
    return (this.s.dirs.all() as Array<{ dir: string }>).map((r) => r.dir);
  }
}
