import type { MiddlewareHandler } from 'hono';

/** Pages load nothing from elsewhere and run only the box's own scripts. */
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * The reader page (`reader/`): the box's scripts only, still nothing from elsewhere. The
 * reader shows each chapter in a frame made from a `blob:` copy (which inherits this
 * policy: no script of the book runs there either), with the book's pictures, fonts and
 * styles as `blob:` URLs; the book's inline styles need 'unsafe-inline' for styles only.
 */
export const READER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' blob: 'unsafe-inline'; " +
  "img-src 'self' blob: data:; font-src 'self' blob: data:; media-src 'self' blob:; " +
  "frame-src blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'self'";

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    // A response already streamed by hand (downloads) carries its own headers.
    if (c.res.headers.has('x-hono-already-sent')) return;
    const type = c.res.headers.get('content-type') ?? '';
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    if (type.startsWith('text/html') && !c.res.headers.has('content-security-policy')) {
      c.res.headers.set('content-security-policy', PAGE_CSP);
    }
  };
}
