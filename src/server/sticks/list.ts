import { constants } from 'node:fs';
import { access, lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The one definition of "a stick" for the whole box (packs page, statistics export,
 * the USB watcher). The box mounts sticks at `/media/<LABEL>` (deploy/usb); desktop
 * systems use `/media/<user>/<LABEL>`. A folder under the media folder is a stick when
 * it is a mount point, or holds a file or a pack; a folder that only holds folders (a
 * user's folder) has its sticks one level deeper.
 */
export interface Stick {
  /** Relative to the media folder, with `/`: `CLE_USB` or `pi/CLE_USB` (what forms send). */
  id: string;
  /** The stick's folder (absolute). */
  root: string;
  /** What a person reads: the stick's own name. */
  label: string;
  /** Mounted so that the box can write on it (deploy/usb mounts `LANTERNE*` sticks rw). */
  writable: boolean;
}

/** The file that marks a folder as a pack (kept here so sticks need nothing from packs). */
const PACK_MARKER = 'lanterne-pack.json';

/** Folders a stick's operating system leaves around, never offered as content. */
export const SYSTEM_DIRS: ReadonlySet<string> = new Set([
  'System Volume Information',
  '$RECYCLE.BIN',
  'LOST.DIR',
  'lost+found',
  'Android',
]);

/** The folders in `dir` a person could mean (no hidden or system folders). */
export async function dirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SYSTEM_DIRS.has(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** A plain file (not a link) stands at `file`. */
export async function isFile(file: string): Promise<boolean> {
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
      if (e.isDirectory() && (await isFile(path.join(dir, e.name, PACK_MARKER)))) return true;
    return false;
  } catch {
    return false;
  }
}

async function isWritable(dir: string): Promise<boolean> {
  try {
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false; // Mounted read-only (the default on the box).
  }
}

/** The sticks currently under the media folder, sorted by folder. */
export async function listSticks(mediaDir: string): Promise<Stick[]> {
  let dev: number;
  try {
    dev = (await stat(mediaDir)).dev;
  } catch {
    return [];
  }
  const roots: string[] = [];
  for (const name of await dirs(mediaDir)) {
    const dir = path.join(mediaDir, name);
    if (await looksLikeStick(dir, dev)) roots.push(dir);
    else for (const inner of await dirs(dir)) roots.push(path.join(dir, inner));
  }
  roots.sort();
  return Promise.all(
    roots.map(async (root) => ({
      id: path.relative(mediaDir, root).split(path.sep).join('/'),
      root,
      label: path.basename(root),
      writable: await isWritable(root),
    })),
  );
}

/**
 * The sticks of the media folder as one service (built once in the context): what a
 * page lists and what a form may name are the same list.
 */
export class Sticks {
  constructor(readonly mediaDir: string) {}

  list(): Promise<Stick[]> {
    return listSticks(this.mediaDir);
  }

  /** The sticks the box may write to (export targets). */
  async writable(): Promise<Stick[]> {
    return (await this.list()).filter((s) => s.writable);
  }

  /** A writable stick named by a form, by id or by folder; null when it is not there now. */
  async findWritable(idOrRoot: string): Promise<Stick | null> {
    return (await this.writable()).find((s) => s.id === idOrRoot || s.root === idOrRoot) ?? null;
  }
}
