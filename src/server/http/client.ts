import type { HttpBindings } from '@hono/node-server';
import type { Context as HonoContext } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Client } from '../events/bus.js';

/** The client of a Node request, for in-memory counting only (never stored, never logged). */
export function clientOfRequest(req: IncomingMessage): Client {
  const agent = req.headers['user-agent'];
  return { ip: req.socket.remoteAddress ?? '', userAgent: agent ?? '' };
}

/** The same for a Hono request; in-process requests (tests) have no socket. */
export function clientOf(c: HonoContext): Client {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming
    ? clientOfRequest(incoming)
    : { ip: '', userAgent: c.req.header('user-agent') ?? '' };
}
