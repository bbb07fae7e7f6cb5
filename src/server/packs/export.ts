import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../context.js';
import { fsyncPath, stickWriteMessage } from '../sticks/write.js';
import { MANIFEST_FILE, manifestSchema } from './manifest.js';
import { slug } from './tool/files.js';
import { packFiles } from './tool/zip-write.js';
import { SIGNATURE_FILE } from './trust/signature.js';
import { LOCAL_PACK_ID } from './watch/local-pack.js';

export class ExportError extends Error {}

/**
 * Where to write: `<name>`, replacing an earlier export of a pack (a folder with a
 * manifest), but never someone's own folder of the same name (then `<name>-2`…).
 */
async function freeTarget(targetDir: string, name: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = path.join(targetDir, n === 1 ? name : `${name}-${n}`);
    const exists = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
    const isPack = await stat(path.join(candidate, MANIFEST_FILE)).then(
      (st) => st.isFile(),
      () => false,
    );
    if (isPack) return candidate;
  }
}

/**
 * Writes an installed pack to a folder (a stick) as a valid pack folder: the manifest
 * the box imported and every file it lists, each fsynced, assembled under a temporary
 * name and renamed last, so a stick pulled out early never holds something that looks
 * complete. Returns the pack folder written.
 */
export async function exportPack(ctx: Context, packId: string, targetDir: string): Promise<string> {
  const pack = ctx.catalogue.repo.getPack(packId);
  if (!pack) throw new ExportError(`Le pack « ${packId} » n'est pas installé sur la boîte.`);
  const source = path.join(ctx.paths.packsDir, pack.dir);
  const manifestBytes = await readFile(path.join(source, MANIFEST_FILE)).catch(() => null);
  const parsed = manifestBytes
    ? manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')))
    : null;
  if (!manifestBytes || !parsed?.success)
    throw new ExportError(`Le manifeste du pack « ${packId} » est introuvable sur la boîte.`);
  // The local pack leaves under a name of its own: on another box, `pack-local` is
  // that box's own sorted files, which an import must not replace.
  const isLocal = parsed.data.id === LOCAL_PACK_ID;
  const manifest = isLocal
    ? {
        ...parsed.data,
        id: `fonds-${slug(ctx.settings.current().libraryName)}`.slice(0, 64).replace(/-+$/, ''),
      }
    : parsed.data;
  const outBytes = isLocal ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) : manifestBytes;
  const name = `${manifest.id}-${manifest.version}`;
  const final = await freeTarget(targetDir, name);
  const temp = path.join(targetDir, `.${name}.part`);
  const files = await packFiles(source, manifest);
  const needed =
    files.length === 0
      ? 0
      : (await Promise.all(files.map(async (f) => (await stat(path.join(source, f))).size))).reduce(
          (a, b) => a + b,
          0,
        );
  try {
    await rm(temp, { recursive: true, force: true });
    await mkdir(temp, { recursive: true });
    const dirs = new Set<string>([temp]);
    for (const rel of files) {
      const to = path.join(temp, rel);
      await mkdir(path.dirname(to), { recursive: true });
      dirs.add(path.dirname(to));
      await pipeline(
        createReadStream(path.join(source, rel)),
        createWriteStream(to, { flags: 'wx' }),
      );
      await fsyncPath(to);
    }
    // The signature goes on with the very manifest it signs (never with a rewritten one).
    const signature = isLocal
      ? null
      : await readFile(path.join(source, SIGNATURE_FILE)).catch(() => null);
    if (signature) {
      const to = path.join(temp, SIGNATURE_FILE);
      await writeFile(to, signature, { flag: 'wx' });
      await fsyncPath(to);
    }
    // The manifest goes last: a pack folder without it is not a pack.
    const manifestTo = path.join(temp, MANIFEST_FILE);
    await writeFile(manifestTo, outBytes, { flag: 'wx' });
    await fsyncPath(manifestTo);
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) await fsyncPath(d);
    await rm(final, { recursive: true, force: true });
    await rename(temp, final);
    await fsyncPath(targetDir);
  } catch (err) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw new ExportError(stickWriteMessage(err, needed));
  }
  ctx.log.info(`Pack ${manifest.id} ${manifest.version} exporté vers ${final}`);
  return final;
}
