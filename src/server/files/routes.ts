import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import path from 'node:path';
import { GenerationCache } from '../catalogue/generation-cache.js';
import type { WorkFile } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { clientOf } from '../http/client.js';
import { SmallFileCache } from './cache.js';
import { sendFile } from './deliver.js';
import { ID_PATTERN, UNTRUSTED_CSP, containedPath, isInlineSafe } from './safety.js';

function isFirstByteRequest(c: HonoContext): boolean {
  const range = c.req.header('range');
  return c.req.method === 'GET' && (!range || /^bytes=\s*0-/.test(range));
}

/**
 * Downloads (`/files/…`, saved as a file), in-page playback (`/media/…`, inline for the
 * types a browser shows safely) and covers. Pack folders are immutable once installed,
 * so small files are answered from memory.
 */
export function fileRoutes(ctx: Context): Hono {
  const cache = new SmallFileCache();
  const packsDir = ctx.paths.packsDir;

  // Where a work's file lives only changes with the catalogue: the lookup (a three-table
  // join, then path checks) was a tenth of the CPU of a small download at 100k works.
  const located = new GenerationCache<{ file: WorkFile; full: string } | null>(
    () => ctx.catalogue.generation(),
    5000,
  );
  const locate = (workId: string, position: string) => {
    if (!ID_PATTERN.test(workId) || !/^\d{1,4}$/.test(position)) throw new HTTPException(404);
    const found = located.get(`${workId}/${position}`, () => {
      const file = ctx.catalogue.repo.getFile(workId, Number(position));
      const full = file && containedPath(path.join(packsDir, file.dir), file.path);
      return file && full ? { file, full } : null;
    });
    if (!found) throw new HTTPException(404);
    return found;
  };

  const rejectTricks = async (c: HonoContext, next: () => Promise<void>) => {
    const raw = c.req.url.slice(c.req.url.indexOf('/', 8));
    // NUL, backslashes, encoded slashes and dot segments have no business in these URLs.
    if (/%00|\\|%5c|%2f|(^|\/|%2e)(\.|%2e)(\.|%2e)(\/|%2f|$)/i.test(raw))
      throw new HTTPException(400);
    await next();
  };

  return new Hono()
    .use('/files/*', rejectTricks)
    .use('/media/*', rejectTricks)
    .use('/covers/*', rejectTricks)
    .on(['GET', 'HEAD'], '/files/:workId/:position/:name?', async (c) => {
      const { file, full } = locate(c.req.param('workId'), c.req.param('position'));
      if (isFirstByteRequest(c)) {
        ctx.events.emit({ type: 'download', workId: c.req.param('workId'), client: clientOf(c) });
      }
      return sendFile(c, full, {
        mime: file.mime,
        etag: `"${file.sha256.slice(0, 32)}"`,
        disposition: { type: 'attachment', filename: file.name },
        cacheControl: 'public, max-age=86400',
        // Should a browser ignore "attachment", a file from a pack still cannot run.
        headers: isInlineSafe(file.mime) ? {} : { 'content-security-policy': UNTRUSTED_CSP },
        cache,
      });
    })
    .on(['GET', 'HEAD'], '/media/:workId/:position/:name?', async (c) => {
      const { file, full } = locate(c.req.param('workId'), c.req.param('position'));
      const inline = isInlineSafe(file.mime);
      if (isFirstByteRequest(c)) {
        ctx.events.emit({ type: 'play', workId: c.req.param('workId'), client: clientOf(c) });
      }
      return sendFile(c, full, {
        mime: file.mime,
        etag: `"${file.sha256.slice(0, 32)}"`,
        disposition: { type: inline ? 'inline' : 'attachment', filename: file.name },
        cacheControl: 'public, max-age=86400',
        headers: inline ? {} : { 'content-security-policy': UNTRUSTED_CSP },
        cache,
      });
    })
    .on(['GET', 'HEAD'], '/covers/:workId', async (c) => {
      const workId = c.req.param('workId');
      if (!ID_PATTERN.test(workId)) throw new HTTPException(404);
      const cover = ctx.catalogue.repo.getCover(workId);
      if (!cover) throw new HTTPException(404);
      const full = containedPath(path.join(packsDir, cover.dir), cover.path);
      if (!full) throw new HTTPException(404);
      const svg = cover.mime === 'image/svg+xml';
      if (!svg && !isInlineSafe(cover.mime)) throw new HTTPException(404);
      return sendFile(c, full, {
        mime: cover.mime,
        cacheControl: 'public, max-age=86400',
        headers: svg ? { 'content-security-policy': UNTRUSTED_CSP } : {},
        cache,
      });
    });
}
