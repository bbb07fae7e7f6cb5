import type { Db } from '../db/open.js';

export type Role = 'coordinator' | 'member';

export interface Peer {
  deviceId: string;
  name: string;
  address: string;
  addedAt: string;
}

/** Prepared statements over the network's two tables (065-reseau.sql). */
export class ReseauRepo {
  private readonly getRole;
  private readonly putRole;
  private readonly allPeers;
  private readonly putPeer;
  private readonly delPeer;

  constructor(db: Db) {
    this.getRole = db.prepare<[], { role: Role }>('SELECT role FROM reseau_settings WHERE id = 1');
    this.putRole = db.prepare<[Role, string]>(
      `INSERT INTO reseau_settings (id, role, updated_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at`,
    );
    this.allPeers = db.prepare<[], Peer>(
      `SELECT device_id AS deviceId, name, address, added_at AS addedAt
       FROM reseau_peers ORDER BY name, device_id`,
    );
    this.putPeer = db.prepare<[string, string, string, string]>(
      `INSERT INTO reseau_peers (device_id, name, address, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, address = excluded.address`,
    );
    this.delPeer = db.prepare<[string]>('DELETE FROM reseau_peers WHERE device_id = ?');
  }

  /** The role, or null while the network is off. */
  role(): Role | null {
    return this.getRole.get()?.role ?? null;
  }

  setRole(role: Role, now: Date): void {
    this.putRole.run(role, now.toISOString());
  }

  peers(): Peer[] {
    return this.allPeers.all();
  }

  savePeer(p: Omit<Peer, 'addedAt'>, now: Date): void {
    this.putPeer.run(p.deviceId, p.name, p.address, now.toISOString());
  }

  removePeer(deviceId: string): boolean {
    return this.delPeer.run(deviceId).changes > 0;
  }
}
