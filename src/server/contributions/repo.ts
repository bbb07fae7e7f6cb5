import type { Db } from '../db/open.js';

export type ContributionStatus = 'waiting' | 'published' | 'refused';
export type ContributionKind = 'image' | 'text' | 'audio' | 'pdf' | 'epub';

export interface Contribution {
  id: string;
  status: ContributionStatus;
  kind: ContributionKind;
  /** The file's name inside the quarantine folder (the box's own name, never the visitor's). */
  file: string;
  size: number;
  title: string;
  description: string;
  author: string;
  licence: string;
  reason: string;
  workId: string | null;
  thanks: number;
  created: string;
  decided: string | null;
}

export type NewContribution = Omit<
  Contribution,
  'status' | 'reason' | 'workId' | 'decided' | 'thanks'
>;
export type EditableFields = Pick<Contribution, 'title' | 'description' | 'author' | 'licence'>;

interface Row {
  id: string;
  status: ContributionStatus;
  kind: ContributionKind;
  file: string;
  size: number;
  title: string;
  description: string;
  author: string;
  licence: string;
  reason: string;
  work_id: string | null;
  thanks: number;
  created: string;
  decided: string | null;
}

const toContribution = (r: Row): Contribution => ({
  id: r.id,
  status: r.status,
  kind: r.kind,
  file: r.file,
  size: r.size,
  title: r.title,
  description: r.description,
  author: r.author,
  licence: r.licence,
  reason: r.reason,
  workId: r.work_id,
  thanks: r.thanks,
  created: r.created,
  decided: r.decided,
});

/** Prepared statements over `contributions` (migration 057). */
export class ContributionRepo {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byReceiptStmt;
  private readonly waitingStmt;
  private readonly pendingBytesStmt;
  private readonly editStmt;
  private readonly decideStmt;
  private readonly thankStmt;
  private readonly byWorkStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO contributions (id, receipt_hash, status, kind, file, size, title, description,
         author, licence, created)
       VALUES (@id, @receiptHash, 'waiting', @kind, @file, @size, @title, @description, @author,
         @licence, @created)`,
    );
    this.byIdStmt = db.prepare<[string], Row>('SELECT * FROM contributions WHERE id = ?');
    this.byReceiptStmt = db.prepare<[string], Row>(
      'SELECT * FROM contributions WHERE receipt_hash = ?',
    );
    this.waitingStmt = db.prepare<[], Row>(
      "SELECT * FROM contributions WHERE status = 'waiting' ORDER BY created, id",
    );
    this.pendingBytesStmt = db.prepare<[], { total: number }>(
      "SELECT COALESCE(SUM(size), 0) AS total FROM contributions WHERE status = 'waiting'",
    );
    this.editStmt = db.prepare(
      `UPDATE contributions SET title = @title, description = @description, author = @author,
         licence = @licence WHERE id = @id AND status = 'waiting'`,
    );
    this.decideStmt = db.prepare(
      `UPDATE contributions SET status = @status, reason = @reason, work_id = @workId,
         decided = @decided WHERE id = @id AND status = 'waiting'`,
    );
    this.thankStmt = db.prepare<[string]>(
      "UPDATE contributions SET thanks = thanks + 1 WHERE work_id = ? AND status = 'published'",
    );
    this.byWorkStmt = db.prepare<[string], Row>(
      "SELECT * FROM contributions WHERE work_id = ? AND status = 'published'",
    );
  }

  /** One "merci" for a published contribution. */
  thank(workId: string): boolean {
    return this.thankStmt.run(workId).changes === 1;
  }

  publishedWork(workId: string): Contribution | undefined {
    const row = this.byWorkStmt.get(workId);
    return row ? toContribution(row) : undefined;
  }

  insert(c: NewContribution, receiptHash: string): void {
    this.insertStmt.run({ ...c, receiptHash });
  }

  get(id: string): Contribution | undefined {
    const row = this.byIdStmt.get(id);
    return row ? toContribution(row) : undefined;
  }

  byReceipt(hash: string): Contribution | undefined {
    const row = this.byReceiptStmt.get(hash);
    return row ? toContribution(row) : undefined;
  }

  waiting(): Contribution[] {
    return this.waitingStmt.all().map(toContribution);
  }

  pendingBytes(): number {
    return this.pendingBytesStmt.get()?.total ?? 0;
  }

  edit(id: string, fields: EditableFields): boolean {
    return this.editStmt.run({ id, ...fields }).changes === 1;
  }

  decide(
    id: string,
    d: { status: 'published' | 'refused'; reason: string; workId: string | null; decided: string },
  ): boolean {
    return this.decideStmt.run({ id, ...d }).changes === 1;
  }
}
