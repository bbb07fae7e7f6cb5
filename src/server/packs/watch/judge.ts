import type { Context } from '../../context.js';
import { admitOnBox, roomFor } from '../admission.js';
import { inspectPack } from '../inspect.js';
import { signatureChecker } from '../trust/checker.js';
import type { DecisionRepo } from '../trust/decisions.js';
import type { TrustedKey } from '../trust/signature.js';
import type { PackSource } from '../types.js';
import type { PackSummary } from './queue.js';
import { CANNOT_IMPORT, candidateOf, finalVerdict, summaryOf, type EntryChange } from './report.js';

/** What the queue does with a pack once it is inspected and the admission rule has spoken. */
export type Judgement =
  /** A zip on a stick that is not a pack (no manifest): not listed. */
  | { next: 'ignore' }
  /** A verdict to show (refused, already there, older, refused by you, waiting for you). */
  | { next: 'show'; change: EntryChange }
  /** To import now: by itself (trusted owner key), or as the animateur approved it before. */
  | { next: 'import'; summary: PackSummary; automatic: boolean; why: string };

/**
 * Inspects a pack and applies the admission rule — the very rule the import applies
 * just before copying — then the animateur's earlier decision about this manifest.
 */
export async function judge(
  ctx: Context,
  source: PackSource,
  keys: readonly TrustedKey[],
  decisions: DecisionRepo,
): Promise<Judgement> {
  const result = await inspectPack(source, {
    licencePolicy: ctx.settings.current().licencePolicy,
    checkSignature: signatureChecker(keys),
  });
  if (
    source.origin === 'usb' &&
    source.kind === 'zip' &&
    result.problems.some((p) => p.code === 'missing-manifest')
  )
    return { next: 'ignore' };
  const summary = summaryOf(result);
  if (!result.ok || !summary)
    return {
      next: 'show',
      change: { state: 'rejected', summary, problems: result.problems, message: CANNOT_IMPORT },
    };
  const verdict = admitOnBox(ctx, candidateOf(summary, source));
  const final = finalVerdict(verdict);
  if (final || verdict.kind !== 'admissible')
    return { next: 'show', change: { summary, ...final } };
  // No room: said now, not after an approval (the import checks again before copying).
  const room = await roomFor(ctx, summary.totalBytes);
  if (room)
    return {
      next: 'show',
      change: { state: 'rejected', summary, problems: [room], message: CANNOT_IMPORT },
    };
  if (verdict.automatic) return { next: 'import', summary, automatic: true, why: verdict.why };
  const decision = decisions.get(summary.manifestSha256);
  if (decision === 'approved') return { next: 'import', summary, automatic: false, why: '' };
  if (decision === 'rejected')
    return {
      next: 'show',
      change: { state: 'refused', summary, message: 'Vous avez refusé ce pack.' },
    };
  return { next: 'show', change: { state: 'waiting', summary, message: verdict.why } };
}
