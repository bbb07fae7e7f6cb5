/**
 * The animateur's area (/admin).
 *
 * How to add an admin page (packs, notices, …):
 *   1. Write a sub-app in your own feature folder, e.g. `src/server/packs/admin.tsx`:
 *        export function packsAdminRoutes(ctx: Context): Hono {
 *          return new Hono()
 *            .get('/', (c) => c.html(renderDocument(
 *              <AdminLayout c={c} title="Packs" section="packs">…</AdminLayout>)))
 *            .post('/:id/remove', async (c) => { …; return c.redirect('/admin/packs', 303); });
 *        }
 *      Every form that changes something carries `<CsrfField c={c} />` (or a fetch sends
 *      the header `x-csrf-token: csrfToken(c)`); big multipart uploads may put the token
 *      in the query string instead (`action="/admin/packs/upload?_csrf=…"`), so the
 *      guard does not buffer the upload to find it.
 *   2. List it in your feature's entry of `src/server/features.ts`:
 *        routes: (ctx) => ({ admin: [['/packs', packsAdminRoutes(ctx)]] })
 *      `createApp` hands every feature's admin pages to `mountAdmin`.
 *   The gate installed by `mountAdmin` checks, server-side, on every /admin path: a live
 *   session (anonymous → redirect to /admin/login, or 401 for JSON/API calls), and for
 *   POST/PUT/PATCH/DELETE the same-host Origin and the session's CSRF token. In a
 *   handler, `c.get('admin')` is the session. `tests/admin/guard.test.ts` walks
 *   `app.routes` and fails if any /admin route answers an anonymous request.
 */
import type { Hono } from 'hono';
import { Hono as HonoApp } from 'hono';
import type { Context } from '../context.js';
import type { AdminEnv } from './env.js';
import { adminGate } from './auth/middleware.js';
import { authRoutes } from './auth/routes.js';
import { settingsRoutes } from './settings/routes.js';

export { AdminAuth } from './auth/service.js';

export { adminGate, requireAdmin, csrfToken, type AdminIdentity } from './auth/middleware.js';
export { AdminLayout, type AdminSection } from './ui/layout.js';
export { CsrfField, csrfField } from './ui/csrf.js';

/**
 * The admin shell's own pages (login, set-up, settings) and the features' admin pages
 * (overview, health, statistics, packs, notices: `features.ts`); the gate is added by
 * `mountAdmin`.
 */
export function adminRoutes(
  ctx: Context,
  extra: ReadonlyArray<readonly [string, Hono<AdminEnv>]> = [],
): Hono<AdminEnv> {
  const app = new HonoApp<AdminEnv>({ strict: false });
  app.route('/', authRoutes(ctx));
  app.route('/settings', settingsRoutes(ctx));
  for (const [path, sub] of extra) app.route(path, sub);
  return app;
}

/**
 * Installs the guard on every /admin path, then the admin pages and the features'
 * admin sub-apps. Call it in `createApp` before any other /admin route.
 */
export function mountAdmin(
  app: Hono,
  ctx: Context,
  extra: ReadonlyArray<readonly [string, Hono<AdminEnv>]> = [],
): void {
  const gate = adminGate(ctx);
  app.use('/admin', gate);
  app.use('/admin/*', gate);
  app.route('/admin', adminRoutes(ctx, extra));
}
