import type { Context } from '../context.js';
import { contributionAdminRoutes } from './admin-routes.js';
import { registerPortalExtras } from './portal.js';
import { contributionRoutes } from './routes.js';
import { CONTRIBUTIONS } from './service.js';

export { contributionAdminRoutes, contributionRoutes, registerPortalExtras };

/** At start: clears what an interrupted proposal left in the quarantine folder. */
export async function startContributions(ctx: Context): Promise<() => void> {
  await ctx.services.get(CONTRIBUTIONS).sweep();
  return () => undefined;
}
