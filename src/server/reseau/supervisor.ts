import { SupervisedChild } from '../core/child.js';
import { SyncthingClient } from './client.js';
import { apiKey, prepareHome, type HomeSettings, type ReseauPaths } from './home.js';

/** What the health page and the network page say about the box's Syncthing. */
export type SyncthingState =
  /** The animateur has not turned the network on: nothing runs. */
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'running'; deviceId: string }
  | { kind: 'absent'; message: string }
  | { kind: 'down'; message: string; retryInMs: number };

export interface SyncthingOptions {
  paths: ReseauPaths;
  settings: HomeSettings;
  /** `child`: the box runs Syncthing; `service`: systemd does (deploy/). */
  mode: 'child' | 'service';
  binary?: string;
  backoffMs?: number;
  maxBackoffMs?: number;
}

const ABSENT = 'Le réseau de boîtes n’est pas disponible : le logiciel Syncthing manque.';

/**
 * The box's one Syncthing, on 127.0.0.1 only: its home prepared (`home.ts`), then run as
 * a child restarted with backoff (`core/child.ts`) or, on the Pi, left to its systemd
 * unit; either way the box then speaks to it through the REST API only.
 */
export class SyncthingSupervisor {
  private readonly child: SupervisedChild;
  private started = false;
  private problem: SyncthingState | undefined;
  private status: { myID: string; startTime: string } | undefined;
  private apiUp = false;
  private client: SyncthingClient | undefined;

  constructor(private readonly opts: SyncthingOptions) {
    this.child = new SupervisedChild({
      ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
      ...(opts.maxBackoffMs !== undefined ? { maxBackoffMs: opts.maxBackoffMs } : {}),
      onState: (s) => {
        if (s.kind !== 'running') this.apiUp = false;
      },
    });
  }

  state(): SyncthingState {
    if (!this.started) return { kind: 'off' };
    if (this.problem) return this.problem;
    const s = this.opts.mode === 'service' ? undefined : this.child.state();
    switch (s?.kind) {
      case 'missing':
        return { kind: 'absent', message: ABSENT };
      case 'failed':
        return { kind: 'down', message: 'Syncthing ne démarre pas.', retryInMs: 0 };
      case 'crashed':
        return {
          kind: 'down',
          message: 'Syncthing s’est arrêté ; il redémarre tout seul.',
          retryInMs: s.retryInMs,
        };
      default:
        return this.apiUp && this.status
          ? { kind: 'running', deviceId: this.status.myID }
          : { kind: 'starting' };
    }
  }

  /** Prepares the home and starts Syncthing (child mode; systemd's path unit otherwise). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.problem = undefined;
    const key = await apiKey(this.opts.paths);
    this.client = new SyncthingClient(`http://127.0.0.1:${this.opts.settings.apiPort}`, key);
    try {
      // In service mode too: the home appearing is what starts the systemd unit.
      await prepareHome(this.opts.paths, this.opts.settings, this.opts.binary);
    } catch (err) {
      this.problem =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? { kind: 'absent', message: ABSENT }
          : { kind: 'down', message: 'Syncthing n’a pas pu être préparé.', retryInMs: 0 };
      return;
    }
    if (this.opts.mode === 'service') return;
    await this.child.run({
      command: this.opts.binary ?? 'syncthing',
      args: [
        'serve',
        `--home=${this.opts.paths.home}`,
        '--no-browser',
        '--no-restart',
        '--no-upgrade',
        '--no-default-folder',
        '--skip-port-probing',
      ],
    });
  }

  /**
   * The API client once Syncthing answers, or undefined (not started, not up yet, down).
   * Each call asks Syncthing, so a restarted Syncthing is seen at the next call.
   */
  async api(): Promise<SyncthingClient | undefined> {
    const client = this.client;
    if (!client || this.problem) return undefined;
    try {
      this.status = await client.status();
      this.apiUp = true;
      return client;
    } catch {
      this.apiUp = false;
      return undefined;
    }
  }

  /** What the last answer said: the device id and Syncthing's start time. */
  lastStatus(): { myID: string; startTime: string } | undefined {
    return this.status;
  }

  async stop(): Promise<void> {
    this.started = false;
    this.apiUp = false;
    await this.child.stop();
  }
}
