import { getRequestListener, type ServerType } from '@hono/node-server';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { BoxNames, hostName, plainIp } from './captive/index.js';
import type { Context } from './context.js';
import { fileFastPath } from './files/fast.js';
import { MAX_HEADER_BYTES, clientErrorHandler } from './http/client-error.js';

export interface RunningServer {
  server: ServerType;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Whether a Node request is for the box itself (its names and addresses). */
export function isForBox(names: BoxNames): (req: IncomingMessage) => boolean {
  return (req) => names.isBox(hostName(req.headers.host), plainIp(req.socket.localAddress));
}

/** Starts the HTTP server on the given port (0 picks a free one, as tests do). */
export function listen(ctx: Context, port: number, host: string): Promise<RunningServer> {
  const names = new BoxNames(ctx.config);
  const app = createApp(ctx, names);
  const hono = getRequestListener(app.fetch);
  // Works' files and covers are answered before Hono (see files/fast.ts).
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    fileFastPath(ctx, isForBox(names), (req, res) => void hono(req, res)),
  );
  server.on('clientError', clientErrorHandler(ctx));
  return new Promise((resolve, reject) => {
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        server,
        port: info.port,
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive sockets from phones must not hold a shutdown hostage.
            server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
    // Long downloads on slow Wi-Fi must not be cut; idle sockets are.
    server.keepAliveTimeout = 5_000;
  });
}
