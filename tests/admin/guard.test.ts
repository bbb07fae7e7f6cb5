import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAdminPath } from '../../src/server/admin/auth/middleware.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from './http.js';

let box: TestBox;
let base: string;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  box = makeTestBox();
  base = (await box.listen()).url;
  session = await setUpAdmin(box, base);
});
afterAll(() => box.cleanup());

/** Every (method, concrete path) under /admin that the app knows, including pages added by other features. */
function adminRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  const out: Array<{ method: string; path: string }> = [];
  for (const r of box.app.routes) {
    if (!(r.path === '/admin' || r.path.startsWith('/admin/'))) continue;
    const path =
      r.path
        .replace(/:[A-Za-z0-9_]+(\{[^}]*\})?\??/g, 'x')
        .replace(/\*/g, 'x')
        .replace(/\/+$/, '') || '/admin';
    const methods = r.method === 'ALL' ? ['GET', 'POST', 'PUT', 'DELETE'] : [r.method];
    for (const method of methods) {
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ method, path });
    }
  }
  return out;
}

describe('every admin route is guarded server-side', () => {
  it('finds the admin routes in app.routes', () => {
    const paths = adminRoutes().map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/admin',
        '/admin/settings',
        '/admin/stats',
        '/admin/health',
        '/admin/password',
      ]),
    );
  });

  it('sends anonymous page requests to the login page, and API calls get 401', async () => {
    const checked: string[] = [];
    for (const { method, path } of adminRoutes()) {
      if (isPublicAdminPath(path)) continue;
      const headers = { origin: base };
      const page = await request(`${base}${path}`, {
        method,
        headers,
        ...(method === 'GET' ? {} : { form: {} }),
      });
      if (path.includes('/api/')) {
        expect(page.status, `${method} ${path}`).toBe(401);
      } else {
        expect(page.status, `${method} ${path}`).toBe(302);
        expect(page.headers.location, `${method} ${path}`).toMatch(/^\/admin\/login/);
      }
      const api = await request(`${base}${path}`, {
        method,
        headers: { ...headers, accept: 'application/json' },
      });
      expect(api.status, `${method} ${path} (JSON)`).toBe(401);
      checked.push(`${method} ${path}`);
    }
    expect(checked.length).toBeGreaterThan(8);
  });

  it('refuses state-changing requests without the CSRF token or from another origin', async () => {
    for (const { method, path } of adminRoutes()) {
      if (method === 'GET' || isPublicAdminPath(path)) continue;
      const noToken = await request(`${base}${path}`, {
        method,
        headers: { cookie: session.cookie, origin: base },
        form: {},
      });
      expect(noToken.status, `${method} ${path} without token`).toBe(403);
      const foreign = await request(`${base}${path}`, {
        method,
        headers: { cookie: session.cookie, origin: 'http://evil.example' },
        form: { _csrf: session.csrf },
      });
      expect(foreign.status, `${method} ${path} foreign origin`).toBe(403);
    }
  });

  it('does not buffer a multipart body: the token may come in the header', async () => {
    const reply = await request(`${base}/admin/settings`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        origin: base,
        'x-csrf-token': 'wrong',
        'content-type': 'multipart/form-data; boundary=x',
      },
      body: '--x--\r\n',
    });
    expect(reply.status).toBe(403);
  });
});

describe('path tricks do not get past the gate', () => {
  it.each([
    '/admin/static/../settings',
    '/admin/static/%2e%2e/settings',
    '/admin/%73ettings',
    '/admin//settings',
    '/admin/settings/',
    '/admin/static/admin.css/../../stats',
  ])('%s', async (path) => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(base);
      http
        .get({ host: u.hostname, port: u.port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect([302, 404]).toContain(status);
  });
});

describe('CSRF on the settings form', () => {
  const form = {
    libraryName: 'Médiathèque des Tilleuls',
    address: '1 rue des Tilleuls',
    openingHours: 'mar–sam 10 h–18 h',
    contact: '01 23 45 67 89',
    wifiName: 'Tilleuls-Libre',
    kioskIdleSeconds: '300',
    licencePolicy: 'all-cc',
  };

  it('refuses a missing token, a wrong token, a foreign Origin and a missing Origin', async () => {
    const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['missing token', { cookie: session.cookie, origin: base }, form],
      [
        'wrong token',
        { cookie: session.cookie, origin: base },
        { ...form, _csrf: `${session.csrf.slice(0, -2)}AA` },
      ],
      [
        'foreign origin',
        { cookie: session.cookie, origin: 'http://evil.example' },
        { ...form, _csrf: session.csrf },
      ],
      [
        'foreign referer',
        { cookie: session.cookie, referer: 'http://evil.example/admin/settings' },
        { ...form, _csrf: session.csrf },
      ],
      ['no origin', { cookie: session.cookie }, { ...form, _csrf: session.csrf }],
      ['null origin', { cookie: session.cookie, origin: 'null' }, { ...form, _csrf: session.csrf }],
    ];
    for (const [label, headers, body] of cases) {
      const reply = await request(`${base}/admin/settings`, {
        method: 'POST',
        headers,
        form: body,
      });
      expect(reply.status, label).toBe(403);
    }
    expect(box.ctx.settings.current().libraryName).toBe('Lanterne');
  });

  it('saves with the token and the same origin (or referer)', async () => {
    const reply = await request(`${base}/admin/settings`, {
      method: 'POST',
      headers: { cookie: session.cookie, referer: `${base}/admin/settings` },
      form: { ...form, _csrf: session.csrf },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Réglages enregistrés');
    expect(box.ctx.settings.current()).toMatchObject({
      libraryName: 'Médiathèque des Tilleuls',
      kioskIdleSeconds: 300,
      licencePolicy: 'all-cc',
    });
    const about = await request(`${base}/about`);
    expect(about.body).toContain('Tilleuls-Libre');
  });

  it('explains invalid settings in French', async () => {
    const reply = await request(`${base}/admin/settings`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: base, 'x-csrf-token': session.csrf },
      form: { ...form, kioskIdleSeconds: '5', libraryName: '' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('Au moins 30 secondes');
    expect(reply.body).toContain('Le nom de la bibliothèque est obligatoire');
  });
});
