import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { dirs, isFile, listSticks as sticksUnder, SYSTEM_DIRS } from '../../sticks/list.js';
import { MANIFEST_FILE } from '../manifest.js';
import type { PackSource } from '../types.js';
import { scanFiles } from '../tool/files.js';

/** What sticks hold (which folders are sticks is decided by `sticks/list.ts`). */
export interface StickContent {
  root: string;
  label: string;
  packs: PackSource[];
  /** Files a person could sort when the stick has no pack (relative paths). */
  looseFiles: string[];
  /** Changes when what the box would offer from this stick changes. */
  fingerprint: string;
}

const MAX_LOOSE = 2000;

/** The stick folders currently under the media folder (the one rule: `sticks/list.ts`). */
export async function listSticks(mediaDir: string): Promise<string[]> {
  return (await sticksUnder(mediaDir)).map((s) => s.root);
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
