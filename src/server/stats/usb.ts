import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { exportBaseName, reportCsv, reportJson } from './export.js';
import type { Report } from './report.js';

export interface Stick {
  /** Relative to the media folder, e.g. `CLE_USB` or `pi/CLE_USB`. */
  id: string;
  label: string;
}

function mountPoints(): Set<string> {
  try {
    return new Set(
      readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((l) => (l.split(' ')[1] ?? '').replace(/\\040/g, ' '))
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
}

const dirsIn = (dir: string) => {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter(
      (e) => e.isDirectory() && !e.name.startsWith('.'),
    );
  } catch {
    return [];
  }
};

/**
 * The sticks mounted under the media folder: `/media/LABEL` (our udev rule) or
 * `/media/<user>/LABEL` (desktop automount). A first-level folder that is not itself a
 * mount point and holds only folders is taken as a user folder and looked into.
 */
export function listSticks(mediaDir: string): Stick[] {
  const mounts = mountPoints();
  const out: Stick[] = [];
  for (const entry of dirsIn(mediaDir)) {
    const full = path.join(mediaDir, entry.name);
    let children: string[] = [];
    if (!mounts.has(full)) {
      try {
        const all = readdirSync(full, { withFileTypes: true });
        if (all.length > 0 && all.every((e) => e.isDirectory())) children = all.map((e) => e.name);
      } catch {
        continue;
      }
    }
    if (
      children.length > 0 &&
      children.some((c) => mounts.has(path.join(full, c)) || mounts.size === 0)
    ) {
      for (const child of children) out.push({ id: `${entry.name}/${child}`, label: child });
    } else {
      out.push({ id: entry.name, label: entry.name });
    }
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** Writes the period's JSON and CSV into `<stick>/lanterne-statistiques/`; returns the folder. */
export function exportToStick(
  mediaDir: string,
  stickId: string,
  report: Report,
): { dir: string; files: string[] } {
  const stick = listSticks(mediaDir).find((s) => s.id === stickId);
  if (!stick) throw new Error('Cette clé USB n’est plus branchée.');
  const root = path.join(mediaDir, ...stick.id.split('/'));
  if (!existsSync(root)) throw new Error('Cette clé USB n’est plus branchée.');
  const dir = path.join(root, 'lanterne-statistiques');
  mkdirSync(dir, { recursive: true });
  // A stick is untrusted: its folder must be a real folder on the stick, not a link
  // pointing into the box.
  const realRoot = realpathSync(root);
  const rel = path.relative(realRoot, realpathSync(dir));
  if (!lstatSync(dir).isDirectory() || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error('Le dossier « lanterne-statistiques » de la clé est un lien : export refusé.');
  }
  const base = exportBaseName(report);
  const files = [`${base}.json`, `${base}.csv`];
  writeOnStick(dir, files[0] ?? '', reportJson(report));
  writeOnStick(dir, files[1] ?? '', reportCsv(report));
  return { dir: path.join(stick.label, 'lanterne-statistiques'), files };
}

/**
 * Writes a fresh file (O_EXCL never follows a link) and renames it into place: a link
 * already standing at the final name is replaced, never written through.
 */
export function writeOnStick(dir: string, name: string, content: string): void {
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path.join(dir, name));
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
