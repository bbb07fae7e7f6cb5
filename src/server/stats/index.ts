import type { Context } from '../context.js';
import { dayOf } from './classify.js';
import { BUILD_DATE } from './clock.js';
import { readPeriod } from './period.js';
import { buildReport, type Report } from './report.js';

/** The statistics' public face: what other features may use (the rest is internal). */
export { ClockForm } from './pages.js';
export { statsAdminRoutes } from './routes.js';
export { startStats } from './start.js';
export type { Report } from './report.js';

/** This week's totals (Monday to today), for the admin overview. */
export function weekTotals(ctx: Context): Report['totals'] {
  const today = dayOf(ctx.stats.clock.now() ?? BUILD_DATE);
  return buildReport(ctx, readPeriod({ period: 'week', date: today }, today)).totals;
}
