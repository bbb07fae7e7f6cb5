import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { importPack } from './import.js';
import { MANIFEST_FILE } from './manifest.js';
import { recoverPacks } from './recover.js';
import type { ImportOutcome } from './types.js';

function describe(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'imported':
      return `Pack fourni « ${outcome.packId} » ${outcome.version} chargé.`;
    case 'unchanged':
      return `Pack fourni « ${outcome.packId} » ${outcome.version} déjà à jour.`;
    case 'older':
      return `Pack fourni « ${outcome.packId} » ${outcome.version} plus ancien que celui installé (${outcome.installed}) : ignoré.`;
    case 'rejected':
      return `Le pack fourni n’a pas pu être chargé ; la boîte continue sans lui :\n${outcome.problems
        .map((p) => `- ${p.message}${p.hint ? ` ${p.hint}` : ''}`)
        .join('\n')}`;
  }
}

/** Recovery, then the bundled pack (`contentDir`) when it is newer than the installed one. */
export async function loadBundledPack(
  ctx: Context,
  signal?: AbortSignal,
): Promise<ImportOutcome | null> {
  await recoverPacks(ctx);
  if (!existsSync(path.join(ctx.paths.contentDir, MANIFEST_FILE))) {
    ctx.log.info(`Pas de pack fourni dans ${ctx.paths.contentDir}.`);
    return null;
  }
  const outcome = await importPack(
    ctx,
    { kind: 'folder', path: ctx.paths.contentDir, origin: 'bundled' },
    { signal },
  );
  if (outcome.status === 'rejected') ctx.log.error(describe(outcome));
  else ctx.log.info(describe(outcome));
  return outcome;
}

/**
 * Background starter (see start.ts): runs after the server listens and never blocks
 * or stops it; a failure is logged in French and the box keeps serving.
 */
export function startPacks(ctx: Context): () => Promise<void> {
  const controller = new AbortController();
  const running = loadBundledPack(ctx, controller.signal).catch((err: unknown) => {
    ctx.log.error(
      `Chargement des packs impossible ; la boîte continue sans eux : ${(err as Error).message}`,
    );
  });
  return async () => {
    controller.abort();
    await running;
  };
}
