import type { Context } from '../context.js';
import { contributionAdminRoutes } from './admin-routes.js';
import { registerPortalExtras } from './portal.js';
import { RESUMABLE } from './resumable.js';
import { contributionRoutes, resumableRoutes } from './routes.js';
import { CONTRIBUTIONS } from './service.js';

export { contributionAdminRoutes, contributionRoutes, registerPortalExtras, resumableRoutes };

/**
 * At start: clears what an interrupted proposal left in the quarantine folder, and
 * forgets resumable uploads left unfinished for a day (then every hour).
 */
export async function startContributions(ctx: Context): Promise<() => void> {
  await ctx.services.get(CONTRIBUTIONS).sweep();
  const uploads = ctx.services.get(RESUMABLE);
  await uploads.sweep();
  const timer = setInterval(() => void uploads.sweep(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
