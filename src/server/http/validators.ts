import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Whether an If-None-Match header names this validator (weak comparison, RFC 9110 §13.1.2). */
export function noneMatch(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === wanted);
}

/**
 * Validators for the portal's HTML pages: a weak ETag drawn from the page itself, so it
 * moves with everything that changes the page (catalogue generation, language, library
 * name and settings, the visitor's query) and with nothing else; `no-cache` so the phone
 * asks each time, and a 304 without body when it already has this page. Pages that are
 * personal or must not be stored (admin, `no-store`, a cookie being set) get none.
 *
 * @example app.use(htmlValidators())
 */
export function htmlValidators(): MiddlewareHandler {
  return async function htmlValidators(c, next) {
    await next();
    const method = c.req.method;
    const res = c.res;
    const headers = res.headers;
    if ((method !== 'GET' && method !== 'HEAD') || res.status !== 200 || !res.body) return;
    if (!(headers.get('content-type') ?? '').startsWith('text/html')) return;
    if (
      headers.has('etag') ||
      headers.has('set-cookie') ||
      headers.has('x-hono-already-sent') ||
      /no-store|private/i.test(headers.get('cache-control') ?? '') ||
      c.req.path === '/admin' ||
      c.req.path.startsWith('/admin/')
    ) {
      return;
    }
    const data = new Uint8Array(await res.arrayBuffer());
    const etag = `W/"${createHash('sha256').update(data).digest('base64url').slice(0, 22)}"`;
    headers.delete('content-length');
    const out = new Headers(headers);
    out.set('etag', etag);
    if (!out.has('cache-control')) out.set('cache-control', 'no-cache');
    const inm = c.req.header('if-none-match');
    if (inm && noneMatch(inm, etag)) {
      out.delete('content-type');
      c.res = new Response(null, { status: 304, headers: out });
      return;
    }
    c.res = new Response(data, { status: 200, headers: out });
  };
}
