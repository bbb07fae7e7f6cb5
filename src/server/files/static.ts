import { Hono, type Context as HonoContext } from 'hono';
import { planAnswer } from './deliver.js';
import type { Context } from '../context.js';
import { unhashedName, type AssetStore } from '../ui/assets.js';

/** A hashed URL names one content forever: caches may keep it without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The one server of the box's own static files, from memory, with the same HTTP
 * semantics as works' files (`files/plan.ts`: ETag, 304, HEAD), but whole: no byte
 * ranges, so the compression middleware may send them brotli or gzip. `assetUrl()`
 * links `/static/<name>.<hash>.<ext>`, answered as immutable; a plain or outdated name
 * (an old page, an old pack's notice) gets the current file, revalidated every time.
 * CSS `@import`s of the box's own sheets are rewritten to hashed URLs (`ui/assets.ts`).
 */
export function serveAsset(c: HonoContext, store: AssetStore, file: string): Response {
  const hashed = unhashedName(file);
  const asset = (hashed && store.get(hashed.name)) || store.get(file);
  if (!asset) return c.notFound() as Response;
  const immutable = hashed !== null && asset.name === hashed.name && asset.hash === hashed.hash;
  const answer = planAnswer(
    { data: asset.data, size: asset.data.length, mtimeMs: 0 },
    { mime: asset.mime, etag: asset.etag, cacheControl: immutable ? IMMUTABLE : 'no-cache' },
    {
      method: c.req.method,
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: undefined,
      range: undefined,
      ifRange: undefined,
    },
  );
  delete answer.headers['last-modified'];
  delete answer.headers['accept-ranges'];
  const body = answer.slice ? new Uint8Array(answer.slice) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function nameIn(c: HonoContext, prefix: string): string {
  try {
    return decodeURIComponent(c.req.path.slice(prefix.length));
  } catch {
    return '';
  }
}

/** `/static/*`. */
export function staticRoutes(ctx: Context): Hono {
  return new Hono().get('/*', (c) => serveAsset(c, ctx.assets, nameIn(c, '/static/')));
}

/**
 * Older addresses of some of the same files (`/admin/static/admin.css`,
 * `/notice-assets/notices.css`), answered by the same server.
 */
export function legacyAssetRoutes(ctx: Context): Hono {
  return new Hono()
    .get('/admin/static/:name{[a-z0-9-]+\\.(css|js)}', (c) =>
      serveAsset(c, ctx.assets, c.req.param('name')),
    )
    .get('/notice-assets/:name{[a-z0-9-]+\\.(css|js)}', (c) =>
      serveAsset(c, ctx.assets, c.req.param('name')),
    );
}
