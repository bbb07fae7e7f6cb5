import { spawn, type ChildProcess } from 'node:child_process';

/** Where one supervised program stands. */
export type ChildState =
  | { kind: 'stopped' }
  | { kind: 'starting' }
  | { kind: 'running'; pid: number }
  /** The program is not installed (ENOENT): restarting would not help. */
  | { kind: 'missing' }
  /** It could not be started for another reason. */
  | { kind: 'failed'; error: string }
  /** It exited by itself; it is started again in `retryInMs`. */
  | { kind: 'crashed'; retryInMs: number };

export interface ChildOptions {
  /** First restart delay; doubled after each crash up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Called on every change of state (a supervisor that waits on the program's API). */
  onState?: (state: ChildState) => void;
}

export interface ChildCommand {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * One child process kept alive: started with `run()`, restarted with a doubling backoff
 * when it exits by itself, stopped (and waited for) with `stop()`. Shared by the box's
 * helpers that run one program on loopback (kiwix-serve, Syncthing).
 *
 * @example
 *   const child = new SupervisedChild({ backoffMs: 500 });
 *   await child.run({ command: 'kiwix-serve', args: ['--port=8091', 'library.xml'] });
 */
export class SupervisedChild {
  private child: ChildProcess | undefined;
  private command: ChildCommand | undefined;
  private timer: NodeJS.Timeout | undefined;
  private backoff: number;
  private current: ChildState = { kind: 'stopped' };

  constructor(private readonly opts: ChildOptions = {}) {
    this.backoff = opts.backoffMs ?? 500;
  }

  state(): ChildState {
    return this.current;
  }

  /** Stops what runs, then starts `command` afresh (the backoff starts over). */
  async run(command: ChildCommand): Promise<void> {
    await this.stop();
    this.command = command;
    this.backoff = this.opts.backoffMs ?? 500;
    this.launch();
  }

  /** Stops the program and waits for it to exit; no restart follows. */
  async stop(): Promise<void> {
    this.command = undefined;
    clearTimeout(this.timer);
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    }
    this.set({ kind: 'stopped' });
  }

  private set(state: ChildState): void {
    this.current = state;
    this.opts.onState?.(state);
  }

  private launch(): void {
    const command = this.command;
    if (!command) return;
    this.set({ kind: 'starting' });
    const child = spawn(command.command, [...command.args], {
      stdio: 'ignore',
      ...(command.env ? { env: command.env } : {}),
    });
    this.child = child;
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.set(
        err.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'failed', error: err.message },
      );
    });
    child.once('spawn', () => {
      if (this.child === child && child.pid !== undefined)
        this.set({ kind: 'running', pid: child.pid });
    });
    child.once('exit', () => {
      if (this.child !== child || this.command !== command) return;
      this.child = undefined;
      const retryInMs = this.backoff;
      this.backoff = Math.min(this.backoff * 2, this.opts.maxBackoffMs ?? 30_000);
      this.set({ kind: 'crashed', retryInMs });
      this.timer = setTimeout(() => this.launch(), retryInMs);
    });
  }
}
