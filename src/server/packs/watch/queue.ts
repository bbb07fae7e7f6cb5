import type { ImportProgress, PackProblem, PackSource } from '../types.js';
import type { SignatureState } from '../trust/signature.js';

/**
 * What the admin page shows about each pack found on a stick, from detection to the end
 * of its import. Lives in memory: a restart rescans the sticks that are still there.
 */
export type EntryState =
  | 'checking'
  | 'waiting'
  | 'queued'
  | 'importing'
  | 'imported'
  | 'unchanged'
  | 'older'
  | 'rejected'
  | 'failed'
  | 'refused'
  | 'removed';

export interface PackSummary {
  id: string;
  version: string;
  title: string;
  publisher: string;
  itemCount: number;
  totalBytes: number;
  licences: string[];
  signature: SignatureState;
  signer?: string | undefined;
  /** The trusted key that signed it (raw base64), when valid. */
  signerKey?: string | undefined;
  manifestSha256: string;
}

export interface QueueEntry {
  /** Stable for one pack file on one stick; used in admin URLs. */
  key: string;
  stick: string;
  stickLabel: string;
  /** The file or folder name shown while the pack has no summary (never an internal name). */
  fileName: string;
  source: PackSource;
  state: EntryState;
  summary?: PackSummary | undefined;
  progress?: ImportProgress | undefined;
  problems: PackProblem[];
  /** A short French sentence about the state (why it waits, what happened). */
  message: string;
  /** Whether it was imported without a person approving it (trusted signature). */
  automatic: boolean;
  updatedAt: Date;
}

/** States after which nothing more happens to an entry. */
export const FINAL_STATES: ReadonlySet<EntryState> = new Set([
  'imported',
  'unchanged',
  'older',
  'rejected',
  'failed',
  'refused',
  'removed',
]);

export class PackQueue {
  private readonly entries = new Map<string, QueueEntry>();
  private readonly listeners = new Set<(entry: QueueEntry) => void>();

  constructor(private readonly now: () => Date) {}

  list(): QueueEntry[] {
    return [...this.entries.values()].sort(
      (a, b) => a.stick.localeCompare(b.stick) || a.source.path.localeCompare(b.source.path),
    );
  }

  get(key: string): QueueEntry | undefined {
    return this.entries.get(key);
  }

  put(entry: Omit<QueueEntry, 'updatedAt'>): QueueEntry {
    const full = { ...entry, updatedAt: this.now() };
    this.entries.set(entry.key, full);
    this.emit(full);
    return full;
  }

  update(key: string, changes: Partial<Omit<QueueEntry, 'key'>>): QueueEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    Object.assign(entry, changes, { updatedAt: this.now() });
    this.emit(entry);
    return entry;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Called on every change (tests wait on it; the page just reads the list). */
  onChange(listener: (entry: QueueEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(entry: QueueEntry): void {
    for (const l of this.listeners) l(entry);
  }
}
