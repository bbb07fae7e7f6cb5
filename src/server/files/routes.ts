import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Context } from '../context.js';
import { clientOf } from '../http/client.js';
import { sendFile } from './deliver.js';
import { hasPathTricks, type FileUse } from './desk.js';

/** Whether this request starts a download or a playback (what the statistics count). */
export function isFirstByteRequest(method: string, range: string | undefined): boolean {
  return method === 'GET' && (!range || /^bytes=\s*0-/.test(range));
}

/**
 * Downloads (`/files/…`, saved as a file), in-page playback (`/media/…`, inline for the
 * types a browser shows safely) and covers. On a real socket, `fast.ts` answers these
 * before Hono; these routes answer in-process requests and everything it declines
 * (path tricks → 400, unknown files → the 404 page).
 */
export function fileRoutes(ctx: Context): Hono {
  const rejectTricks = async (c: HonoContext, next: () => Promise<void>) => {
    if (hasPathTricks(c.req.url.slice(c.req.url.indexOf('/', 8)))) throw new HTTPException(400);
    await next();
  };
  const workFile = (use: FileUse) => async (c: HonoContext) => {
    const workId = c.req.param('workId') ?? '';
    const found = ctx.files.locate(use, workId, c.req.param('position') ?? '');
    if (!found) throw new HTTPException(404);
    if (isFirstByteRequest(c.req.method, c.req.header('range'))) {
      ctx.events.emit({ type: use === 'files' ? 'download' : 'play', workId, client: clientOf(c) });
    }
    return sendFile(c, found.full, found.options);
  };

  return new Hono()
    .use('/files/*', rejectTricks)
    .use('/media/*', rejectTricks)
    .use('/covers/*', rejectTricks)
    .on(['GET', 'HEAD'], '/files/:workId/:position/:name?', workFile('files'))
    .on(['GET', 'HEAD'], '/media/:workId/:position/:name?', workFile('media'))
    .on(['GET', 'HEAD'], '/covers/:workId', async (c) => {
      const found = ctx.files.cover(c.req.param('workId'));
      if (!found) throw new HTTPException(404);
      return sendFile(c, found.full, found.options);
    })
    .on(['GET', 'HEAD'], '/covers/:workId/:width', async (c) => {
      const found = ctx.files.thumbnail(c.req.param('workId'), c.req.param('width'));
      if (!found) throw new HTTPException(404);
      return sendFile(c, found.full, found.options);
    });
}
