import type { Db } from '../../db/open.js';

export type Decision = 'approved' | 'rejected';

/**
 * What the animateur decided about a pack, by the checksum of its manifest: the same
 * stick plugged in again is not asked about twice, and an approved import that a pulled
 * stick interrupted resumes when the stick comes back.
 */
export class DecisionRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.getStmt = db.prepare('SELECT decision FROM pack_decisions WHERE manifest_sha256 = ?');
    this.setStmt = db.prepare(
      `INSERT INTO pack_decisions (manifest_sha256, decision, pack_id, version, decided_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (manifest_sha256) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
    );
  }

  get(manifestSha256: string): Decision | undefined {
    return (this.getStmt.get(manifestSha256) as { decision: Decision } | undefined)?.decision;
  }

  set(manifestSha256: string, decision: Decision, packId: string, version: string): void {
    this.setStmt.run(manifestSha256, decision, packId, version, this.now().toISOString());
  }
}
