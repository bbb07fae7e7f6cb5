import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/open.js';
import type { Logger } from '../../log.js';
import { hashPassword, verifyPassword, type ScryptParams, DEFAULT_PARAMS } from './password.js';
import { RateLimiter, type RateLimitOptions, DEFAULT_RATE_LIMIT } from './rate-limit.js';
import { AdminRepo } from './repo.js';

/** How long an admin session lives, and how long it survives without use. */
export const SESSION_MAX_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** last_seen_at is written at most this often, to spare the SD card. */
const TOUCH_EVERY_MS = 60_000;

export const SETUP_CODE_FILE = 'setup-code.txt';
/** No 0/O, 1/I/L: the code is read off a screen and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface AdminSession {
  /** sha256 of the cookie value, as stored. */
  idSha256: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

export interface AdminAuthOptions {
  scrypt?: ScryptParams;
  rateLimit?: RateLimitOptions;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

/**
 * The animateur's password, the one-time set-up code and admin sessions.
 * The set-up code lives in memory and in `<dataDir>/setup-code.txt` (mode 0600) until used.
 */
export class AdminAuth {
  readonly repo: AdminRepo;
  readonly limiter: RateLimiter;
  private setupCode: string | null = null;
  private readonly scrypt: ScryptParams;
  private readonly codeListeners: Array<(code: string | null) => void> = [];

  constructor(
    db: Db,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: AdminAuthOptions = {},
  ) {
    this.repo = new AdminRepo(db);
    this.scrypt = options.scrypt ?? DEFAULT_PARAMS;
    this.limiter = new RateLimiter(
      () => this.clock.now().getTime(),
      options.rateLimit ?? DEFAULT_RATE_LIMIT,
    );
  }

  get setupCodeFile(): string {
    return path.join(this.dataDir, SETUP_CODE_FILE);
  }

  isSetUp(): boolean {
    return this.repo.hasAccount();
  }

  /** The set-up code while no password exists (made if needed), else null. */
  pendingSetupCode(): string | null {
    this.ensureSetupCode();
    return this.setupCode;
  }

  /**
   * Calls `listener` with each new set-up code, and with null once it is gone (password
   * set): the places that show the code (stick, console) follow it.
   */
  onSetupCode(listener: (code: string | null) => void): () => void {
    this.codeListeners.push(listener);
    return () => {
      const at = this.codeListeners.indexOf(listener);
      if (at >= 0) this.codeListeners.splice(at, 1);
    };
  }

  /**
   * When no password is set, makes sure a set-up code exists (printed in the log and
   * written to the data folder). Called at start and when someone opens /admin/setup
   * after a reset. Returns whether a new code was made.
   */
  ensureSetupCode(): boolean {
    if (this.isSetUp()) {
      this.discardSetupCode();
      return false;
    }
    if (this.setupCode) return false;
    let code = '';
    for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    this.setupCode = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
    writeFileSync(this.setupCodeFile, `${this.setupCode}\n`, { mode: 0o600 });
    this.log.warn(
      `Aucun mot de passe animateur. Code de mise en service : ${this.setupCode} ` +
        `(aussi dans ${this.setupCodeFile}, sur l'écran de la borne et sur une clé USB ` +
        `branchée) — ouvrez /admin/setup pour choisir le mot de passe.`,
    );
    this.tell(this.setupCode);
    return true;
  }

  /** Sets the first password if `code` is the current set-up code; the code then dies. */
  async setUp(code: string, password: string): Promise<boolean> {
    const current = this.setupCode;
    if (!current || this.isSetUp()) return false;
    const typed = code.trim().toUpperCase().replace(/[\s-]/g, '');
    if (!sameSecret(typed, current.replace(/-/g, ''))) return false;
    // Single use: the code is gone before the slow hash, so a second request cannot reuse it.
    this.discardSetupCode();
    const hashed = await hashPassword(password, this.scrypt);
    if (!this.repo.saveAccount(hashed, this.clock.now().toISOString(), true)) return false;
    this.log.info('Mot de passe animateur défini ; le code de mise en service est supprimé.');
    return true;
  }

  async checkPassword(password: string): Promise<boolean> {
    const account = this.repo.account();
    if (!account) return false;
    return verifyPassword(password, account);
  }

  /** Changes the password and closes every other session. */
  async changePassword(keepSessionSha256: string, password: string): Promise<void> {
    const hashed = await hashPassword(password, this.scrypt);
    this.repo.saveAccount(hashed, this.clock.now().toISOString());
    this.repo.deleteOtherSessions(keepSessionSha256);
    this.log.info('Mot de passe animateur modifié ; les autres sessions sont fermées.');
  }

  /** Forgets the password and every session (the shell-access reset). */
  resetPassword(): void {
    this.repo.deleteAccount();
  }

  /** Opens a session; returns the cookie value (only its hash is stored). */
  openSession(): { cookie: string; session: AdminSession } {
    const now = this.clock.now().getTime();
    const cookie = randomBytes(32).toString('base64url');
    const idSha256 = sha256(cookie);
    const row = {
      csrf: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + SESSION_MAX_MS,
    };
    this.repo.deleteStale(now, now - SESSION_IDLE_MS);
    this.repo.addSession(idSha256, row);
    return {
      cookie,
      session: { idSha256, csrf: row.csrf, createdAt: now, expiresAt: row.expiresAt },
    };
  }

  /** The live session behind a cookie value, or null (expired, idle too long, unknown). */
  session(cookie: string | undefined): AdminSession | null {
    if (!cookie || cookie.length > 100) return null;
    const idSha256 = sha256(cookie);
    const row = this.repo.session(idSha256);
    if (!row) return null;
    const now = this.clock.now().getTime();
    if (row.expiresAt <= now || row.lastSeenAt + SESSION_IDLE_MS <= now || !this.isSetUp()) {
      this.repo.deleteSession(idSha256);
      return null;
    }
    if (now - row.lastSeenAt >= TOUCH_EVERY_MS) this.repo.touchSession(idSha256, now);
    return { idSha256, csrf: row.csrf, createdAt: row.createdAt, expiresAt: row.expiresAt };
  }

  closeSession(idSha256: string): void {
    this.repo.deleteSession(idSha256);
  }

  private discardSetupCode(): void {
    const had = this.setupCode !== null;
    this.setupCode = null;
    rmSync(this.setupCodeFile, { force: true });
    if (had) this.tell(null);
  }

  private tell(code: string | null): void {
    for (const listener of [...this.codeListeners]) {
      try {
        listener(code);
      } catch (err) {
        this.log.error(`Code de mise en service : ${(err as Error).message}`);
      }
    }
  }
}
