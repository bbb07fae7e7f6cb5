import { Hono } from 'hono';
import { SAVOIRS_ROOT, type KiwixSupervisor } from './supervisor.js';

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

const UNAVAILABLE =
  'Les encyclopédies sont momentanément indisponibles. Le reste de la bibliothèque fonctionne.';

/**
 * `/savoirs/…` proxied to the box's kiwix-serve, which is told to live under the same
 * path, so no URL is rewritten; only a redirect's absolute loopback address becomes a
 * path on the box.
 */
export function savoirsProxyRoutes(sup: KiwixSupervisor): Hono {
  const app = new Hono();
  app.on(['GET', 'HEAD'], `${SAVOIRS_ROOT}/*`, async (c) => {
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
      return c.text(UNAVAILABLE, 503, { 'retry-after': '5' });
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
