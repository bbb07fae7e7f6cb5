import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Context } from '../../context.js';
import { serviceKey } from '../../core/services.js';
import { importPack } from '../import.js';
import { inspectPack } from '../inspect.js';
import { compareVersions } from '../manifest.js';
import { signatureChecker } from '../trust/checker.js';
import { DecisionRepo } from '../trust/decisions.js';
import { TrustStore } from '../trust/store.js';
import type { ImportOutcome, PackProblem, PackSource } from '../types.js';
import { FINAL_STATES, PackQueue, type PackSummary, type QueueEntry } from './queue.js';
import { SortService } from './sorting.js';
import type { StickContent } from './sticks.js';

const WAITING_MESSAGES: Record<PackSummary['signature'], string> = {
  none: 'Pack non signé : vérifiez son contenu, puis approuvez-le ou refusez-le.',
  untrusted:
    "Signé par une clé que la boîte ne connaît pas : approuvez-le, ou ajoutez la clé de l'éditeur aux clés de confiance.",
  valid: '',
  invalid:
    "Attention : la signature ne correspond pas au contenu (le pack a été modifié après avoir été signé). Ne l'approuvez que si vous savez d'où il vient.",
};

export const STICK_REMOVED = 'Clé retirée';

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
    for (const source of content.packs) {
      const key = keyOf(source);
      this.controllers.get(key)?.abort();
      this.queue.put({
        key,
        stick: content.root,
        stickLabel: content.label,
        source,
        state: 'checking',
        problems: [],
        message: 'Vérification du pack…',
        automatic: false,
      });
      void this.track(this.examine(key));
    }
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
    const wasImporting = entry?.state === 'importing' || entry?.state === 'queued';
    this.queue.update(key, {
      state: 'removed',
      progress: undefined,
      message: wasImporting
        ? `${STICK_REMOVED} pendant l'import : rien n'a été installé et le catalogue n'a pas changé. Rebranchez la clé pour reprendre.`
        : `${STICK_REMOVED} : rebranchez-la pour retrouver ce pack.`,
    });
  }

  private summary(result: Awaited<ReturnType<typeof inspectPack>>): PackSummary | undefined {
    const m = result.manifest;
    if (!m || !result.manifestSha256) return undefined;
    return {
      id: m.id,
      version: m.version,
      title: m.title,
      publisher: m.publisher,
      itemCount: result.itemCount,
      totalBytes: result.totalBytes,
      licences: [...new Set(m.items.map((i) => i.licence))].sort(),
      signature: result.signature,
      signer: result.signer,
      manifestSha256: result.manifestSha256,
    };
  }

  private async examine(key: string): Promise<void> {
    const entry = this.queue.get(key);
    if (!entry) return;
    const result = await inspectPack(entry.source, {
      licencePolicy: this.ctx.settings.current().licencePolicy,
      checkSignature: signatureChecker(this.trust.list()),
    });
    if (this.queue.get(key) !== entry) return; // re-detected meanwhile
    if (this.gone.has(entry.stick)) return this.markRemoved(key);
    if (entry.source.kind === 'zip' && result.problems.some((p) => p.code === 'missing-manifest')) {
      this.queue.delete(key); // just a zip, not a pack
      return;
    }
    const summary = this.summary(result);
    if (!result.ok || !summary) {
      this.queue.update(key, {
        state: 'rejected',
        summary,
        problems: result.problems,
        message:
          'Ce pack ne peut pas être importé. Corrigez-le avec « lanterne pack verify » sur un ordinateur.',
      });
      return;
    }
    const installed = this.ctx.catalogue.repo.getPack(summary.id);
    if (installed) {
      const cmp = compareVersions(summary.version, installed.version);
      if (cmp === 0 && installed.manifestSha256 === summary.manifestSha256) {
        this.queue.update(key, {
          state: 'unchanged',
          summary,
          message: `Déjà installé (version ${installed.version}).`,
        });
        return;
      }
      if (cmp < 0) {
        this.queue.update(key, {
          state: 'older',
          summary,
          message: `Une version plus récente (${installed.version}) est déjà installée.`,
        });
        return;
      }
    }
    this.queue.update(key, { summary });
    const decision = this.decisions.get(summary.manifestSha256);
    if (summary.signature === 'valid') return this.runImport(key, summary, true);
    if (decision === 'approved') return this.runImport(key, summary, false);
    if (decision === 'rejected') {
      this.queue.update(key, { state: 'refused', summary, message: 'Vous avez refusé ce pack.' });
      return;
    }
    this.queue.update(key, {
      state: 'waiting',
      summary,
      message: WAITING_MESSAGES[summary.signature],
    });
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
    for (const e of this.queue.list()) if (FINAL_STATES.has(e.state)) this.queue.delete(e.key);
  }

  private async runImport(key: string, summary: PackSummary, automatic: boolean): Promise<void> {
    const mine = this.queue.get(key);
    if (!mine) return;
    const controller = new AbortController();
    this.controllers.set(key, controller);
    this.queue.update(key, {
      state: 'queued',
      automatic,
      problems: [],
      progress: undefined,
      message: automatic
        ? `Signé par « ${summary.signer ?? ''} » (clé de confiance) : import automatique.`
        : 'En attente de son tour…',
    });
    const check = signatureChecker(this.trust.list());
    let swapped = false;
    let outcome: ImportOutcome;
    try {
      outcome = await importPack(this.ctx, mine.source, {
        signal: controller.signal,
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
      (this.gone.has(mine.stick) || !existsSync(mine.source.path))
    )
      return this.markRemoved(key);
    this.report(key, outcome, swapped);
  }

  private report(key: string, outcome: ImportOutcome, swapped: boolean): void {
    switch (outcome.status) {
      case 'imported':
        this.queue.update(key, {
          state: 'imported',
          message: outcome.replaced
            ? `Importé : remplace la version ${outcome.replaced}.`
            : 'Importé : les œuvres sont dans le catalogue.',
        });
        return;
      case 'unchanged':
        this.queue.update(key, {
          state: 'unchanged',
          message: `Déjà installé (version ${outcome.version}).`,
        });
        return;
      case 'older':
        this.queue.update(key, {
          state: 'older',
          message: `Une version plus récente (${outcome.installed}) est déjà installée.`,
        });
        return;
      case 'rejected': {
        const problems: PackProblem[] = swapped
          ? [
              {
                code: 'changed-after-approval',
                message: 'Le pack a changé sur la clé depuis votre approbation.',
                hint: 'Vérifiez-le à nouveau.',
              },
            ]
          : outcome.problems;
        this.queue.update(key, {
          state: 'failed',
          problems,
          progress: undefined,
          message: "L'import a échoué : rien n'a été installé, le catalogue n'a pas changé.",
        });
      }
    }
  }
}

const USB_SERVICE = serviceKey('usb', (ctx: Context) => new UsbService(ctx));

/** The box's USB service (one per context: the watcher and the admin pages share it). */
export function usbService(ctx: Context): UsbService {
  return ctx.services.get(USB_SERVICE);
}

export type { QueueEntry };
