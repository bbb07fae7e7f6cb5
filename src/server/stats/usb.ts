import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const base = exportBaseName(report);
  const files = [`${base}.json`, `${base}.csv`];
  writeFileSync(path.join(dir, files[0] ?? ''), reportJson(report));
  writeFileSync(path.join(dir, files[1] ?? ''), reportCsv(report));
  return { dir: path.join(stick.label, 'lanterne-statistiques'), files };
}
