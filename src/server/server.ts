import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Context } from './context.js';

export interface RunningServer {
  server: ServerType;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server on the given port (0 picks a free one, as tests do). */
export function listen(ctx: Context, port: number, host: string): Promise<RunningServer> {
  const app = createApp(ctx);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        server,
        port: info.port,
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive sockets from phones must not hold a shutdown hostage.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
    // Long downloads on slow Wi-Fi must not be cut; idle sockets are.
    (server as Server).keepAliveTimeout = 5_000;
  });
}
