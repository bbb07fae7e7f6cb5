import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { serviceKey } from '../core/services.js';
import { SAVOIRS_ROOT, type ZimBook } from './library.js';

const run = promisify(execFile);

export { SAVOIRS_ROOT };

/** What the portal and the health page say about the box's kiwix-serve. */
export type KiwixState =
  | { kind: 'absent'; message: string }
  | { kind: 'empty' }
  | { kind: 'starting' }
  /** `pid` is null when systemd runs it (`external`). */
  | { kind: 'running'; pid: number | null }
  | { kind: 'down'; message: string; retryInMs: number };

export interface KiwixOptions {
  /** Loopback port kiwix-serve listens on (from config.ts). */
  port: number;
  /** Folder the generated library XML lives in. */
  workDir: string;
  /**
   * kiwix-serve runs as its own systemd unit (the Pi, `deploy/`), watching the library
   * file (`--monitorLibrary`): the box only rewrites the file and checks it answers.
   */
  external?: boolean;
  /** How often an external kiwix-serve is checked (default 10 s). */
  probeMs?: number;
  kiwixServe?: string;
  kiwixManage?: string;
  /** First restart delay; doubled after each crash up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** kiwix-serve's arguments, the same for the child and the systemd unit (`deploy/`). */
export function kiwixServeArgs(port: number, library: string): string[] {
  return [
    '--address=127.0.0.1',
    `--port=${port}`,
    `--urlRootLocation=${SAVOIRS_ROOT}`,
    '--monitorLibrary',
    '--library',
    library,
  ];
}

/**
 * One kiwix-serve child process (or, with `external`, the systemd unit's) over a library
 * generated with kiwix-manage, on 127.0.0.1 only. `setBooks()` regenerates the library and restarts it (the pack hook
 * calls it when ZIM packs change), one call after the other; a crash is restarted with
 * a doubling backoff. Each book is added through a link named after its work
 * (`<workDir>/zims/<name>.zim`), since kiwix-serve names a book after its file.
 */
export class KiwixSupervisor {
  private child: ChildProcess | undefined;
  private zims: ZimBook[] = [];
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private backoff: number;
  private stopped = false;
  private current: KiwixState = { kind: 'empty' };

  constructor(private readonly opts: KiwixOptions) {
    this.backoff = opts.backoffMs ?? 500;
  }

  state(): KiwixState {
    return this.current;
  }

  running(): boolean {
    return this.current.kind === 'running';
  }

  port(): number {
    return this.opts.port;
  }

  baseUrl(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  /** The books kiwix-serve was last given (whether or not it runs). */
  books(): readonly ZimBook[] {
    return this.zims;
  }

  setBooks(books: readonly ZimBook[]): Promise<void> {
    const next = this.queue.then(async () => {
      this.zims = [...books].sort((a, b) => a.name.localeCompare(b.name));
      this.backoff = this.opts.backoffMs ?? 500;
      await this.restart();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.opts.external) return;
    await this.kill();
    this.current = {
      kind: 'down',
      message: 'Le service des encyclopédies est arrêté.',
      retryInMs: 0,
    };
  }

  private libraryFile(): string {
    return path.join(this.opts.workDir, 'library.xml');
  }

  /**
   * Writes the library in place of the old one with one rename (an external kiwix-serve
   * reloads it then), each book through its link, itself swapped in with a rename.
   */
  private async writeLibrary(): Promise<void> {
    const links = path.join(this.opts.workDir, 'zims');
    await mkdir(links, { recursive: true });
    const named: string[] = [];
    for (const book of this.zims) {
      const link = path.join(links, `${book.name}.zim`);
      await rm(`${link}.new`, { force: true });
      await symlink(book.file, `${link}.new`);
      await rename(`${link}.new`, link);
      named.push(link);
    }
    const next = `${this.libraryFile()}.next`;
    await rm(next, { force: true });
    if (named.length > 0)
      await run(this.opts.kiwixManage ?? 'kiwix-manage', [next, 'add', ...named]);
    else await writeFile(next, '<library version="20110515"></library>\n');
    // kiwix-serve's --monitorLibrary compares modification times in whole seconds: a
    // library rewritten within the same second would be missed without this.
    const before = await stat(this.libraryFile()).catch(() => null);
    const when = Math.max(Date.now(), (before?.mtimeMs ?? 0) + 1000) / 1000;
    await utimes(next, when, when);
    await rename(next, this.libraryFile());
    const wanted = new Set(named.map((n) => path.basename(n)));
    for (const name of await readdir(links))
      if (!wanted.has(name)) await rm(path.join(links, name), { force: true });
  }

  private async restart(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.opts.external) await this.kill();
    if (this.stopped) return;
    if (!this.opts.external && this.zims.length === 0) {
      this.current = { kind: 'empty' };
      return;
    }
    this.current = { kind: 'starting' };
    try {
      await this.writeLibrary();
    } catch (err) {
      this.current = absentOr(err, 'La bibliothèque des encyclopédies n’a pas pu être préparée.');
      return;
    }
    if (this.opts.external) await this.probe();
    else this.launch();
  }

  /** An external kiwix-serve is "running" while it answers on its loopback port. */
  private async probe(): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    let answers = false;
    try {
      const res = await fetch(`${this.baseUrl()}${SAVOIRS_ROOT}/`, {
        method: 'HEAD',
        redirect: 'manual',
        signal: AbortSignal.timeout(2000),
      });
      answers = res.status > 0;
    } catch {
      answers = false;
    }
    if (this.stopped) return;
    this.current =
      this.zims.length === 0
        ? { kind: 'empty' }
        : answers
          ? { kind: 'running', pid: null }
          : {
              kind: 'down',
              message:
                'Le service des encyclopédies (lanterne-kiwix) ne répond pas ; systemd le redémarre.',
              retryInMs: this.opts.probeMs ?? 10_000,
            };
    this.timer = setTimeout(() => void this.probe(), this.opts.probeMs ?? 10_000);
    this.timer.unref();
  }

  private launch(): void {
    const child = spawn(
      this.opts.kiwixServe ?? 'kiwix-serve',
      kiwixServeArgs(this.opts.port, this.libraryFile()),
      { stdio: 'ignore' },
    );
    this.child = child;
    child.once('error', (err) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.current = absentOr(err, 'Le service des encyclopédies ne démarre pas.');
    });
    child.once('spawn', () => {
      if (this.child === child && child.pid !== undefined) {
        this.current = { kind: 'running', pid: child.pid };
      }
    });
    child.once('exit', () => {
      if (this.child !== child || this.stopped) return;
      this.child = undefined;
      const retryInMs = this.backoff;
      this.backoff = Math.min(this.backoff * 2, this.opts.maxBackoffMs ?? 30_000);
      this.current = {
        kind: 'down',
        message: 'Le service des encyclopédies s’est arrêté ; il redémarre tout seul.',
        retryInMs,
      };
      this.timer = setTimeout(() => this.launch(), retryInMs);
    });
  }

  private async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
  }
}

function absentOr(err: unknown, message: string): KiwixState {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    return {
      kind: 'absent',
      message: 'Les encyclopédies ne sont pas disponibles : le logiciel kiwix-serve manque.',
    };
  }
  return { kind: 'down', message, retryInMs: 0 };
}

/**
 * The box's one kiwix-serve, made on first use over the context (typed by what it reads,
 * so that `context.ts` can hand it to the site search without an import cycle).
 */
export const KIWIX = serviceKey(
  'savoirs',
  (ctx: {
    config: { kiwixPort: number; kiwixMode: 'child' | 'service' };
    paths: { dataDir: string };
  }) =>
    new KiwixSupervisor({
      port: ctx.config.kiwixPort,
      workDir: path.join(ctx.paths.dataDir, 'kiwix'),
      external: ctx.config.kiwixMode === 'service',
    }),
);
