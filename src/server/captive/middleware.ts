import type { MiddlewareHandler } from 'hono';
import type { CaptivePasses } from './passes.js';
import { hostName, socketSides, type BoxNames } from './addresses.js';
import { findProbe } from './probes.js';
import { WELCOME_PATH } from './routes.js';

/**
 * The captive portal, mounted before everything else. DNS on the box answers every
 * name with the box's address, so a request whose Host is not one of the box's names
 * is either an OS connectivity probe or a visitor typing some other site:
 * - before the visitor pressed "Entrer": a 302 to the welcome page, on the box's IP
 *   (it works even where names do not), which makes the phone open its sign-in window;
 * - after: probes get the exact "online" answer of their OS, so the phone keeps the
 *   box's Wi-Fi, and other names lead to the portal's home.
 *
 * @example app.use(captivePortal(ctx.captivePasses, new BoxNames(ctx.config)))
 */
export function captivePortal(passes: CaptivePasses, names: BoxNames): MiddlewareHandler {
  return async function captivePortal(c, next) {
    const sides = socketSides(c);
    const host = hostName(c.req.header('host'));
    if (names.isBox(host, sides.local)) return next();

    const origin = names.origin(sides);
    const probe = findProbe(host, c.req.path);
    const passed = passes.hasPassed(sides.client);
    c.header('cache-control', 'no-store');
    if (probe && passed && !probe.alwaysPortal) {
      const { status, body, contentType, headers } = probe.online;
      if (status === 204) return c.body(null, 204, { ...headers });
      return c.body(body, status, {
        ...headers,
        'content-type': `${contentType ?? 'text/plain'}; charset=utf-8`,
      });
    }
    if (passed && !probe) return c.redirect(`${origin}/`, 302);
    return c.redirect(`${origin}${WELCOME_PATH}${probe ? '?captif=1' : ''}`, 302);
  };
}
