import path from 'node:path';
import type { Sticks } from '../sticks/list.js';
import { folderOnStick, StickWriteError, writeFileOnStick } from '../sticks/write.js';
import { exportBaseName, reportCsv, reportJson } from './export.js';
import type { Report } from './report.js';

export type { Stick } from '../sticks/list.js';

/**
 * Writes the period's JSON and CSV into `<stick>/lanterne-statistiques/`, on a stick the
 * box sees now and may write to (the same list as the packs page); returns the folder.
 */
export async function exportToStick(
  sticks: Sticks,
  stickId: string,
  report: Report,
): Promise<{ dir: string; files: string[] }> {
  const stick = await sticks.findWritable(stickId);
  if (!stick) throw new StickWriteError('Cette clé USB n’est plus branchée.');
  const dir = await folderOnStick(stick.root, 'lanterne-statistiques');
  const base = exportBaseName(report);
  const files = [`${base}.json`, `${base}.csv`];
  await writeFileOnStick(dir, files[0] ?? '', reportJson(report));
  await writeFileOnStick(dir, files[1] ?? '', reportCsv(report));
  return { dir: path.join(stick.label, 'lanterne-statistiques'), files };
}
