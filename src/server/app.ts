import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { BoxNames, captivePortal, captiveRoutes } from './captive/index.js';
import { mountAdmin } from './admin/index.js';
import type { Context } from './context.js';
import { fileRoutes } from './files/routes.js';
import { requestBodyLimit } from './http/body-limit.js';
import { errorPage } from './http/error-page.js';
import { kioskApiRoutes } from './kiosk/api.js';
import { kioskStaticRoutes } from './kiosk/static.js';
import { pageContext } from './http/page-context.js';
import { securityHeaders } from './http/security.js';
import { opdsRoutes } from './opds/routes.js';
import { packsAdminRoutes } from './packs/admin-routes.js';
import { noticesAdminRoutes } from './notices/admin/routes.js';
import { noticeFileRoutes, noticeRoutes } from './notices/routes.js';
import { portalRoutes } from './portal/routes.js';
import { assetScope } from './ui/asset-url.js';
import { legacyAssetRoutes, staticRoutes } from './ui/static-routes.js';

/**
 * Builds the box's HTTP application over its services. No I/O happens here or at
 * import time: `main.ts` (or a test) opens the database and passes everything in.
 */
export function createApp(ctx: Context, boxNames = new BoxNames(ctx.config)): Hono {
  const app = new Hono({ strict: false });
  // First: stray host names (OS connectivity probes, other sites) never reach the portal.
  app.use(captivePortal(ctx.captivePasses, boxNames));
  app.use(securityHeaders());
  app.use(requestBodyLimit());
  // Pages link their CSS and scripts through assetUrl(), which reads this box's assets.
  app.use(assetScope(ctx.assets));
  app.route('/', captiveRoutes(ctx, boxNames));
  // The animateur's area: its gate guards every /admin path, including feature pages
  // added to this list (or mounted under /admin anywhere below).
  mountAdmin(app, ctx, [
    ['/notices', noticesAdminRoutes(ctx)],
    ['/packs', packsAdminRoutes(ctx)],
  ]);

  app.route('/static', staticRoutes(ctx));
  app.route('/', legacyAssetRoutes(ctx));
  app.route('/', fileRoutes(ctx));
  app.route('/opds', opdsRoutes(ctx));
  app.route('/kiosk', kioskStaticRoutes(ctx));
  app.route('/api/kiosk', kioskApiRoutes(ctx));

  // E-notices: pictures, PDF and kiosk API (no language), then their pages per language.
  app.route('/', noticeFileRoutes(ctx));
  app.route('/fr', noticeRoutes(ctx, 'fr'));
  app.route('/en', noticeRoutes(ctx, 'en'));
  app.route('/', noticeRoutes(ctx, null));

  // The visitor portal, in the browser's language or in the one the visitor chose.
  app.route('/fr', portalRoutes(ctx, 'fr'));
  app.route('/en', portalRoutes(ctx, 'en'));
  app.route('/', portalRoutes(ctx, null));

  app.notFound((c) => c.html(errorPage(pageContext(ctx, c), 404), 404));
  app.onError((err, c) => {
    const status = err instanceof HTTPException ? err.status : 500;
    if (status >= 500)
      ctx.log.error(`${c.req.method} ${new URL(c.req.url).pathname}: ${err.stack ?? err.message}`);
    if (err instanceof HTTPException && err.res) return err.res;
    if (c.req.path.startsWith('/api/')) return c.json({ error: err.message }, status);
    return c.html(errorPage(pageContext(ctx, c), status), status);
  });
  return app;
}
