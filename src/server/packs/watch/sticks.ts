import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest.js';
import type { PackSource } from '../types.js';
import { scanFiles } from '../tool/files.js';

/**
 * Where sticks are and what they hold. The box mounts sticks at `/media/<LABEL>`
 * (deploy/usb); desktop systems use `/media/<user>/<LABEL>`. A folder under the media
 * folder is a stick when it is a mount point, or holds files or a pack; a folder that
 * only holds folders (a user's folder) has its sticks one level deeper.
 */
export interface StickContent {
  root: string;
  label: string;
  packs: PackSource[];
  /** Files a person could sort when the stick has no pack (relative paths). */
  looseFiles: string[];
  /** Changes when what the box would offer from this stick changes. */
  fingerprint: string;
}

/** Folders a stick's operating system leaves around, never offered as content. */
const SYSTEM_DIRS = new Set([
  'System Volume Information',
  '$RECYCLE.BIN',
  'LOST.DIR',
  'lost+found',
  'Android',
]);
const MAX_LOOSE = 2000;

async function dirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SYSTEM_DIRS.has(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isFile();
  } catch {
    return false;
  }
}

async function looksLikeStick(dir: string, parentDev: number): Promise<boolean> {
  try {
    if ((await stat(dir)).dev !== parentDev) return true;
    const entries = await readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && !e.name.startsWith('.'))) return true;
    for (const e of entries)
      if (e.isDirectory() && (await isFile(path.join(dir, e.name, MANIFEST_FILE)))) return true;
    return false;
  } catch {
    return false;
  }
}

/** The stick folders currently under the media folder. */
export async function listSticks(mediaDir: string): Promise<string[]> {
  let dev: number;
  try {
    dev = (await stat(mediaDir)).dev;
  } catch {
    return [];
  }
  const sticks: string[] = [];
  for (const name of await dirs(mediaDir)) {
    const dir = path.join(mediaDir, name);
    if (await looksLikeStick(dir, dev)) sticks.push(dir);
    else for (const inner of await dirs(dir)) sticks.push(path.join(dir, inner));
  }
  return sticks.sort();
}

async function sig(file: string): Promise<string> {
  try {
    const st = await stat(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '-';
  }
}

/** Packs on a stick: at its root, in a folder just below, or as `.zip` files at its root. */
export async function scanStick(root: string): Promise<StickContent> {
  const label = path.basename(root);
  const packs: PackSource[] = [];
  const parts: string[] = [];
  const add = async (kind: 'folder' | 'zip', p: string, marker: string) => {
    packs.push({ kind, path: p, origin: 'usb' });
    parts.push(`${kind}:${p}:${await sig(marker)}`);
  };
  if (await isFile(path.join(root, MANIFEST_FILE))) {
    await add('folder', root, path.join(root, MANIFEST_FILE));
  } else {
    for (const name of await dirs(root)) {
      const manifest = path.join(root, name, MANIFEST_FILE);
      if (await isFile(manifest)) await add('folder', path.join(root, name), manifest);
    }
  }
  try {
    for (const e of await readdir(root, { withFileTypes: true })) {
      if (e.isFile() && e.name.toLowerCase().endsWith('.zip') && !e.name.startsWith('.')) {
        await add('zip', path.join(root, e.name), path.join(root, e.name));
      }
    }
  } catch {
    // A stick pulled out while we look: the next scan sees it gone.
  }
  let looseFiles: string[] = [];
  if (packs.length === 0) {
    try {
      looseFiles = (await scanFiles(root, 3))
        .filter((f) => !f.split('/').some((s) => SYSTEM_DIRS.has(s)))
        .slice(0, MAX_LOOSE);
    } catch {
      looseFiles = [];
    }
    for (const f of looseFiles) parts.push(`${f}:${await sig(path.join(root, f))}`);
  }
  return { root, label, packs, looseFiles, fingerprint: parts.join('|') };
}
