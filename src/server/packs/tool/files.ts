import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest.js';
import { SIGNATURE_FILE } from '../trust/signature.js';
import { METADATA_FILE } from './csv.js';

/** Where `init` puts the covers it takes out of EPUBs and audio files. */
export const COVERS_DIR = '_covers';

const SKIP = new Set([METADATA_FILE, MANIFEST_FILE, SIGNATURE_FILE]);

/**
 * The content files of a folder, as relative POSIX paths, sorted. Hidden files, the
 * tool's own files and symlinks are left out (a pack never follows links).
 */
export async function scanFiles(root: string, maxDepth = 8): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || (rel === '' && (SKIP.has(e.name) || e.name === COVERS_DIR)))
        continue;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && depth < maxDepth) await walk(child, depth + 1);
      else if (e.isFile()) out.push(child);
    }
  };
  await walk('', 0);
  return out.sort((a, b) => a.localeCompare(b));
}

/** Size and SHA-256 of a file, streamed. */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** A relative path that stays inside `root` and names a regular file (not a link). */
export async function regularFileInside(root: string, rel: string): Promise<string | null> {
  if (rel === '' || path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return null;
  const full = path.join(root, rel);
  try {
    const st = await lstat(full);
    return st.isFile() ? full : null;
  } catch {
    return null;
  }
}

/** `Le Petit Prince (1943).epub` → `le-petit-prince-1943`. */
export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'oeuvre' : s;
}

/** A slug not yet in `taken` (adds -2, -3…), recorded in `taken`. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
