import type { Context } from '../context.js';
import { dayOf } from './classify.js';
import { BUILD_DATE } from './clock.js';
import { readPeriod, type Period } from './period.js';
import { buildReport, type DailyFigures, type Report } from './report.js';
import { retentionCutoff } from './service.js';

/** The statistics' public face: what other features may use (the rest is internal). */
export { ClockForm, PeriodPicker } from './pages.js';
export { capitalised, periodInWords } from './dates.js';
export { csvFile, line as csvLine } from './export.js';
export { readPeriod, isDay, type Period } from './period.js';
export { statsAdminRoutes } from './routes.js';
export { startStats } from './start.js';
export type { DailyFigures, Report } from './report.js';

/** This week's totals (Monday to today), for the admin overview. */
export function weekTotals(ctx: Context): Report['totals'] {
  const today = dayOf(ctx.stats.clock.now() ?? BUILD_DATE);
  return buildReport(ctx, readPeriod({ period: 'week', date: today }, today)).totals;
}

/** The box's today as the statistics see it (`YYYY-MM-DD`), or null while the time is unknown. */
export function statsToday(ctx: Context): string | null {
  const now = ctx.stats.clock.now();
  return now ? dayOf(now) : null;
}

/**
 * The daily figures (visitors, views, searches, downloads, plays) of every day still
 * kept, days without any left out: the anonymous counts a box shares with its network.
 */
export function keptDailyFigures(ctx: Context, today: string): DailyFigures[] {
  const period: Period = { kind: 'custom', from: retentionCutoff(today), to: today, date: today };
  return buildReport(ctx, period).daily.filter(
    (d) => d.visitors + d.views + d.searches + d.downloads + d.plays > 0,
  );
}
