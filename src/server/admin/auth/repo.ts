import type { Db } from '../../db/open.js';
import type { PasswordHash, ScryptParams } from './password.js';

export interface SessionRow {
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

/** Prepared statements over `admin_account` and `admin_sessions`. */
export class AdminRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      account: db.prepare('SELECT hash, salt, params FROM admin_account WHERE id = 1'),
      hasAccount: db.prepare('SELECT 1 FROM admin_account WHERE id = 1'),
      setAccount: db.prepare(
        `INSERT INTO admin_account (id, hash, salt, params, updated_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, salt = excluded.salt,
           params = excluded.params, updated_at = excluded.updated_at`,
      ),
      createAccount: db.prepare(
        'INSERT INTO admin_account (id, hash, salt, params, updated_at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      deleteAccount: db.prepare('DELETE FROM admin_account'),
      session: db.prepare(
        'SELECT csrf, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM admin_sessions WHERE id_sha256 = ?',
      ),
      addSession: db.prepare(
        'INSERT INTO admin_sessions (id_sha256, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      touchSession: db.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE id_sha256 = ?'),
      deleteSession: db.prepare('DELETE FROM admin_sessions WHERE id_sha256 = ?'),
      deleteOtherSessions: db.prepare('DELETE FROM admin_sessions WHERE id_sha256 != ?'),
      deleteAllSessions: db.prepare('DELETE FROM admin_sessions'),
      deleteStale: db.prepare(
        'DELETE FROM admin_sessions WHERE expires_at <= ? OR last_seen_at <= ?',
      ),
    };
  }

  account(): PasswordHash | undefined {
    const row = this.s.account.get() as { hash: string; salt: string; params: string } | undefined;
    if (!row) return undefined;
    return { hash: row.hash, salt: row.salt, params: JSON.parse(row.params) as ScryptParams };
  }

  hasAccount(): boolean {
    return this.s.hasAccount.get() !== undefined;
  }

  /** Sets the password; with `onlyIfMissing` it never replaces one (the set-up race). */
  saveAccount(h: PasswordHash, at: string, onlyIfMissing = false): boolean {
    const stmt = onlyIfMissing ? this.s.createAccount : this.s.setAccount;
    return stmt.run(h.hash, h.salt, JSON.stringify(h.params), at).changes > 0;
  }

  deleteAccount(): void {
    this.s.deleteAccount.run();
    this.s.deleteAllSessions.run();
  }

  session(idSha256: string): SessionRow | undefined {
    return this.s.session.get(idSha256) as SessionRow | undefined;
  }

  addSession(idSha256: string, row: SessionRow): void {
    this.s.addSession.run(idSha256, row.csrf, row.createdAt, row.lastSeenAt, row.expiresAt);
  }

  touchSession(idSha256: string, at: number): void {
    this.s.touchSession.run(at, idSha256);
  }

  deleteSession(idSha256: string): void {
    this.s.deleteSession.run(idSha256);
  }

  deleteOtherSessions(keepSha256: string): void {
    this.s.deleteOtherSessions.run(keepSha256);
  }

  deleteAllSessions(): void {
    this.s.deleteAllSessions.run();
  }

  deleteStale(now: number, idleBefore: number): void {
    this.s.deleteStale.run(now, idleBefore);
  }
}
