import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../../context.js';
import { serviceKey } from '../../core/services.js';
import { importPack } from '../import.js';
import { signatureChecker } from '../trust/checker.js';
import { DecisionRepo } from '../trust/decisions.js';
import { TrustStore } from '../trust/store.js';
import type { ImportOutcome, PackSource } from '../types.js';
import { FINAL_STATES, PackQueue, type PackSummary, type QueueEntry } from './queue.js';
import { judge } from './judge.js';
import { outcomeChange, removedChange } from './report.js';
import { SortService } from './sorting.js';
import type { StickContent } from './sticks.js';

export { STICK_REMOVED } from './report.js';

/** States after which an uploaded zip is of no more use. */
const UPLOAD_DONE: ReadonlySet<string> = new Set(['imported', 'unchanged', 'older', 'rejected']);

function keyOf(source: PackSource): string {
  return createHash('sha256').update(source.path).digest('hex').slice(0, 16);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * What happens to the packs on a stick: inspect → (trusted signature, or an earlier
 * approval) → import with progress; otherwise wait for the animateur. A stick without
 * any pack goes to the "files to sort" service.
 */
export class UsbService {
  readonly queue: PackQueue;
  readonly trust: TrustStore;
  readonly decisions: DecisionRepo;
  readonly sorting: SortService;
  private readonly controllers = new Map<string, AbortController>();
  private readonly gone = new Set<string>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly present = new Map<string, string>();

  constructor(private readonly ctx: Context) {
    const now = () => ctx.clock.now();
    this.queue = new PackQueue(now);
    this.trust = new TrustStore(ctx.db, now);
    this.decisions = new DecisionRepo(ctx.db, now);
    this.sorting = new SortService(ctx, (p) => this.track(p));
    // An uploaded zip is kept only while it may still be imported (waiting, failed: retry).
    this.queue.onChange((e) => {
      if (e.source.origin === 'upload' && UPLOAD_DONE.has(e.state))
        void this.track(rm(e.source.path, { force: true }).catch(() => undefined));
    });
  }

  /** A zip sent from the admin page: the same queue, checks and rule as a stick's packs. */
  offerUpload(file: string, name: string): string {
    const source: PackSource = { kind: 'zip', path: file, origin: 'upload' };
    const key = keyOf(source);
    this.check(source, `upload:${key}`, `Envoyé depuis un ordinateur (${name})`, name);
    return key;
  }

  /** Lists a pack as being checked, and checks it. */
  private check(source: PackSource, stick: string, stickLabel: string, fileName: string): void {
    const key = keyOf(source);
    this.controllers.get(key)?.abort();
    this.queue.put({
      key,
      stick,
      stickLabel,
      fileName,
      source,
      state: 'checking',
      problems: [],
      message: 'Vérification du pack…',
      automatic: false,
    });
    void this.track(this.examine(key));
  }

  /** Resolves when no inspection, import or publication is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  /** A stick appeared, or what it holds changed. */
  stickSeen(content: StickContent): void {
    this.gone.delete(content.root);
    this.present.set(content.root, content.label);
    for (const e of this.queue.list()) {
      if (e.stick === content.root && !content.packs.some((p) => p.path === e.source.path))
        this.queue.delete(e.key);
    }
    for (const source of content.packs)
      this.check(source, content.root, content.label, path.basename(source.path));
    if (content.packs.length === 0 && content.looseFiles.length > 0) this.sorting.offer(content);
    else this.sorting.forget(content.root);
  }

  /** The sticks plugged in now (export targets). */
  sticks(): Array<{ root: string; label: string }> {
    return [...this.present]
      .map(([root, label]) => ({ root, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  /** Whether the box lost track of this stick (an import saw it vanish) and should look again. */
  lostTrackOf(root: string): boolean {
    return (
      this.queue.list().some((e) => e.stick === root && e.state === 'removed') ||
      this.sorting.get(root)?.state === 'removed'
    );
  }

  /** A stick went away: running imports stop and say so; nothing half-installed stays. */
  stickGone(root: string): void {
    this.gone.add(root);
    this.present.delete(root);
    for (const e of this.queue.list()) {
      if (e.stick !== root || FINAL_STATES.has(e.state)) continue;
      const controller = this.controllers.get(e.key);
      if (controller) controller.abort();
      else this.markRemoved(e.key);
    }
    this.sorting.stickGone(root);
  }

  private markRemoved(key: string): void {
    const entry = this.queue.get(key);
    this.queue.update(
      key,
      removedChange(entry?.state === 'importing' || entry?.state === 'queued'),
    );
  }

  private async examine(key: string): Promise<void> {
    const entry = this.queue.get(key);
    if (!entry) return;
    const judged = await judge(this.ctx, entry.source, this.trust.list(), this.decisions);
    if (this.queue.get(key) !== entry) return; // re-detected meanwhile
    // The watcher may not have seen the stick go yet: a vanished pack is a removed stick.
    if (this.gone.has(entry.stick) || !existsSync(entry.source.path)) return this.markRemoved(key);
    switch (judged.next) {
      case 'ignore':
        this.queue.delete(key); // just a zip, not a pack
        return;
      case 'show':
        this.queue.update(key, judged.change);
        return;
      case 'import':
        this.queue.update(key, { summary: judged.summary });
        return this.runImport(key, judged.summary, judged.automatic, judged.why);
    }
  }

  /** A key was added or removed: waiting packs are checked again (a newly trusted signer imports now). */
  trustChanged(): void {
    for (const e of this.queue.list()) {
      if (e.state !== 'waiting') continue;
      this.queue.update(e.key, { state: 'checking', message: 'Vérification du pack…' });
      void this.track(this.examine(e.key));
    }
  }

  /** The animateur approves a waiting pack: it imports now (and next time without asking). */
  approve(key: string): boolean {
    const entry = this.queue.get(key);
    if (!entry?.summary || !['waiting', 'refused', 'failed', 'removed'].includes(entry.state))
      return false;
    if (entry.state === 'removed' && this.gone.has(entry.stick)) return false;
    this.decisions.set(
      entry.summary.manifestSha256,
      'approved',
      entry.summary.id,
      entry.summary.version,
    );
    void this.track(this.runImport(key, entry.summary, false));
    return true;
  }

  reject(key: string): boolean {
    const entry = this.queue.get(key);
    if (!entry?.summary || entry.state !== 'waiting') return false;
    this.decisions.set(
      entry.summary.manifestSha256,
      'rejected',
      entry.summary.id,
      entry.summary.version,
    );
    this.queue.update(key, {
      state: 'refused',
      message: 'Vous avez refusé ce pack : il ne sera pas importé.',
    });
    return true;
  }

  /** Forgets the finished lines of the list. */
  clearFinished(): void {
    for (const e of this.queue.list()) {
      if (!FINAL_STATES.has(e.state)) continue;
      this.queue.delete(e.key);
      if (e.source.origin === 'upload')
        void this.track(rm(e.source.path, { force: true }).catch(() => undefined));
    }
  }

  private async runImport(
    key: string,
    summary: PackSummary,
    automatic: boolean,
    why = '',
  ): Promise<void> {
    const mine = this.queue.get(key);
    if (!mine) return;
    const controller = new AbortController();
    this.controllers.set(key, controller);
    this.queue.update(key, {
      state: 'queued',
      automatic,
      problems: [],
      progress: undefined,
      message: automatic ? why : 'En attente de son tour…',
    });
    const check = signatureChecker(this.trust.list());
    let swapped = false;
    let outcome: ImportOutcome;
    try {
      outcome = await importPack(this.ctx, mine.source, {
        signal: controller.signal,
        // Only the very manifest approved counts as approved (a swapped stick does not).
        approval: { manifestSha256: automatic ? undefined : summary.manifestSha256 },
        onProgress: (progress) => {
          // A pulled stick stops the copy at the next chunk, without waiting for the watcher.
          if (progress.phase === 'copying' && !existsSync(mine.source.path)) controller.abort();
          if (!controller.signal.aborted && this.queue.get(key) === mine) {
            this.queue.update(key, { state: 'importing', progress, message: 'Import en cours…' });
          }
        },
        // What is copied must be what was approved: a stick swapped after approval stops here.
        checkSignature: async (bytes, readFile) => {
          if (sha256(bytes) !== summary.manifestSha256) {
            swapped = true;
            controller.abort();
          }
          return check(bytes, readFile);
        },
      });
    } finally {
      if (this.controllers.get(key) === controller) this.controllers.delete(key);
    }
    // Re-detected meanwhile (the stick changed under the same name): the new entry carries on.
    if (this.queue.get(key) !== mine) return;
    // The watcher may not have seen the stick go yet when the copy fails on a missing file.
    if (
      outcome.status === 'rejected' &&
      (this.gone.has(mine.stick) ||
        !existsSync(mine.source.path) ||
        outcome.problems.some((p) => p.code === 'stick-removed'))
    )
      return this.markRemoved(key);
    this.queue.update(key, outcomeChange(outcome, swapped));
  }
}

const USB_SERVICE = serviceKey('usb', (ctx: Context) => new UsbService(ctx));

/** The box's USB service (one per context: the watcher and the admin pages share it). */
export function usbService(ctx: Context): UsbService {
  return ctx.services.get(USB_SERVICE);
}

export type { QueueEntry };
