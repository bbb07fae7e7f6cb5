import type { Verdict } from '../admission.js';
import type { InspectResult, ImportOutcome, PackProblem, PackSource } from '../types.js';
import type { PackSummary, QueueEntry } from './queue.js';

/**
 * What the queue says about a pack at each step, in French: from its inspection and the
 * admission rule's verdict, and from the import's outcome. Pure: the service applies it.
 */
export type EntryChange = Partial<Omit<QueueEntry, 'key'>>;

export const STICK_REMOVED = 'Clé retirée';

export const CANNOT_IMPORT =
  'Ce pack ne peut pas être importé : lisez ci-dessous ce qui ne va pas et comment le corriger.';

/** The queue's summary of an inspected pack (undefined when its manifest is unreadable). */
export function summaryOf(
  result: InspectResult & { manifestSha256?: string | undefined },
): PackSummary | undefined {
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
    signerKey: result.signerKey,
    manifestSha256: result.manifestSha256,
  };
}

/** The admission rule's input for a summarised pack. */
export function candidateOf(summary: PackSummary, source: PackSource) {
  return {
    id: summary.id,
    version: summary.version,
    manifestSha256: summary.manifestSha256,
    origin: source.origin,
    signature: summary.signature,
    signer: summary.signer,
    signerKey: summary.signerKey,
  };
}

const unchanged = (version: string): EntryChange => ({
  state: 'unchanged',
  message: `Déjà installé (version ${version}).`,
});
const older = (installed: string): EntryChange => ({
  state: 'older',
  message: `Une version plus récente (${installed}) est déjà installée.`,
});

/** A final verdict (refused, already there, older), or null when the pack may go on. */
export function finalVerdict(verdict: Verdict): EntryChange | null {
  switch (verdict.kind) {
    case 'refused':
      return { state: 'rejected', problems: [verdict.problem], message: CANNOT_IMPORT };
    case 'unchanged':
      return unchanged(verdict.version);
    case 'older':
      return older(verdict.installed);
    case 'admissible':
      return null;
  }
}

export function removedChange(wasImporting: boolean): EntryChange {
  return {
    state: 'removed',
    progress: undefined,
    message: wasImporting
      ? `${STICK_REMOVED} pendant l'import : rien n'a été installé et le catalogue n'a pas changé. Rebranchez la clé pour reprendre.`
      : `${STICK_REMOVED} : rebranchez-la pour retrouver ce pack.`,
  };
}

const SWAPPED: PackProblem = {
  code: 'changed-after-approval',
  message: 'Le pack a changé sur la clé depuis votre approbation.',
  hint: 'Vérifiez-le à nouveau.',
};

/** What the queue says once the import has run. */
export function outcomeChange(outcome: ImportOutcome, swapped: boolean): EntryChange {
  switch (outcome.status) {
    case 'imported':
      return {
        state: 'imported',
        message: outcome.replaced
          ? `Importé : remplace la version ${outcome.replaced}.`
          : 'Importé : les œuvres sont dans le catalogue.',
      };
    case 'unchanged':
      return unchanged(outcome.version);
    case 'older':
      return older(outcome.installed);
    case 'rejected':
      return {
        state: 'failed',
        problems: swapped ? [SWAPPED] : outcome.problems,
        progress: undefined,
        message: "L'import a échoué : rien n'a été installé, le catalogue n'a pas changé.",
      };
  }
}
