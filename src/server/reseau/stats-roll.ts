import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Context } from '../context.js';
import { isDay, keptDailyFigures, statsToday, type DailyFigures } from '../stats/index.js';
import { shortId } from './device-id.js';

/** Version of a box's shared statistics file (docs/reseau.md). */
export const ROLLUP_FORMAT = 'lanterne-reseau-statistiques/1';
/** Each box's own send-only folder: per box, so files never conflict. */
export const statsFolderId = (deviceId: string) => `lanterne-stats-${shortId(deviceId)}`;
export const ROLLUP_FILE = 'statistiques.json';
/** A file from another box is read only up to this size (25 months of days fit easily). */
const MAX_ROLLUP_BYTES = 2 * 1024 * 1024;

const count = z.number().int().min(0).max(1e9);
const rollupSchema = z.object({
  format: z.literal(ROLLUP_FORMAT),
  libraryName: z.string().max(200),
  deviceId: z.string().max(80),
  generatedAt: z.string().max(40),
  daily: z
    .array(
      z.object({
        day: z.string().refine(isDay),
        visitors: count,
        views: count,
        searches: count,
        downloads: count,
        plays: count,
      }),
    )
    .max(1000),
});

export type Rollup = z.infer<typeof rollupSchema>;

/** This box's file: its name and its daily counts, nothing else (already anonymous). */
export function rollupOf(ctx: Context, deviceId: string): string | null {
  const today = statsToday(ctx);
  if (!today) return null; // Time unknown: the counts wait in memory, so does the file.
  const rollup: Rollup = {
    format: ROLLUP_FORMAT,
    libraryName: ctx.settings.current().libraryName,
    deviceId,
    generatedAt: (ctx.stats.clock.now() ?? ctx.clock.now()).toISOString(),
    daily: keptDailyFigures(ctx, today),
  };
  return `${JSON.stringify(rollup)}\n`;
}

/** Writes the file under a hidden name beside the folder, then one rename into it. */
export async function writeRollup(dir: string, staging: string, json: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await mkdir(staging, { recursive: true });
  const temp = path.join(
    staging,
    `stats-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}.json`,
  );
  await writeFile(temp, json);
  await rename(temp, path.join(dir, ROLLUP_FILE));
}

/** Another box's file, checked like any input from outside; null when absent or unreadable. */
export async function readRollup(dir: string): Promise<Rollup | null> {
  const file = path.join(dir, ROLLUP_FILE);
  try {
    if ((await stat(file)).size > MAX_ROLLUP_BYTES) return null;
    const parsed = rollupSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type Figures = Omit<DailyFigures, 'day'>;

/** The sum of the days between `from` and `to` (inclusive). */
export function sumDays(daily: readonly DailyFigures[], from: string, to: string): Figures {
  const out: Figures = { visitors: 0, views: 0, searches: 0, downloads: 0, plays: 0 };
  for (const d of daily) {
    if (d.day < from || d.day > to) continue;
    out.visitors += d.visitors;
    out.views += d.views;
    out.searches += d.searches;
    out.downloads += d.downloads;
    out.plays += d.plays;
  }
  return out;
}
