import { createWriteStream, existsSync } from 'node:fs';
import { lstat, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { MANIFEST_FILE, type Manifest } from '../manifest.js';
import { noticeAssets } from '../notice-assets.js';
import { SIGNATURE_FILE } from '../trust/signature.js';

/** The pack's files, as listed in its manifest (items, covers, notices, parcours). */
export function manifestPaths(manifest: Manifest): string[] {
  return [
    ...manifest.items.flatMap((i) => [
      ...i.files.map((f) => f.path),
      ...(i.cover ? [i.cover.path] : []),
    ]),
    ...manifest.notices.map((n) => n.path),
    ...manifest.parcours.map((p) => p.path),
  ];
}

/**
 * Every file a copy of the pack must hold: the manifest's, and the pictures and
 * recordings its e-notices and parcours name beside them (not listed in the manifest;
 * those missing from the folder are left out, as the import leaves them out).
 */
export async function packFiles(root: string, manifest: Manifest): Promise<string[]> {
  const files = new Set(manifestPaths(manifest));
  for (const doc of [...manifest.notices, ...manifest.parcours]) {
    const bytes = await readFile(path.join(root, doc.path)).catch(() => null);
    if (!bytes) continue;
    for (const asset of noticeAssets(doc.path, bytes)) {
      const st = await lstat(path.join(root, asset.path)).catch(() => null);
      if (st?.isFile()) files.add(asset.path);
    }
  }
  return [...files];
}

/** Writes the folder's pack (manifest, signature, listed files) as a zip; returns its path. */
export async function writePackZip(root: string, manifest: Manifest, out: string): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addFile(path.join(root, MANIFEST_FILE), MANIFEST_FILE, { compress: false });
  if (existsSync(path.join(root, SIGNATURE_FILE)))
    zip.addFile(path.join(root, SIGNATURE_FILE), SIGNATURE_FILE, { compress: false });
  // Books and media are already compressed: storing them keeps the zip fast to build and read.
  for (const rel of await packFiles(root, manifest))
    zip.addFile(path.join(root, rel), rel, { compress: false });
  const target = path.resolve(out);
  const tmp = `${target}.part`;
  await new Promise<void>((resolve, reject) => {
    const stream = createWriteStream(tmp);
    zip.outputStream.pipe(stream).on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject);
    zip.end();
  });
  await rename(tmp, target);
  return target;
}
