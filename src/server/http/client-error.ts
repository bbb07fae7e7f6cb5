import type { Duplex } from 'node:stream';
import type { Context } from '../context.js';
import { errorPage } from './error-page.js';
import { PAGE_CSP } from './security.js';

/**
 * How much request head (request line and headers) the box reads: Node's default is
 * 16 KiB, which a long search (or a pasted text) in the address overflows. At 64 KiB a
 * 20,000-letter query reaches the portal, which cuts it and says so; beyond, the box
 * answers its own French page instead of Node's bare 431.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

function raw(status: string, body: string): string {
  return [
    `HTTP/1.1 ${status}`,
    'Content-Type: text/html; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Content-Security-Policy: ${PAGE_CSP}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers requests Node refused before any handler ran (`clientError`): a head too large
 * gets the box's page (in French: the headers that would say otherwise were not read);
 * anything else Node's usual bare 400, and sockets already gone are simply closed.
 */
export function clientErrorHandler(ctx: Context) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      const page = {
        lang: 'fr' as const,
        base: '',
        path: '/',
        search: '',
        libraryName: ctx.settings.current().libraryName,
      };
      socket.end(raw('431 Request Header Fields Too Large', errorPage(page, 431)));
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
}
