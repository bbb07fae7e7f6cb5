import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Context } from '../context.js';
import { importPack } from './import.js';
import { inspectPack, type InspectOptions } from './inspect.js';
import { problems as problemText } from './problems.js';
import type {
  ImportOutcome,
  ImportProgress,
  InspectResult,
  PackProblem,
  PackSource,
} from './types.js';

/**
 * `detected → waiting-approval → importing (progress) → imported | failed(problems)`;
 * `skipped` when the box already has this version or a newer one.
 */
export type QueueState =
  'detected' | 'waiting-approval' | 'importing' | 'imported' | 'skipped' | 'failed';

/** What the admin page shows about one detected pack. */
export interface QueueEntry {
  id: string;
  source: PackSource;
  state: QueueState;
  detectedAt: string;
  packId?: string | undefined;
  title?: string | undefined;
  version?: string | undefined;
  itemCount: number;
  totalBytes: number;
  licences: string[];
  signature: InspectResult['signature'];
  signer?: string | undefined;
  progress?: ImportProgress | undefined;
  outcome?: ImportOutcome | undefined;
  problems: PackProblem[];
}

export interface QueueOptions {
  /** From the trust feature: packs with a valid signature by a trusted key import without approval. */
  checkSignature?: InspectOptions['checkSignature'];
}

type Listener = (entry: QueueEntry) => void;

/**
 * The packs the box has seen (USB sticks, uploads), their state and progress, in
 * memory: the watcher calls `detect` and `sourceGone`, the admin area `approve`,
 * `dismiss` and `list`. Imports run one at a time (importPack holds the pack lock).
 */
export class PackQueue {
  private readonly entries = new Map<string, QueueEntry>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly ctx: Context,
    private readonly options: QueueOptions = {},
  ) {}

  list(): QueueEntry[] {
    return [...this.entries.values()].sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  }

  get(id: string): QueueEntry | undefined {
    return this.entries.get(id);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A pack appeared: check it, then import it if trusted or wait for the animateur. */
  async detect(source: PackSource): Promise<QueueEntry> {
    const entry: QueueEntry = {
      id: randomUUID(),
      source,
      state: 'detected',
      detectedAt: this.ctx.clock.now().toISOString(),
      itemCount: 0,
      totalBytes: 0,
      licences: [],
      signature: 'none',
      problems: [],
    };
    this.entries.set(entry.id, entry);
    this.changed(entry);
    const result = await inspectPack(source, {
      licencePolicy: this.ctx.settings.current().licencePolicy,
      checkSignature: this.options.checkSignature,
    });
    const m = result.manifest;
    Object.assign(entry, {
      packId: m?.id,
      title: m?.title,
      version: m?.version,
      itemCount: result.itemCount,
      totalBytes: result.totalBytes,
      licences: m ? [...new Set(m.items.map((i) => i.licence))].sort() : [],
      signature: result.signature,
      signer: result.signer,
      problems: result.problems,
    });
    if (!result.ok) return this.set(entry, 'failed');
    if (result.signature === 'valid') return this.run(entry);
    return this.set(entry, 'waiting-approval');
  }

  /** The animateur approved: import now (resolves when the import ends). */
  async approve(id: string): Promise<QueueEntry | undefined> {
    const entry = this.entries.get(id);
    if (!entry || entry.state !== 'waiting-approval') return entry;
    return this.run(entry);
  }

  /** Forget an entry (refused, done, or not wanted); stops it if it is importing. */
  dismiss(id: string): void {
    this.aborts.get(id)?.abort();
    this.entries.delete(id);
  }

  /** A stick was removed: stop imports from it and forget its waiting packs. */
  sourceGone(mountPoint: string): void {
    const root = path.resolve(mountPoint);
    for (const entry of this.entries.values()) {
      const p = path.resolve(entry.source.path);
      if (p !== root && !p.startsWith(root + path.sep)) continue;
      if (entry.state === 'importing') this.aborts.get(entry.id)?.abort();
      else if (entry.state === 'waiting-approval' || entry.state === 'detected')
        this.entries.delete(entry.id);
    }
  }

  private async run(entry: QueueEntry): Promise<QueueEntry> {
    const controller = new AbortController();
    this.aborts.set(entry.id, controller);
    this.set(entry, 'importing');
    try {
      const outcome = await importPack(this.ctx, entry.source, {
        signal: controller.signal,
        checkSignature: this.options.checkSignature,
        onProgress: (p) => {
          entry.progress = p;
          this.changed(entry);
        },
      });
      entry.outcome = outcome;
      if (outcome.status === 'rejected') {
        entry.problems = outcome.problems;
        return this.set(entry, 'failed');
      }
      return this.set(entry, outcome.status === 'imported' ? 'imported' : 'skipped');
    } catch (err) {
      entry.problems = [problemText.internal((err as Error).message)];
      return this.set(entry, 'failed');
    } finally {
      this.aborts.delete(entry.id);
    }
  }

  private set(entry: QueueEntry, state: QueueState): QueueEntry {
    entry.state = state;
    this.changed(entry);
    return entry;
  }

  private changed(entry: QueueEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A failing listener (an admin page gone) must not stop an import.
      }
    }
  }
}
