import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { sendFile } from '../files/deliver.js';
import { contentTypeOf } from '../core/mime.js';
import { containedPath } from '../files/safety.js';
import { PAGE_CSP } from '../http/security.js';

/** What a kiosk build holds; anything else under assets/ is not served. */
const ASSET_EXTENSIONS = new Set(['.js', '.css', '.svg', '.png', '.woff2', '.json']);

/** Shown when the kiosk was never built (`npm run build:kiosk`): calm, in French. */
const MISSING_BUILD = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Borne indisponible</title></head>
<body style="font:28px/1.5 sans-serif;margin:3em;color:#111;background:#fff">
<h1>La borne n’est pas encore prête</h1>
<p>L’application de la borne n’a pas été construite sur cette boîte.</p>
<p>Pour la personne qui s’occupe de la boîte : lancez <code>npm run build:kiosk</code>, puis rechargez cette page.</p>
</body></html>`;

/**
 * Serves the built kiosk application: hashed assets with a year-long cache (their name
 * changes with their content), and `index.html` for `/kiosk` and every app route, never
 * cached, so a rebuilt kiosk is picked up at the next reset.
 */
export function kioskStaticRoutes(ctx: Context): Hono {
  const dist = ctx.paths.kioskDist;
  const sendIndex = async (c: HonoContext) => {
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) {
      return c.html(MISSING_BUILD, 503, {
        'retry-after': '30',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
    }
    // Streamed by hand, so the page headers middleware does not see it: same policy here.
    return sendFile(c, index, {
      mime: 'text/html; charset=utf-8',
      cacheControl: 'no-cache',
      headers: { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' },
    });
  };

  return new Hono()
    .on(['GET', 'HEAD'], '/assets/:name', async (c) => {
      const name = c.req.param('name');
      const full = containedPath(path.join(dist, 'assets'), name);
      const mime = ASSET_EXTENSIONS.has(path.extname(name)) ? contentTypeOf(name) : undefined;
      if (!full || !mime) throw new HTTPException(404);
      return sendFile(c, full, { mime, cacheControl: 'public, max-age=31536000, immutable' });
    })
    .on(['GET', 'HEAD'], '/', sendIndex)
    .on(['GET', 'HEAD'], '/*', sendIndex);
}
