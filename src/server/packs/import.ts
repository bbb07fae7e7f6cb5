import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { copyVerified, syncDir, syncTree } from './copy.js';
import { makeThumbnails } from './thumbnails.js';
import { SmallCopiers } from './copy-workers.js';
import { examinePack, type InspectOptions, type Inspection } from './inspect.js';
import { admitOnBox, roomFor } from './admission.js';
import { MANIFEST_FILE } from './manifest.js';
import { MAX_SIGNATURE_BYTES } from './trust/checker.js';
import { SIGNATURE_FILE } from './trust/signature.js';
import { PackError, problems } from './problems.js';
import type { ImportOutcome, ImportProgress, PackProblem, PackSource } from './types.js';
import { toPack, toWork } from './works.js';

export interface ImportOptions {
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  limits?: InspectOptions['limits'];
  checkSignature?: InspectOptions['checkSignature'];
  /**
   * When given, the admission rule's trust part is enforced: a pack that must wait for
   * the animateur (see `admission.ts`) is refused unless the manifest read now is the
   * very one approved (`manifestSha256`). The USB queue and the upload pass it; the
   * bundled pack and the box's own packs do not.
   */
  approval?: { manifestSha256?: string | undefined } | undefined;
  /** Space kept free on the box after the copy (default: 50 MB or 5 % of the pack). */
  freeSpaceMargin?: number | undefined;
}

/** The tail of the box's pack operations (one per context, see `core/services.ts`). */
const PACK_LOCK = serviceKey('pack-lock', () => ({ tail: Promise.resolve() as Promise<unknown> }));

/**
 * One pack operation at a time per box (import, removal, recovery): recovery deletes
 * folders the catalogue does not know yet, which must never race a running import.
 */
export function withPackLock<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const lock = ctx.services.get(PACK_LOCK);
  const run = lock.tail.then(work, work);
  lock.tail = run.catch(() => undefined);
  return run;
}

/**
 * Commits with `synchronous=FULL`: with the usual NORMAL, a power cut may roll back the
 * last commit, and the old version's folder, deleted right after, would be gone while
 * the catalogue still points at it. One extra fsync per pack switch is cheap.
 */
function durably<T>(db: Context['db'], work: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return work();
  } finally {
    db.pragma(`synchronous = ${Number(before)}`);
  }
}

function isDiskFull(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'SQLITE_FULL';
}

function rejected(...list: PackProblem[]): ImportOutcome {
  return { status: 'rejected', problems: list };
}

/**
 * Imports a pack: detect → validate → copy into staging (verifying each SHA-256 as it
 * streams) → fsync → rename into `packs/` → one SQLite transaction (catalogue + pack
 * hooks) → delete the previous version's folder. A crash at any point leaves either
 * the old pack or the new one; `recoverPacks` clears what is left over.
 *
 * @example
 * const outcome = await importPack(ctx, { kind: 'zip', path: '/media/cle/contes.zip', origin: 'usb' },
 *   { onProgress: (p) => queue.update(p) });
 */
export function importPack(
  ctx: Context,
  source: PackSource,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  return withPackLock(ctx, async () => {
    // A folder pack's small files are copied by worker threads, started now so that
    // they are ready once the pack has been checked.
    const copiers = source.kind === 'folder' ? SmallCopiers.start() : null;
    try {
      return await runImport(ctx, source, options, copiers);
    } finally {
      await copiers?.close();
    }
  });
}

async function runImport(
  ctx: Context,
  source: PackSource,
  options: ImportOptions,
  copiers: SmallCopiers | null,
): Promise<ImportOutcome> {
  const progress = (p: ImportProgress) => options.onProgress?.(p);
  progress({ phase: 'checking', bytesDone: 0, bytesTotal: 0 });
  // The signature read for the check is kept with the pack, so that an export (to a
  // stick, to the network of boxes) carries it on and the next box can check it too.
  let signature: Buffer | null = null;
  const check = options.checkSignature;
  const inspection = await examinePack(source, {
    licencePolicy: ctx.settings.current().licencePolicy,
    limits: options.limits,
    checkSignature: check
      ? async (bytes, readFile) => {
          signature = await readFile(SIGNATURE_FILE, MAX_SIGNATURE_BYTES);
          return check(bytes, readFile);
        }
      : undefined,
  });
  const { manifest, reader, manifestSha256, manifestBytes } = inspection;
  if (!inspection.ok || !manifest || !reader || !manifestSha256 || !manifestBytes)
    return rejected(...inspection.problems);
  let staging: string | null = null;
  let finalDir: string | null = null;
  let committed = false;
  try {
    const installed = ctx.catalogue.repo.getPack(manifest.id);
    const approved = options.approval?.manifestSha256 === manifestSha256;
    const verdict = admitOnBox(ctx, {
      id: manifest.id,
      version: manifest.version,
      manifestSha256,
      origin: source.origin,
      signature: inspection.signature,
      signer: inspection.signer,
      signerKey: inspection.signerKey,
    });
    switch (verdict.kind) {
      case 'refused':
        return rejected(verdict.problem);
      case 'older':
        return {
          status: 'older',
          packId: manifest.id,
          version: manifest.version,
          installed: verdict.installed,
        };
      case 'unchanged':
        return { status: 'unchanged', packId: manifest.id, version: manifest.version };
      case 'admissible':
        if (options.approval && !verdict.automatic && !approved)
          return rejected(problems.needsApproval(verdict.why));
    }
    const link = verdict.link && (verdict.automatic || approved) ? verdict.link : null;
    await mkdir(ctx.paths.packsDir, { recursive: true });
    const room = await roomFor(ctx, inspection.totalBytes, options.freeSpaceMargin);
    if (room) return rejected(room);

    staging = await mkdtemp(path.join(ctx.paths.stagingDir, `${manifest.id}-`));
    let done = 0;
    const total = inspection.totalBytes;
    progress({ phase: 'copying', bytesDone: 0, bytesTotal: total });
    await copyVerified(reader, inspection.files, staging, {
      signal: options.signal,
      copiers,
      onBytes: (bytes, file) => {
        done += bytes;
        progress({ phase: 'copying', bytesDone: done, bytesTotal: total, file });
      },
    });
    // The box keeps the manifest with the files: hooks, export and `verify` read it there.
    await writeFile(path.join(staging, MANIFEST_FILE), manifestBytes, { flag: 'wx' }).catch(
      (err: unknown) => {
        throw isDiskFull(err) ? new PackError(problems.diskFullDuringCopy(MANIFEST_FILE)) : err;
      },
    );
    const kept: Buffer | null = signature;
    if (kept) await writeFile(path.join(staging, SIGNATURE_FILE), kept, { flag: 'wx' });
    await makeThumbnails(staging, manifest, ctx.log, options.signal);
    progress({ phase: 'verifying', bytesDone: done, bytesTotal: total });
    await syncTree(staging, [
      ...inspection.files.map((f) => f.ref.path),
      MANIFEST_FILE,
      ...(kept ? [SIGNATURE_FILE] : []),
    ]);
    if (options.signal?.aborted) throw new PackError(problems.interrupted());

    progress({ phase: 'switching', bytesDone: done, bytesTotal: total });
    const dirName = `${manifest.id}@${manifest.version}-${randomBytes(4).toString('hex')}`;
    finalDir = path.join(ctx.paths.packsDir, dirName);
    await rename(staging, finalDir);
    staging = null;
    await syncDir(ctx.paths.packsDir);
    const pack = toPack(manifest, dirName, manifestSha256, source.origin);
    const works = manifest.items.map((item) => toWork(manifest.id, item));
    const packDir = finalDir;
    durably(ctx.db, () =>
      ctx.catalogue.installPack(pack, works, () => {
        for (const hook of ctx.packHooks) hook.install(manifest.id, packDir, manifest);
        if (link) ctx.packOwners.link(manifest.id, link);
      }),
    );
    committed = true;
    if (installed && installed.dir !== dirName) {
      // After the commit the old folder is garbage; if this fails, recovery deletes it.
      await rm(path.join(ctx.paths.packsDir, installed.dir), {
        recursive: true,
        force: true,
      }).catch(() => undefined);
    }
    ctx.events.emit({ type: 'pack-imported', packId: manifest.id, version: manifest.version });
    progress({ phase: 'done', bytesDone: done, bytesTotal: total });
    ctx.log.info(
      `Pack « ${manifest.title} » (${manifest.id} ${manifest.version}) importé : ${works.length} œuvres.`,
    );
    return installed
      ? {
          status: 'imported',
          packId: manifest.id,
          version: manifest.version,
          replaced: installed.version,
        }
      : { status: 'imported', packId: manifest.id, version: manifest.version };
  } catch (err) {
    if (!(err instanceof PackError) && !isDiskFull(err))
      ctx.log.error(`Import du pack « ${manifest.id} » : ${String(err)}`);
    return rejected(toProblem(err, inspection));
  } finally {
    await reader.close();
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (finalDir && !committed)
      await rm(finalDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function toProblem(err: unknown, inspection: Inspection): PackProblem {
  if (err instanceof PackError) return err.problem;
  if (isDiskFull(err)) return problems.diskFull(inspection.totalBytes, 0);
  return problems.internal();
}

/**
 * Removes a pack: its works leave the catalogue (with the hooks' parts, in the same
 * transaction), then its folder is deleted. Nothing else changes.
 */
export function removePack(ctx: Context, id: string): Promise<boolean> {
  return withPackLock(ctx, async () => {
    const pack = ctx.catalogue.repo.getPack(id);
    if (!pack) return false;
    durably(ctx.db, () =>
      ctx.catalogue.removePack(id, () => {
        for (const hook of ctx.packHooks) hook.remove(id);
        ctx.packOwners.clear(id);
      }),
    );
    await rm(path.join(ctx.paths.packsDir, pack.dir), { recursive: true, force: true }).catch(
      () => undefined,
    );
    ctx.log.info(`Pack « ${pack.title} » (${id}) retiré.`);
    return true;
  });
}
