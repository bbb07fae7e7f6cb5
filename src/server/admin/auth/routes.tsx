import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from '../../context.js';
import { z } from 'zod';
import { clientOf } from '../../http/client.js';
import { form, typed } from '../../http/form.js';
import { renderDocument } from '../../ui/page.js';
import { SESSION_COOKIE, wantsJson } from './middleware.js';
import { LoginPage, PasswordPage, SetupPage } from './pages.js';
import { passwordProblem } from './password.js';
import { SESSION_MAX_MS } from './service.js';

/** The set-up, login and password forms: each field exactly as typed. */
const setupForm = form(z.object({ code: typed, password: typed, confirm: typed }));
const loginForm = form(z.object({ next: typed, password: typed }));
const passwordForm = form(z.object({ current: typed, password: typed, confirm: typed }));

/** Only a path inside the admin area is a valid place to return to after login. */
export function safeNext(next: string): string {
  return /^\/admin(\/[^/\\]|\/?$|\?)/.test(next) && !next.includes('//') ? next : '/admin';
}

function tooMany(c: HonoContext, seconds: number): Response {
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 90 ? `${seconds} secondes` : `${minutes} minutes`;
  const message = `Trop d'essais. Par sécurité, attendez ${wait} avant de réessayer.`;
  c.header('retry-after', String(seconds));
  if (wantsJson(c)) return c.json({ error: message }, 429);
  return c.text(`${message}\n`, 429, { 'content-type': 'text/plain; charset=utf-8' });
}

/** /admin/setup, /admin/login, /admin/logout, /admin/password. */
export function authRoutes(ctx: Context): Hono<AdminEnv> {
  const auth = ctx.admin;
  const cookie = (c: HonoContext, value: string) =>
    setCookie(c, SESSION_COOKIE, value, {
      path: '/admin',
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: Math.floor(SESSION_MAX_MS / 1000),
    });
  /**
   * One guess at a time per client: reserved before the body is even read (so concurrent
   * guesses are refused, not queued), always released. `clientOf(c).ip` in the handler
   * is the same client.
   */
  const attempt: MiddlewareHandler = async (c, next) => {
    const client = clientOf(c).ip;
    const verdict = auth.limiter.check(client);
    if (!verdict.ok) return tooMany(c, verdict.retryAfterSeconds);
    try {
      await next();
    } finally {
      auth.limiter.release(client);
    }
  };
  const withAttempt = (c: HonoContext, run: (client: string) => Promise<Response>) =>
    run(clientOf(c).ip);

  return new Hono<AdminEnv>()
    .get('/setup', (c) => {
      if (auth.isSetUp()) return c.redirect('/admin/login', 302);
      auth.ensureSetupCode();
      return c.html(renderDocument(<SetupPage c={c} codeFile={auth.setupCodeFile} />));
    })
    .post('/setup', attempt, setupForm, async (c) => {
      if (auth.isSetUp()) return c.redirect('/admin/login', 302);
      return withAttempt(c, async (client) => {
        const body = c.req.valid('form');
        const password = body.password;
        const problem = passwordProblem(password, body.confirm);
        if (problem) {
          return c.html(
            renderDocument(
              <SetupPage
                c={c}
                codeFile={auth.setupCodeFile}
                code={body.code}
                flash={{ kind: 'error', text: problem }}
              />,
            ),
            400,
          );
        }
        if (!(await auth.setUp(body.code, password))) {
          const wait = auth.limiter.fail(client);
          if (wait > 0) return tooMany(c, Math.ceil(wait / 1000));
          const text = 'Ce code de mise en service ne convient pas (ou il a déjà servi).';
          return c.html(
            renderDocument(
              <SetupPage c={c} codeFile={auth.setupCodeFile} flash={{ kind: 'error', text }} />,
            ),
            403,
          );
        }
        auth.limiter.succeed(client);
        cookie(c, auth.openSession().cookie);
        return c.redirect('/admin', 303);
      });
    })
    .get('/login', (c) => {
      if (!auth.isSetUp()) return c.redirect('/admin/setup', 302);
      return c.html(
        renderDocument(<LoginPage c={c} next={safeNext(c.req.query('next') ?? '/admin')} />),
      );
    })
    .post('/login', attempt, loginForm, async (c) => {
      if (!auth.isSetUp()) return c.redirect('/admin/setup', 302);
      return withAttempt(c, async (client) => {
        const body = c.req.valid('form');
        const next = safeNext(body.next);
        if (!(await auth.checkPassword(body.password))) {
          const wait = auth.limiter.fail(client);
          if (wait > 0) return tooMany(c, Math.ceil(wait / 1000));
          const text = 'Mot de passe incorrect.';
          return c.html(
            renderDocument(<LoginPage c={c} next={next} flash={{ kind: 'error', text }} />),
            401,
          );
        }
        auth.limiter.succeed(client);
        cookie(c, auth.openSession().cookie);
        return c.redirect(next, 303);
      });
    })
    .post('/logout', (c) => {
      auth.closeSession(c.get('admin').idSha256);
      deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
      return c.redirect('/admin/login', 303);
    })
    .get('/password', (c) => c.html(renderDocument(<PasswordPage c={c} />)))
    .post('/password', attempt, passwordForm, (c) =>
      withAttempt(c, async (client) => {
        const body = c.req.valid('form');
        if (!(await auth.checkPassword(body.current))) {
          const wait = auth.limiter.fail(client);
          if (wait > 0) return tooMany(c, Math.ceil(wait / 1000));
          const text = 'Le mot de passe actuel est incorrect.';
          return c.html(
            renderDocument(<PasswordPage c={c} flash={{ kind: 'error', text }} />),
            401,
          );
        }
        const password = body.password;
        const problem = passwordProblem(password, body.confirm);
        if (problem)
          return c.html(
            renderDocument(<PasswordPage c={c} flash={{ kind: 'error', text: problem }} />),
            400,
          );
        await auth.changePassword(c.get('admin').idSha256, password);
        const text = 'Mot de passe changé. Les autres appareils sont déconnectés.';
        return c.html(renderDocument(<PasswordPage c={c} flash={{ kind: 'ok', text }} />));
      }),
    );
}
