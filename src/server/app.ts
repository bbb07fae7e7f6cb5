import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { mountAdmin } from './admin/index.js';
import { BoxNames, captivePortal } from './captive/index.js';
import type { Context } from './context.js';
import { FEATURES } from './features.js';
import { requestBodyLimit } from './http/body-limit.js';
import { compression } from './http/compress.js';
import { errorPage } from './http/error-page.js';
import { pageContext } from './http/page-context.js';
import { securityHeaders } from './http/security.js';
import { htmlValidators } from './http/validators.js';
import { assetScope } from './ui/asset-url.js';

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
  // Outer first: pages get their ETag (and 304) before they are compressed.
  app.use(compression());
  app.use(htmlValidators());
  // Pages link their CSS and scripts through assetUrl(), which reads this box's assets.
  app.use(assetScope(ctx.assets));
  const routes = FEATURES.map((f) => f.routes?.(ctx, { boxNames }) ?? {});
  // The animateur's area: its gate guards every /admin path, then each feature's admin
  // pages (the gate is installed before any of them).
  mountAdmin(
    app,
    ctx,
    routes.flatMap((r) => r.admin ?? []),
  );
  for (const [path, sub] of routes.flatMap((r) => r.public ?? [])) app.route(path, sub);

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
