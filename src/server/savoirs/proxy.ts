import { Hono, type Context as HonoContext } from 'hono';
import { SAVOIRS_ROOT, type KiwixState, type KiwixSupervisor } from './supervisor.js';

/** Request headers the box passes to kiwix-serve (caching and ranges only). */
const REQUEST_HEADERS = ['range', 'if-none-match', 'if-modified-since', 'if-range'];
/** Response headers passed back; the box's own security headers apply on top. */
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
];

/** The box's own page for a request kiwix-serve cannot answer (see `pages.tsx`). */
export type SavoirsPage = (c: HonoContext, state: KiwixState, status: 404 | 503) => string;

/**
 * `/savoirs/…` proxied to the box's kiwix-serve, which is told to live under the same
 * path, so no URL is rewritten; only a redirect's absolute loopback address becomes a
 * path on the box. When kiwix-serve is down, has no book at all, or answers 404 to a
 * page, the visitor gets the box's own French page instead.
 */
export function savoirsProxyRoutes(sup: KiwixSupervisor, page: SavoirsPage): Hono {
  const app = new Hono();
  const answer = (c: HonoContext, status: 404 | 503) =>
    c.html(page(c, sup.state(), status), status, status === 503 ? { 'retry-after': '5' } : {});
  app.on(['GET', 'HEAD'], [SAVOIRS_ROOT, `${SAVOIRS_ROOT}/*`], async (c) => {
    if (sup.state().kind === 'empty') return answer(c, 404);
    const url = new URL(c.req.url);
    const headers = new Headers({ 'accept-encoding': 'identity' });
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    let upstream: Response;
    try {
      upstream = await fetch(`${sup.baseUrl()}${url.pathname}${url.search}`, {
        method: c.req.method,
        headers,
        redirect: 'manual',
      });
    } catch {
      return answer(c, 503);
    }
    if (upstream.status === 404 && upstream.headers.get('content-type')?.startsWith('text/html')) {
      await upstream.body?.cancel();
      return answer(c, 404);
    }
    const out = new Headers();
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    const location = upstream.headers.get('location');
    if (location !== null) {
      const target = new URL(location, sup.baseUrl());
      if (target.pathname.startsWith(`${SAVOIRS_ROOT}/`) || target.pathname === SAVOIRS_ROOT) {
        out.set('location', `${target.pathname}${target.search}`);
      }
    }
    return new Response(c.req.method === 'HEAD' ? null : upstream.body, {
      status: upstream.status,
      headers: out,
    });
  });
  return app;
}
