import type { Db } from '../db/open.js';

export interface NoticeRow {
  id: string;
  pack_id: string;
  version: string;
  language: string;
  title: string;
  level: string;
  pack_dir: string;
  notice_dir: string;
  body: string;
  installed_at: string;
}

export interface NoticeErrorRow {
  pack_id: string;
  path: string;
  notice_id: string | null;
  message: string;
  at: string;
}

export type Face = 'yes' | 'neutral' | 'no';

/** Prepared statements over the notice tables, created once per database handle. */
export class NoticeRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare<[NoticeRow]>(
        `INSERT INTO notices (id, pack_id, version, language, title, level, pack_dir, notice_dir, body, installed_at)
         VALUES (@id, @pack_id, @version, @language, @title, @level, @pack_dir, @notice_dir, @body, @installed_at)`,
      ),
      get: db.prepare<[string], NoticeRow>('SELECT * FROM notices WHERE id = ?'),
      all: db.prepare<[], NoticeRow>('SELECT * FROM notices ORDER BY title COLLATE NOCASE'),
      removePack: db.prepare<[string]>('DELETE FROM notices WHERE pack_id = ?'),
      insertError: db.prepare<[NoticeErrorRow]>(
        'INSERT INTO notice_errors (pack_id, path, notice_id, message, at) VALUES (@pack_id, @path, @notice_id, @message, @at)',
      ),
      errors: db.prepare<[], NoticeErrorRow>(
        'SELECT * FROM notice_errors ORDER BY at DESC, pack_id, path',
      ),
      removeErrors: db.prepare<[string]>('DELETE FROM notice_errors WHERE pack_id = ?'),
      feedback: db.prepare<[string, string]>(
        `INSERT INTO notice_feedback (notice_id, face, count) VALUES (?, ?, 1)
         ON CONFLICT (notice_id, face) DO UPDATE SET count = count + 1`,
      ),
      hide: db.prepare<[string, string]>(
        'INSERT INTO notice_hidden (notice_id, at) VALUES (?, ?) ON CONFLICT (notice_id) DO NOTHING',
      ),
      show: db.prepare<[string]>('DELETE FROM notice_hidden WHERE notice_id = ?'),
      hidden: db.prepare<[], { notice_id: string }>('SELECT notice_id FROM notice_hidden'),
      feedbackCounts: db.prepare<[], { notice_id: string; face: Face; count: number }>(
        'SELECT notice_id, face, count FROM notice_feedback',
      ),
    };
  }

  insert(row: NoticeRow): void {
    this.s.insert.run(row);
  }
  get(id: string): NoticeRow | undefined {
    return this.s.get.get(id);
  }
  all(): NoticeRow[] {
    return this.s.all.all();
  }
  removePack(packId: string): void {
    this.s.removePack.run(packId);
    this.s.removeErrors.run(packId);
  }
  insertError(row: NoticeErrorRow): void {
    this.s.insertError.run(row);
  }
  errors(): NoticeErrorRow[] {
    return this.s.errors.all();
  }
  addFeedback(noticeId: string, face: Face): void {
    this.s.feedback.run(noticeId, face);
  }
  hide(noticeId: string, at: string): void {
    this.s.hide.run(noticeId, at);
  }
  show(noticeId: string): void {
    this.s.show.run(noticeId);
  }
  hiddenIds(): Set<string> {
    return new Set(this.s.hidden.all().map((r) => r.notice_id));
  }
  feedbackCounts(): Array<{ notice_id: string; face: Face; count: number }> {
    return this.s.feedbackCounts.all();
  }
}
