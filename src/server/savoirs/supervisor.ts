import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { SupervisedChild } from '../core/child.js';

const run = promisify(execFile);

/** The box's path for the encyclopaedias; kiwix-serve is told to live under it, so the
 * proxy passes URLs through unchanged (nothing rewritten). */
export const SAVOIRS_ROOT = '/savoirs';

/** What the portal and the health page say about the box's kiwix-serve. */
export type KiwixState =
  | { kind: 'absent'; message: string }
  | { kind: 'empty' }
  | { kind: 'starting' }
  | { kind: 'running'; pid: number }
  | { kind: 'down'; message: string; retryInMs: number };

export interface KiwixOptions {
  /** Loopback port kiwix-serve listens on (from config.ts). */
  port: number;
  /** Folder the generated library XML lives in. */
  workDir: string;
  kiwixServe?: string;
  kiwixManage?: string;
  /** First restart delay; doubled after each crash up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * One kiwix-serve child process over a library generated with kiwix-manage, on
 * 127.0.0.1 only. `setZims()` regenerates the library and restarts it (the pack hook
 * calls it when ZIM packs change); a crash is restarted with a doubling backoff
 * (`core/child.ts`, the one child lifecycle of the box).
 */
export class KiwixSupervisor {
  private readonly child: SupervisedChild;
  private zims: string[] = [];
  private stopped = false;
  /** Set when there is nothing to run, or the library could not be prepared. */
  private before: KiwixState | undefined = { kind: 'empty' };

  constructor(private readonly opts: KiwixOptions) {
    this.child = new SupervisedChild({
      ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
      ...(opts.maxBackoffMs !== undefined ? { maxBackoffMs: opts.maxBackoffMs } : {}),
    });
  }

  state(): KiwixState {
    if (this.stopped)
      return { kind: 'down', message: 'Le service des encyclopédies est arrêté.', retryInMs: 0 };
    if (this.before) return this.before;
    const s = this.child.state();
    switch (s.kind) {
      case 'stopped':
      case 'starting':
        return { kind: 'starting' };
      case 'running':
        return { kind: 'running', pid: s.pid };
      case 'missing':
        return ABSENT;
      case 'failed':
        return {
          kind: 'down',
          message: 'Le service des encyclopédies ne démarre pas.',
          retryInMs: 0,
        };
      case 'crashed':
        return {
          kind: 'down',
          message: 'Le service des encyclopédies s’est arrêté ; il redémarre tout seul.',
          retryInMs: s.retryInMs,
        };
    }
  }

  baseUrl(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  async setZims(zimPaths: readonly string[]): Promise<void> {
    this.zims = [...zimPaths].sort();
    await this.restart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.child.stop();
  }

  private libraryFile(): string {
    return path.join(this.opts.workDir, 'library.xml');
  }

  private async restart(): Promise<void> {
    await this.child.stop();
    if (this.stopped) return;
    if (this.zims.length === 0) {
      this.before = { kind: 'empty' };
      return;
    }
    this.before = { kind: 'starting' };
    try {
      await mkdir(this.opts.workDir, { recursive: true });
      await rm(this.libraryFile(), { force: true });
      for (const zim of this.zims) {
        await run(this.opts.kiwixManage ?? 'kiwix-manage', [this.libraryFile(), 'add', zim]);
      }
    } catch (err) {
      this.before =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? ABSENT
          : {
              kind: 'down',
              message: 'La bibliothèque des encyclopédies n’a pas pu être préparée.',
              retryInMs: 0,
            };
      return;
    }
    this.before = undefined;
    await this.child.run({
      command: this.opts.kiwixServe ?? 'kiwix-serve',
      args: [
        '--address=127.0.0.1',
        `--port=${this.opts.port}`,
        `--urlRootLocation=${SAVOIRS_ROOT}`,
        '--library',
        this.libraryFile(),
      ],
    });
  }
}

const ABSENT: KiwixState = {
  kind: 'absent',
  message: 'Les encyclopédies ne sont pas disponibles : le logiciel kiwix-serve manque.',
};
