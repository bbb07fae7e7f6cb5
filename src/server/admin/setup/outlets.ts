import { lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../../context.js';
import { writeFileOnStick } from '../../sticks/write.js';
import { consoleText, setupUrlOf, stickText, type SetupWhere } from './texts.js';

export const STICK_CODE_FILE = 'LANTERNE-CODE.txt';
/** Linked from /etc/issue.d by deploy/install.sh, so the HDMI console shows it. */
export const CONSOLE_CODE_FILE = 'setup-code.issue';

/**
 * Puts the one-time set-up code where an animateur without a terminal can read it, and
 * takes it away once the password is set: on the HDMI console (a file agetty shows) and
 * on each USB stick plugged in while no password exists (`LANTERNE-CODE.txt`).
 * The kiosk screen asks for it itself (`/api/kiosk/setup`, loopback only).
 *
 * Sticks are listed and written through the box's one sticks module (`ctx.sticks`,
 * sticks/write.ts), like the statistics and pack exports.
 */
export class SetupCodeOutlets {
  /** Sticks seen at the last look (their id), so a stick is written once per plug-in. */
  private seen = new Set<string>();
  /** Sticks holding our file, and the code in it. */
  private readonly written = new Map<string, string>();
  /** Sticks that refused the file (read-only), told once per plug-in. */
  private readonly refused = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** The look under way, so two never overlap (a slow stick, a short poll). */
  private looking: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly pollMs = 3_000,
  ) {}

  get consoleFile(): string {
    return path.join(this.ctx.paths.dataDir, CONSOLE_CODE_FILE);
  }

  /** Starts following the code; resolves once the first look at the sticks is done. */
  start(): Promise<void> {
    this.unsubscribe = this.ctx.admin.onSetupCode((code) => this.follow(code));
    // A file left by a crash after the password was set must not stay on the console; a
    // code made before this start (a request to /admin/setup right after listen) must show.
    const code = this.ctx.admin.isSetUp() ? null : this.ctx.admin.pendingSetupCode();
    if (code) this.follow(code);
    else rmSync(this.consoleFile, { force: true });
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
    return this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** One look: a password reset from the shell makes a new code; new sticks get the file. */
  tick(): Promise<void> {
    this.looking ??= this.look().finally(() => (this.looking = null));
    return this.looking;
  }

  private async look(): Promise<void> {
    const code = this.ctx.admin.isSetUp() ? null : this.ctx.admin.pendingSetupCode();
    if (!code) {
      // Nothing to write: no need to look at the sticks (a stick still plugged in when a
      // shell reset makes a new code counts as plugged in while no password exists).
      this.seen.clear();
      return;
    }
    const sticks = await this.ctx.sticks.list();
    const roots = new Map(sticks.map((s) => [s.id, s.root]));
    const now = new Set(roots.keys());
    for (const id of [...this.written.keys()]) if (!now.has(id)) this.written.delete(id);
    for (const id of [...this.refused]) if (!now.has(id)) this.refused.delete(id);
    for (const [id, root] of roots)
      if (!this.seen.has(id) && !this.written.has(id)) await this.toStick(id, root, code);
    this.seen = now;
  }

  private where(code: string): SetupWhere {
    return {
      code,
      setupUrl: setupUrlOf(this.ctx.config.publicUrl),
      wifiName: this.ctx.settings.current().wifiName,
    };
  }

  private follow(code: string | null): void {
    if (code) {
      writeFileSync(this.consoleFile, consoleText(this.where(code)), { mode: 0o600 });
      return;
    }
    rmSync(this.consoleFile, { force: true });
    for (const [id, old] of this.written) this.fromStick(id, old);
    this.written.clear();
  }

  private rootOf(id: string): string {
    return path.join(this.ctx.config.mediaDir, ...id.split('/'));
  }

  private async toStick(id: string, root: string, code: string): Promise<void> {
    try {
      await writeFileOnStick(root, STICK_CODE_FILE, stickText(this.where(code)));
      this.written.set(id, code);
      this.ctx.log.info(`Code de mise en service écrit sur la clé USB « ${id} ».`);
    } catch (err) {
      if (this.refused.has(id)) return;
      this.refused.add(id);
      const why = (err as NodeJS.ErrnoException).code === 'EROFS' ? ' (clé en lecture seule)' : '';
      this.ctx.log.warn(
        `Impossible d'écrire le code de mise en service sur la clé « ${id} »${why}.`,
      );
    }
  }

  /** Removes our file, only if it is still a plain file holding the dead code. */
  private fromStick(id: string, code: string): void {
    const file = path.join(this.rootOf(id), STICK_CODE_FILE);
    try {
      if (!lstatSync(file).isFile() || !readFileSync(file, 'utf8').includes(code)) return;
      rmSync(file);
      this.ctx.log.info(`Code de mise en service effacé de la clé USB « ${id} ».`);
    } catch {
      // The stick went away meanwhile: the code on it is dead anyway.
    }
  }
}
