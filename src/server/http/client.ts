import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext } from 'hono';
import type { Client } from '../events/bus.js';

/** The requesting client, for in-memory counting only (never stored, never logged). */
export function clientOf(c: HonoContext): Client {
  let ip = '';
  try {
    ip = getConnInfo(c).remote.address ?? '';
  } catch {
    // In-process requests (tests) have no socket.
  }
  return { ip, userAgent: c.req.header('user-agent') ?? '' };
}
