import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { appRoot } from '../../paths.js';

/** Built (bundled in dist/server) or not, the assets are read from the sources. */
const SOURCE_DIR = path.join(appRoot(), 'src/server/admin/ui');

const FILES: Record<string, string> = {
  'admin.css': 'text/css; charset=utf-8',
  'admin.js': 'text/javascript; charset=utf-8',
};

/** The admin area's own CSS and script, read once, served from memory (public: the login page needs them). */
export function adminStaticRoutes(): Hono {
  const assets = new Map<string, { data: Buffer; type: string; etag: string }>();
  for (const [name, type] of Object.entries(FILES)) {
    const data = readFileSync(path.join(SOURCE_DIR, name));
    assets.set(name, {
      data,
      type,
      etag: `"${createHash('sha256').update(data).digest('base64url').slice(0, 22)}"`,
    });
  }
  return new Hono().get('/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    if (c.req.header('if-none-match') === asset.etag)
      return c.body(null, 304, { etag: asset.etag });
    return c.body(new Uint8Array(asset.data), 200, {
      'content-type': asset.type,
      etag: asset.etag,
      'cache-control': 'no-cache',
    });
  });
}
