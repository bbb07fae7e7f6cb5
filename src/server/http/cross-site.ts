import type { Context as HonoContext } from 'hono';

/**
 * The visitor-side cross-site check for public form posts (contributions, thanks, receipt
 * look-up). A browser posting from another site says so: `Sec-Fetch-Site` is then
 * `cross-site` or `same-site`, and `Origin` names the other host. A request that carries
 * neither header (an old browser, a script on the network) is let through: the public
 * forms hold no session, so only a visitor's browser can be abused, and every browser
 * still in use sends one of the two on a POST. The admin keeps its stricter check
 * (admin/auth/middleware.ts `sameOrigin`, plus a CSRF token).
 */
export function crossSite(c: HonoContext): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = c.req.header('origin');
  // `null` comes from privacy settings (no-referrer) as well as sandboxed frames: without
  // Sec-Fetch-Site it says nothing either way.
  if (!origin || origin === 'null') return false;
  return !sameHost(origin, c.req.header('host'));
}

/** Whether an `Origin` or `Referer` value names this host (unreadable: no). */
export function sameHost(source: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

/** The message a refused cross-site post shows, in plain French. */
export const CROSS_SITE_MESSAGE =
  'Ce formulaire a été envoyé depuis un autre site : ouvrez la page de la boîte et réessayez.';
