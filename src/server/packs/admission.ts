import { existsSync } from 'node:fs';
import { mkdir, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { compareVersions } from './manifest.js';
import { problems } from './problems.js';
import { RESERVED_PACK_IDS } from './reserved.js';
import type { SignatureState } from './trust/signature.js';
import type { PackOrigin, PackProblem } from './types.js';

/**
 * The admission rule: may this pack (already inspected and found sound) be installed,
 * and may it be installed without asking the animateur? One function, called by the USB
 * queue when it shows a pack, by the upload, and by the import itself just before the
 * copy, so that the queue always shows the verdict the import will reach.
 *
 * In order:
 * 1. reserved ids (`pack-local`, `notices-locales`) never come from outside;
 * 2. an older version than the installed one is not installed;
 * 3. the same version with the same manifest is already there;
 * 4. the same version with another manifest, from outside, is a conflict (refused);
 * 5. trust: a valid signature by a trusted key imports by itself only if the pack id is
 *    new on the box, or belongs to that key (the key that first installed it, or a key
 *    the animateur linked to it by approving a version it signed). Anything else waits.
 * The licence policy is part of the inspection (each item is checked there).
 */
export interface Candidate {
  id: string;
  version: string;
  manifestSha256: string;
  origin: PackOrigin;
  signature: SignatureState;
  /** The trusted key's name and raw key, when the signature is valid. */
  signer?: string | undefined;
  signerKey?: string | undefined;
}

export interface InstalledState {
  version: string;
  manifestSha256: string;
  /** Whether its folder is still on disk (a vanished folder is reinstalled). */
  intact: boolean;
  /** The keys it belongs to, with their names when they are still trusted. */
  owners: Array<{ publicKey: string; name?: string | undefined }>;
}

export type Verdict =
  | { kind: 'refused'; problem: PackProblem }
  | { kind: 'unchanged'; version: string }
  | { kind: 'older'; installed: string }
  | {
      kind: 'admissible';
      /** The installed version it replaces, if any. */
      replaces?: string | undefined;
      /** Installs without approval (trusted key that owns, or may claim, the id). */
      automatic: boolean;
      /** One French sentence: why it imports by itself, or why it waits. */
      why: string;
      /** The signing key to tie to the pack id once it is installed (valid signature only). */
      link?: string | undefined;
    };

const WAITING: Record<Exclude<SignatureState, 'valid'>, string> = {
  none: 'Pack non signé : vérifiez son contenu, puis approuvez-le ou refusez-le.',
  untrusted:
    "Signé par une clé que la boîte ne connaît pas : approuvez-le, ou ajoutez la clé de l'éditeur aux clés de confiance.",
  invalid:
    "Attention : la signature ne correspond pas au contenu (le pack a été modifié après avoir été signé). Ne l'approuvez que si vous savez d'où il vient.",
};

const fromOutside = (origin: PackOrigin) =>
  origin === 'usb' || origin === 'upload' || origin === 'network';

function ownersText(owners: InstalledState['owners']): string {
  const names = owners.map((o) => (o.name ? `« ${o.name} »` : 'une clé retirée depuis'));
  return names.length === 1 ? `la clé ${names[0]}` : `les clés ${names.join(', ')}`;
}

/** The rule itself, pure: what the box does with `pack`, given what is installed. */
export function admit(pack: Candidate, installed: InstalledState | undefined): Verdict {
  if (RESERVED_PACK_IDS.has(pack.id) && fromOutside(pack.origin))
    return { kind: 'refused', problem: problems.reservedId(pack.id) };
  if (installed) {
    const cmp = compareVersions(pack.version, installed.version);
    if (cmp < 0) return { kind: 'older', installed: installed.version };
    if (cmp === 0 && installed.manifestSha256 === pack.manifestSha256 && installed.intact)
      return { kind: 'unchanged', version: installed.version };
    // The box's own packs may be rebuilt at the same version; packs from outside may not.
    if (cmp === 0 && installed.intact && fromOutside(pack.origin))
      return { kind: 'refused', problem: problems.versionConflict(pack.id, pack.version) };
  }
  const replaces = installed?.version;
  if (pack.signature !== 'valid' || !pack.signerKey)
    return {
      kind: 'admissible',
      replaces,
      automatic: false,
      why: WAITING[pack.signature === 'valid' ? 'untrusted' : pack.signature],
    };
  const signer = `« ${pack.signer ?? ''} »`;
  const link = pack.signerKey;
  if (!installed)
    return {
      kind: 'admissible',
      automatic: true,
      why: `Signé par ${signer} (clé de confiance) : import automatique.`,
      link,
    };
  if (installed.owners.some((o) => o.publicKey === pack.signerKey))
    return {
      kind: 'admissible',
      replaces,
      automatic: true,
      why: `Signé par ${signer} (clé de confiance, celle de ce pack) : import automatique.`,
      link,
    };
  const before =
    installed.owners.length === 0
      ? 'la version installée ne vient pas de cette clé (elle a été installée sans signature de confiance)'
      : `la version installée vient de ${ownersText(installed.owners)}`;
  return {
    kind: 'admissible',
    replaces,
    automatic: false,
    why: `Signé par ${signer}, une clé de confiance, mais ${before} : approuvez-le seulement si cet éditeur a le droit de mettre ce pack à jour ; sa clé lui sera alors liée.`,
    link,
  };
}

/** What the box has installed under this id, as the rule needs it. */
export function installedState(ctx: Context, id: string): InstalledState | undefined {
  const pack = ctx.catalogue.repo.getPack(id);
  if (!pack) return undefined;
  return {
    version: pack.version,
    manifestSha256: pack.manifestSha256,
    intact: existsSync(path.join(ctx.paths.packsDir, pack.dir)),
    owners: ctx.packOwners.list(id),
  };
}

/** The rule over the box as it is now. */
export function admitOnBox(ctx: Context, pack: Candidate): Verdict {
  return admit(pack, installedState(ctx, pack.id));
}

/**
 * Whether the box has room for a pack of `totalBytes` (plus a margin: 50 MB or 5 %),
 * or the French problem. The queue asks before offering a pack; the import asks again.
 */
export async function roomFor(
  ctx: Context,
  totalBytes: number,
  margin = Math.max(50_000_000, totalBytes * 0.05),
): Promise<PackProblem | null> {
  await mkdir(ctx.paths.stagingDir, { recursive: true });
  const st = await statfs(ctx.paths.stagingDir);
  const free = st.bavail * st.bsize;
  const need = totalBytes + margin;
  return free < need ? problems.diskFull(need, free) : null;
}
