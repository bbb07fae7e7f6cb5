import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { TestBox } from '../helpers/box.js';

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
export function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
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
