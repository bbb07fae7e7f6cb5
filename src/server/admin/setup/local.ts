import type { Context as HonoContext } from 'hono';
import { clientOf } from '../../http/client.js';

/**
 * Is this socket address the box itself? 127.0.0.0/8, ::1 and their IPv4-mapped forms.
 * An empty address (an in-process request, no socket) is not.
 *
 * @example isLoopbackAddress('::ffff:127.0.0.1') // true
 */
export function isLoopbackAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return ip === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Is the request from the kiosk the box itself runs? Its Chromium opens
 * http://localhost:<port>/kiosk/ (deploy/kiosk/session.sh), so it connects from loopback;
 * a phone on the Wi-Fi cannot. Only the socket's address counts, never a header
 * (X-Forwarded-For is typed by anyone). This holds because nothing on the box proxies
 * requests to the server: a reverse proxy in front would make every visitor loopback.
 */
export function isLocalKiosk(c: HonoContext): boolean {
  return isLoopbackAddress(clientOf(c).ip);
}
