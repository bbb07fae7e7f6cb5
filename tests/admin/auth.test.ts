import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminAuth } from '../../src/server/admin/auth/service.js';
import { DEFAULT_RATE_LIMIT } from '../../src/server/admin/auth/rate-limit.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { PASSWORD, cookieOf, csrfOf, login, request, setUpAdmin } from './http.js';

let box: TestBox;
let base: string;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-11-20T10:00:00Z');
  box = makeTestBox({}, { now: () => new Date(now) });
  base = (await box.listen()).url;
});
afterEach(() => box.cleanup());

describe('first start', () => {
  it('sends every admin page to /admin/setup until a password exists', async () => {
    const reply = await request(`${base}/admin`);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/admin/setup');
    const login = await request(`${base}/admin/login`);
    expect(login.headers.location).toBe('/admin/setup');
  });

  it('writes a one-time code (mode 0600) that works once, then is deleted', async () => {
    const page = await request(`${base}/admin/setup`);
    expect(page.status).toBe(200);
    const file = box.ctx.admin.setupCodeFile;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const code = readFileSync(file, 'utf8').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const wrong = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code: 'AAAA-BBBB-CCCC', password: PASSWORD, confirm: PASSWORD },
    });
    expect(wrong.status).toBe(403);
    expect(box.ctx.admin.isSetUp()).toBe(false);

    const ok = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code: code.toLowerCase(), password: PASSWORD, confirm: PASSWORD },
    });
    expect(ok.status).toBe(303);
    expect(box.ctx.admin.isSetUp()).toBe(true);
    expect(existsSync(file)).toBe(false);

    // The same code again changes nothing: the password stays the first one.
    const again = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code, password: 'un autre mot de passe', confirm: 'un autre mot de passe' },
    });
    expect(again.status).toBe(302);
    expect(await box.ctx.admin.checkPassword(PASSWORD)).toBe(true);
    expect(await box.ctx.admin.checkPassword('un autre mot de passe')).toBe(false);
  });

  it('refuses a set-up post from another site', async () => {
    box.ctx.admin.ensureSetupCode();
    const code = readFileSync(box.ctx.admin.setupCodeFile, 'utf8').trim();
    const reply = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      form: { code, password: PASSWORD, confirm: PASSWORD },
    });
    expect(reply.status).toBe(403);
    expect(box.ctx.admin.isSetUp()).toBe(false);
  });

  it('refuses a too short password and keeps the code', async () => {
    box.ctx.admin.ensureSetupCode();
    const code = readFileSync(box.ctx.admin.setupCodeFile, 'utf8').trim();
    const reply = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code, password: 'court', confirm: 'court' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('au moins 10 caractères');
    expect(existsSync(box.ctx.admin.setupCodeFile)).toBe(true);
  });
});

describe('login and session', () => {
  it('logs in, sets a strict HttpOnly cookie scoped to /admin, and logs out', async () => {
    await setUpAdmin(box, base);
    const anonymous = await request(`${base}/admin/stats?period=week`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe('/admin/login?next=%2Fadmin%2Fstats%3Fperiod%3Dweek');

    const reply = await request(`${base}/admin/login`, {
      method: 'POST',
      headers: { origin: base },
      form: { password: PASSWORD, next: '/admin/settings' },
    });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/admin/settings');
    const setCookie = (reply.headers['set-cookie'] ?? []).join('\n');
    expect(setCookie).toMatch(/lanterne_admin=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/admin(;|$)/);
    expect(setCookie).toMatch(/Max-Age=\d+/);

    // Only the hash of the cookie is stored.
    const cookie = cookieOf(reply);
    const raw = cookie.split('=')[1] ?? '';
    const rows = box.ctx.db.prepare('SELECT id_sha256 FROM admin_sessions').all() as Array<{
      id_sha256: string;
    }>;
    expect(rows.some((r) => r.id_sha256 === raw)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);

    const page = await request(`${base}/admin`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Vue d'ensemble");

    const csrf = csrfOf(page.body);
    const out = await request(`${base}/admin/logout`, {
      method: 'POST',
      headers: { cookie, origin: base },
      form: { _csrf: csrf },
    });
    expect(out.status).toBe(303);
    expect((await request(`${base}/admin`, { headers: { cookie } })).status).toBe(302);
  });

  it('never sends a login back outside the admin area', async () => {
    await setUpAdmin(box, base);
    for (const next of ['//evil.example/admin', 'http://evil.example', '/admin\\evil', '/adminx']) {
      const reply = await request(`${base}/admin/login`, {
        method: 'POST',
        headers: { origin: base },
        form: { password: PASSWORD, next },
      });
      expect(reply.headers.location, next).toBe('/admin');
    }
  });

  it('ends sessions after the idle timeout and the maximum age', async () => {
    await setUpAdmin(box, base);
    const { cookie } = await login(base);
    now += 60 * 60_000;
    expect((await request(`${base}/admin`, { headers: { cookie } })).status).toBe(200);
    now += 2 * 60 * 60_000 + 1;
    expect((await request(`${base}/admin`, { headers: { cookie } })).status).toBe(302);

    const second = await login(base);
    for (let i = 0; i < 11; i++) {
      now += 60 * 60_000;
      expect((await request(`${base}/admin`, { headers: { cookie: second.cookie } })).status).toBe(
        200,
      );
    }
    now += 60 * 60_000;
    expect((await request(`${base}/admin`, { headers: { cookie: second.cookie } })).status).toBe(
      302,
    );
  });

  it('changes the password and closes the other sessions', async () => {
    const first = await setUpAdmin(box, base);
    const other = await login(base);
    const changed = await request(`${base}/admin/password`, {
      method: 'POST',
      headers: { cookie: first.cookie, origin: base },
      form: {
        _csrf: first.csrf,
        current: PASSWORD,
        password: 'un tout nouveau secret',
        confirm: 'un tout nouveau secret',
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('Mot de passe changé');
    expect((await request(`${base}/admin`, { headers: { cookie: first.cookie } })).status).toBe(
      200,
    );
    expect((await request(`${base}/admin`, { headers: { cookie: other.cookie } })).status).toBe(
      302,
    );
    await expect(login(base)).rejects.toThrow();
    await login(base, 'un tout nouveau secret');
  });

  it('reset (shell access) removes the password; a new set-up code appears', async () => {
    const { cookie } = await setUpAdmin(box, base);
    box.ctx.admin.resetPassword();
    expect((await request(`${base}/admin`, { headers: { cookie } })).headers.location).toBe(
      '/admin/setup',
    );
    expect((await request(`${base}/admin/setup`)).status).toBe(200);
    expect(readFileSync(box.ctx.admin.setupCodeFile, 'utf8')).toMatch(/^[A-Z2-9-]{14}\n$/);
  });
});

describe('guessing is slowed', () => {
  it('answers 429 with Retry-After after 5 wrong passwords, and the wait doubles', async () => {
    await setUpAdmin(box, base);
    const attempt = (password = 'mauvais mot de passe') =>
      request(`${base}/admin/login`, {
        method: 'POST',
        headers: { origin: base },
        form: { password },
      });
    for (let i = 0; i < 4; i++) expect((await attempt()).status).toBe(401);
    const fifth = await attempt();
    expect(fifth.status).toBe(429);
    expect(fifth.headers['retry-after']).toBe('2');
    expect(fifth.body).toContain("Trop d'essais");
    // Even the right password is not checked while blocked.
    expect((await attempt(PASSWORD)).status).toBe(429);

    now += 2_000;
    const sixth = await attempt();
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBe('4');
    now += 4_000;
    expect((await attempt()).headers['retry-after']).toBe('8');

    // Another client is not blocked by this one.
    const other = await request(`${base}/admin/login`, {
      method: 'POST',
      headers: { origin: base },
      form: { password: PASSWORD },
      localAddress: '127.0.0.2',
    });
    expect(other.status).toBe(303);
  });

  it('caps failures from all clients together', async () => {
    // A box whose global cap is small, so the test needs few slow scrypt checks.
    const ctx = box.ctx;
    ctx.admin = new AdminAuth(ctx.db, ctx.paths.dataDir, ctx.clock, ctx.log, {
      rateLimit: { ...DEFAULT_RATE_LIMIT, globalMax: 8 },
    });
    base = (await box.listen()).url;
    await setUpAdmin(box, base);
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const reply = await request(`${base}/admin/login`, {
        method: 'POST',
        headers: { origin: base },
        form: { password: 'faux faux faux' },
        localAddress: `127.0.${1 + Math.floor(i / 4)}.${2 + (i % 4)}`,
      });
      last = reply.status;
      if (reply.status === 429) break;
    }
    expect(last).toBe(429);
    const fresh = await request(`${base}/admin/login`, {
      method: 'POST',
      headers: { origin: base },
      form: { password: PASSWORD },
      localAddress: '127.0.200.2',
    });
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
  });
});
