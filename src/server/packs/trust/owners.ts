import type { Db } from '../../db/open.js';

/** The keys a pack id belongs to (table `pack_owners`): see the admission rule. */
export class PackOwners {
  private readonly listStmt;
  private readonly addStmt;
  private readonly clearStmt;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.listStmt = db.prepare(
      `SELECT o.public_key AS publicKey, k.name AS name FROM pack_owners o
       LEFT JOIN trusted_keys k ON k.public_key = o.public_key
       WHERE o.pack_id = ? ORDER BY o.linked_at, o.public_key`,
    );
    this.addStmt = db.prepare(
      'INSERT INTO pack_owners (pack_id, public_key, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.clearStmt = db.prepare('DELETE FROM pack_owners WHERE pack_id = ?');
  }

  /** The keys, with their names while they are still trusted. */
  list(packId: string): Array<{ publicKey: string; name?: string | undefined }> {
    return (this.listStmt.all(packId) as Array<{ publicKey: string; name: string | null }>).map(
      (r) =>
        r.name === null ? { publicKey: r.publicKey } : (r as { publicKey: string; name: string }),
    );
  }

  link(packId: string, publicKey: string): void {
    this.addStmt.run(packId, publicKey, this.now().toISOString());
  }

  /** A removed pack belongs to nobody any more. */
  clear(packId: string): void {
    this.clearStmt.run(packId);
  }
}
