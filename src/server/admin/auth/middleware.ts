import { timingSafeEqual } from 'node:crypto';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { Context } from '../../context.js';
import type { AdminEnv } from '../env.js';
import type { AdminSession } from './service.js';
import { sameHost } from '../../http/cross-site.js';

export type { AdminIdentity } from '../env.js';

export const SESSION_COOKIE = 'lanterne_admin';

/** Pages reachable without a session: the set-up and login forms and their assets. */
export function isPublicAdminPath(path: string): boolean {
  // Exact names only: a lenient prefix test could let `/admin/static/../settings` through.
  return (
    path === '/admin/login' ||
    path === '/admin/setup' ||
    /^\/admin\/static\/[a-z0-9-]+\.(css|js)$/.test(path)
  );
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE.has(method.toUpperCase());
}

/** Does the request want JSON rather than a page? (API calls get 401, pages a redirect.) */
export function wantsJson(c: HonoContext): boolean {
  const accept = c.req.header('accept') ?? '';
  if (c.req.path.includes('/api/')) return true;
  return accept.includes('application/json') && !accept.includes('text/html');
}

function refuse(c: HonoContext, status: 403, message: string): never {
  const res = wantsJson(c)
    ? c.json({ error: message }, status)
    : c.text(`${message}\n`, status, { 'content-type': 'text/plain; charset=utf-8' });
  throw new HTTPException(status, { res });
}

/**
 * Cross-site check: the request must say it comes from this very host (Origin, or
 * Referer when a browser leaves Origin out). Admin pages set `Referrer-Policy:
 * same-origin` through a meta tag so browsers send a real Origin on form posts.
 */
export function sameOrigin(c: HonoContext): boolean {
  const source = c.req.header('origin') ?? c.req.header('referer');
  if (!source || source === 'null') return false;
  return sameHost(source, c.req.header('host'));
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The CSRF token the request carries: header, form field `_csrf`, or (uploads only) `?_csrf=`. */
async function tokenOf(c: HonoContext): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Large pack uploads should not be buffered just to find the token.
    const query = c.req.query('_csrf');
    if (query) return query;
  }
  if (
    type.startsWith('application/x-www-form-urlencoded') ||
    type.startsWith('multipart/form-data')
  ) {
    const body = await c.req.parseBody();
    const field = body['_csrf'];
    return typeof field === 'string' ? field : '';
  }
  return '';
}

/** Refuses a state-changing request that is cross-site or lacks the session's token. */
export async function checkCsrf(c: HonoContext, session: AdminSession): Promise<void> {
  if (!sameOrigin(c)) refuse(c, 403, 'Requête refusée : elle ne vient pas de cette boîte.');
  if (!sameToken(await tokenOf(c), session.csrf)) {
    refuse(
      c,
      403,
      'Requête refusée : jeton de sécurité absent ou périmé. Rechargez la page et recommencez.',
    );
  }
}

/** Sends an anonymous visitor to the login page (or set-up page), or answers 401 to API calls. */
function denyAnonymous(ctx: Context, c: HonoContext): Response {
  const setUp = ctx.admin.isSetUp();
  if (wantsJson(c)) {
    return c.json(
      { error: setUp ? 'Connexion animateur requise.' : 'La boîte n’est pas encore configurée.' },
      401,
    );
  }
  if (!setUp) return c.redirect('/admin/setup', 302);
  const url = new URL(c.req.url);
  const next = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/admin';
  return c.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 302);
}

/**
 * The admin guard: a valid session is required, and state-changing requests must
 * carry the session's CSRF token and come from this host. Sets `c.get('admin')`.
 *
 * @example
 *   new Hono().use(requireAdmin(ctx)).get('/', (c) => c.text(c.get('admin').csrf))
 */
export function requireAdmin(ctx: Context): MiddlewareHandler<AdminEnv> {
  return async function requireAdmin(c, next) {
    if (!c.get('admin')) {
      const session = ctx.admin.session(getCookie(c, SESSION_COOKIE));
      if (!session) return denyAnonymous(ctx, c);
      c.set('admin', { ...session, libraryName: ctx.settings.current().libraryName });
      if (isUnsafeMethod(c.req.method)) await checkCsrf(c, session);
    }
    c.header('cache-control', 'no-store');
    await next();
  };
}

/**
 * Guards everything under /admin except the public set-up and login pages. Mounted
 * once in `app.ts` before any admin route, so pages added later are covered too.
 */
export function adminGate(ctx: Context): MiddlewareHandler {
  const guard = requireAdmin(ctx);
  return async function adminGate(c, next) {
    if (isPublicAdminPath(c.req.path)) {
      if (isUnsafeMethod(c.req.method) && !sameOrigin(c)) {
        refuse(c, 403, 'Requête refusée : elle ne vient pas de cette boîte.');
      }
      c.header('cache-control', 'no-store');
      return next();
    }
    return guard(c, next);
  };
}

/** The current session's CSRF token (inside a `requireAdmin` route). */
export function csrfToken(c: HonoContext<AdminEnv>): string {
  return c.get('admin').csrf;
}
