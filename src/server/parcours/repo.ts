import type { Db } from '../db/open.js';

export interface ParcoursRow {
  id: string;
  pack_id: string;
  version: string;
  language: string;
  title: string;
  level: string;
  pack_dir: string;
  parcours_dir: string;
  body: string;
  installed_at: string;
}

export interface ParcoursErrorRow {
  pack_id: string;
  path: string;
  parcours_id: string | null;
  message: string;
  at: string;
}

/** Prepared statements over the parcours tables, created once per database handle. */
export class ParcoursRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare<[ParcoursRow]>(
        `INSERT INTO parcours (id, pack_id, version, language, title, level, pack_dir, parcours_dir, body, installed_at)
         VALUES (@id, @pack_id, @version, @language, @title, @level, @pack_dir, @parcours_dir, @body, @installed_at)`,
      ),
      get: db.prepare<[string], ParcoursRow>('SELECT * FROM parcours WHERE id = ?'),
      all: db.prepare<[], ParcoursRow>('SELECT * FROM parcours ORDER BY title COLLATE NOCASE'),
      removePack: db.prepare<[string]>('DELETE FROM parcours WHERE pack_id = ?'),
      insertError: db.prepare<[ParcoursErrorRow]>(
        'INSERT INTO parcours_errors (pack_id, path, parcours_id, message, at) VALUES (@pack_id, @path, @parcours_id, @message, @at)',
      ),
      errors: db.prepare<[], ParcoursErrorRow>(
        'SELECT * FROM parcours_errors ORDER BY at DESC, pack_id, path',
      ),
      removeErrors: db.prepare<[string]>('DELETE FROM parcours_errors WHERE pack_id = ?'),
    };
  }

  insert(row: ParcoursRow): void {
    this.s.insert.run(row);
  }
  get(id: string): ParcoursRow | undefined {
    return this.s.get.get(id);
  }
  all(): ParcoursRow[] {
    return this.s.all.all();
  }
  removePack(packId: string): void {
    this.s.removePack.run(packId);
    this.s.removeErrors.run(packId);
  }
  insertError(row: ParcoursErrorRow): void {
    this.s.insertError.run(row);
  }
  errors(): ParcoursErrorRow[] {
    return this.s.errors.all();
  }
}
