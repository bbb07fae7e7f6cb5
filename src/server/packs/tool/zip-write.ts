import { createWriteStream, existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { MANIFEST_FILE, type Manifest } from '../manifest.js';
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

/** Writes the folder's pack (manifest, signature, listed files) as a zip; returns its path. */
export async function writePackZip(root: string, manifest: Manifest, out: string): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addFile(path.join(root, MANIFEST_FILE), MANIFEST_FILE, { compress: false });
  if (existsSync(path.join(root, SIGNATURE_FILE)))
    zip.addFile(path.join(root, SIGNATURE_FILE), SIGNATURE_FILE, { compress: false });
  // Books and media are already compressed: storing them keeps the zip fast to build and read.
  for (const rel of new Set(manifestPaths(manifest)))
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
