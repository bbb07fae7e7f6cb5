import { Hono } from 'hono';
import type { Context } from '../context.js';

/** The portal's CSS, icons and licence badges, from memory, with validators. */
export function staticRoutes(ctx: Context): Hono {
  return new Hono().get('/*', (c) => {
    const key = decodeURIComponent(c.req.path.slice('/static/'.length));
    const asset = ctx.assets.get(key);
    if (!asset) return c.notFound();
    const headers = {
      etag: asset.etag,
      'cache-control': 'public, max-age=86400',
      'content-type': asset.mime,
    };
    const inm = c.req.header('if-none-match');
    if (inm && inm.split(',').some((t) => t.trim() === asset.etag)) {
      return c.body(null, 304, { etag: asset.etag, 'cache-control': headers['cache-control'] });
    }
    return c.body(new Uint8Array(asset.data), 200, headers);
  });
}
