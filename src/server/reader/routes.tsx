import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Readable } from 'node:stream';
import type { Context } from '../context.js';
import { contentTypeOf } from '../core/mime.js';
import { planFile } from '../files/plan.js';
import { BOOK_ENTRY_CSP } from '../files/safety.js';
import { LEAVE_PATH, bookBaseUrl, bookEntryUrl, parseBookEntryUrl } from '../files/urls.js';
import { clientOf } from '../http/client.js';
import { READER_CSP } from '../http/security.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { renderDocument } from '../ui/page.js';
import { READER_BUILD } from './build.js';
import { REFUSALS } from './messages.js';
import { KioskRefusedPage, LeavePage, ReaderPage, RefusedPage } from './pages.js';
import { findBook } from './find.js';

/** Types a book's entry is never served as: the reader needs none, and they could run. */
const NEVER_SERVED = /javascript|ecmascript|wasm/;

/** Hex of a short FNV-1a hash: tells entries of one book apart in their ETag. */
function nameHash(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/**
 * A book's entries, straight from its zip (`/epub/<work>/<position>/<entry>`): ETag,
 * 304, Range through `files/plan.ts`; a sandboxing CSP so that nothing in one runs or
 * loads from elsewhere even when opened outside the reader; refused books get 403 and
 * the reason in French.
 */
export function bookEntryRoutes(ctx: Context): Hono {
  return new Hono().on(['GET', 'HEAD'], '/epub/*', async (c) => {
    const parsed = parseBookEntryUrl(new URL(c.req.url).pathname);
    if (!parsed) throw new HTTPException(404);
    const found = await findBook(ctx, parsed.workId, parsed.position);
    if (!found) throw new HTTPException(404);
    if (!found.result.ok) {
      return c.text(REFUSALS.fr[found.result.why], 403, { 'cache-control': 'no-store' });
    }
    const book = found.result.book;
    const entry = book.has(parsed.entry);
    const mime = entry ? contentTypeOf(entry.name) : '';
    if (!entry || NEVER_SERVED.test(mime)) throw new HTTPException(404);
    const plan = planFile(
      {
        size: entry.size,
        mtimeMs: book.mtimeMs,
        etag: `"${found.etag.replace(/"/g, '')}-${nameHash(entry.name)}"`,
        mime,
        cacheControl: 'public, max-age=86400',
      },
      {
        method: c.req.method,
        ifNoneMatch: c.req.header('if-none-match'),
        ifModifiedSince: c.req.header('if-modified-since'),
        range: c.req.header('range'),
        ifRange: c.req.header('if-range'),
      },
    );
    const headers = {
      ...plan.headers,
      'content-security-policy': BOOK_ENTRY_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    };
    const body =
      'body' in plan && plan.body && plan.end >= plan.start
        ? (Readable.toWeb(
            Readable.from(book.read(entry.name, plan.start, plan.end)),
          ) as ReadableStream)
        : null;
    return new Response(body, { status: plan.status, headers });
  });
}

/** The reader page and the "vous quittez la boîte" page, in one language or negotiated. */
export function readerPageRoutes(ctx: Context, lang: Lang | null): Hono {
  const pageOf = (c: HonoContext) => pageContext(ctx, c, lang);
  return new Hono()
    .get('/works/:id/lire/:position', async (c) => {
      const found = await findBook(ctx, c.req.param('id'), c.req.param('position'));
      if (!found) throw new HTTPException(404);
      const page = pageOf(c);
      const kiosk = c.req.query('borne') === '1';
      const { work, file, result } = found;
      if (!result.ok) {
        const reason = REFUSALS[page.lang][result.why];
        if (kiosk)
          return c.html(renderDocument(<KioskRefusedPage page={page} reason={reason} />), 422);
        return c.html(
          renderDocument(<RefusedPage page={page} work={work} file={file} reason={reason} />),
          422,
        );
      }
      // Counted like a download or a play: which work, that day; never where the reader is.
      ctx.events.emit({ type: 'read', workId: work.id, client: clientOf(c) });
      const html = renderDocument(
        <ReaderPage
          page={page}
          work={work}
          file={file}
          entries={result.book.entries}
          base={bookBaseUrl(work.id, file)}
          first={result.book.first.map((name) => bookEntryUrl(work.id, file, name))}
          build={ctx.services.get(READER_BUILD).get()}
          kiosk={kiosk}
        />,
      );
      return c.html(html, 200, { 'content-security-policy': READER_CSP });
    })
    .get(LEAVE_PATH, (c) => {
      const target = (c.req.query('vers') ?? '').slice(0, 2000);
      const back = c.req.query('retour') ?? '';
      // Only a page of the box: a path, never another site (`//host`) or a scheme.
      const safeBack = /^\/(?!\/)[^\s\\]{0,500}$/.test(back) ? back : null;
      return c.html(renderDocument(<LeavePage page={pageOf(c)} target={target} back={safeBack} />));
    });
}
