import type http from 'node:http';
import { readFileSync } from 'node:fs';
import type { TestBox } from '../helpers/box.js';
import { rawRequest } from '../helpers/http.js';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  body?: string;
  /** Loopback source address (127.0.0.2…) to play a different client. */
  localAddress?: string;
}

/** A plain HTTP request (no cookie jar, no redirects followed), as a browser would send it. */
export async function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const target = new URL(url);
  const reply = await rawRequest({
    hostname: target.hostname,
    port: Number(target.port),
    path: `${target.pathname}${target.search}`,
    method: options.method,
    headers: { host: target.host, ...headers },
    body,
    localAddress: options.localAddress,
  });
  return { ...reply, body: reply.body.toString('utf8') };
}

/** The `name=value` part of a Set-Cookie header. */
export function cookieOf(reply: Reply, name = 'lanterne_admin'): string {
  const line = (reply.headers['set-cookie'] ?? []).find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie (status ${reply.status})`);
  return line.split(';')[0] ?? '';
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

export const PASSWORD = 'une lanterne dans la nuit';

/** Sets the password through /admin/setup with the code from the data folder; returns a session. */
export async function setUpAdmin(
  box: TestBox,
  base: string,
): Promise<{ cookie: string; csrf: string }> {
  box.ctx.admin.ensureSetupCode();
  const code = readFileSync(box.ctx.admin.setupCodeFile, 'utf8').trim();
  const reply = await request(`${base}/admin/setup`, {
    method: 'POST',
    headers: { origin: base },
    form: { code, password: PASSWORD, confirm: PASSWORD },
  });
  if (reply.status !== 303) throw new Error(`set-up failed: ${reply.status} ${reply.body}`);
  const cookie = cookieOf(reply);
  const page = await request(`${base}/admin/settings`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(page.body) };
}

/** Logs in with the password; returns the session cookie and its CSRF token. */
export async function login(
  base: string,
  password = PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const reply = await request(`${base}/admin/login`, {
    method: 'POST',
    headers: { origin: base },
    form: { password, next: '/admin' },
  });
  if (reply.status !== 303) throw new Error(`login failed: ${reply.status}`);
  const cookie = cookieOf(reply);
  const page = await request(`${base}/admin/settings`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(page.body) };
}
