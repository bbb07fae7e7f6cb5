import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncPath } from '../core/fsync.js';

/**
 * Writing on a stick, the one way: a stick is untrusted (it may hold links pointing into
 * the box) and may be pulled out at any moment. Every file is written under a fresh
 * name (O_EXCL never follows a link), fsynced, then renamed into place; folders are
 * checked to be real folders on the stick.
 */
export class StickWriteError extends Error {}

export { fsyncPath };

/** A plain-French message for a failed write on a stick (`needed`: bytes, when known). */
export function stickWriteMessage(err: unknown, needed?: number): string {
  if (err instanceof StickWriteError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC')
    return needed === undefined
      ? 'La clé est pleine : libérez de la place et recommencez.'
      : `La clé est pleine : il faut ${(needed / 1e6).toFixed(1)} Mo libres.`;
  if (e.code === 'EROFS' || e.code === 'EACCES' || e.code === 'EPERM')
    return 'La clé est en lecture seule : la boîte ne peut pas écrire dessus.';
  if (e.code === 'ENOENT' || e.code === 'ENODEV' || e.code === 'EIO')
    return 'Cette clé USB n’est plus branchée : rebranchez-la et recommencez.';
  return `L'écriture sur la clé a échoué : ${e.message}`;
}

/**
 * `<stick>/<name>`, created if needed, refused unless it is a real folder inside the
 * stick (not a link into the box). Returns its path.
 */
export async function folderOnStick(stickRoot: string, name: string): Promise<string> {
  const dir = path.join(stickRoot, name);
  await mkdir(dir, { recursive: true });
  const rel = path.relative(await realpath(stickRoot), await realpath(dir));
  if (!(await lstat(dir)).isDirectory() || rel.startsWith('..') || path.isAbsolute(rel))
    throw new StickWriteError(`Le dossier « ${name} » de la clé est un lien : écriture refusée.`);
  return dir;
}

/**
 * Writes `content` to `<dir>/<name>` through a fresh temporary file and a rename: a link
 * already standing at the final name is replaced, never written through.
 */
export async function writeFileOnStick(
  dir: string,
  name: string,
  content: string | Uint8Array,
): Promise<void> {
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, path.join(dir, name));
  } catch (err) {
    // A folder standing at the name, a stick pulled out: leave nothing half-done behind.
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncPath(dir);
}
