import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csrfOf, request, setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { freePort, until } from '../helpers/wait.js';
import { RESEAU, type ReseauService } from '../../src/server/reseau/index.js';
import type { RunningServer } from '../../src/server/server.js';

/** A test box with its own Syncthing on loopback (own home, own free ports). */
export interface NetBox {
  box: TestBox;
  server: RunningServer;
  base: string;
  cookie: string;
  syncPort: number;
  apiPort: number;
  reseau: ReseauService;
  /** Posts an admin form with the session and its CSRF token. */
  post(pathname: string, form: Record<string, string>): Promise<{ status: number; body: string }>;
  page(pathname: string): Promise<string>;
  /** Syncthing's REST API as the box itself reaches it (tests tune and look with it). */
  api<T>(method: string, pathname: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startNetBox(): Promise<NetBox> {
  const [apiPort, syncPort] = [await freePort(), await freePort()];
  const box = makeTestBox({
    syncthingApiPort: apiPort,
    syncthingSyncPort: syncPort,
    // Nothing leaves loopback: listen there, no local-network broadcast.
    syncthingListenHost: '127.0.0.1',
    syncthingLocalDiscovery: false,
    reseauPollMs: 200,
  });
  const server = await box.listen();
  const base = `http://127.0.0.1:${server.port}`;
  const { cookie } = await setUpAdmin(box, base);
  const reseau = box.ctx.services.get(RESEAU);
  const page = async (pathname: string) =>
    (await request(`${base}${pathname}`, { headers: { cookie } })).body;
  const key = () =>
    readFileSync(path.join(box.ctx.paths.dataDir, 'syncthing', 'api-key'), 'utf8').trim();
  return {
    box,
    server,
    base,
    cookie,
    apiPort,
    syncPort,
    reseau,
    page,
    async post(pathname, form) {
      const csrf = csrfOf(await page('/admin/reseau'));
      return request(`${base}${pathname}`, {
        method: 'POST',
        headers: { cookie, origin: base },
        form: { ...form, _csrf: csrf },
      });
    },
    async api<T>(method: string, pathname: string, body?: unknown): Promise<T> {
      const res = await fetch(`http://127.0.0.1:${apiPort}${pathname}`, {
        method,
        headers: { 'X-API-Key': key(), 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status}`);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      await reseau.stop();
      await box.cleanup();
    },
  };
}

/** The device id the network page shows (text), once Syncthing answers. */
export function deviceIdOn(net: NetBox): Promise<string> {
  return until(
    async () => {
      const html = await net.page('/admin/reseau');
      const m = /id="device-id">([\s\S]*?)<\/p>/.exec(html);
      return m?.[1] ? m[1].replace(/<[^>]+>/g, '') : undefined;
    },
    30_000,
    'the device id on the network page',
  );
}
