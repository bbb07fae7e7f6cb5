import { Hono } from 'hono';
import { expect, it } from 'vitest';
import type { AdminEnv } from '../../src/server/admin/env.js';

// Checked by the typecheck (`tsc`): an unused @ts-expect-error is an error there.
it("c.get('admin') type-checks only in admin sub-apps", async () => {
  const portal = new Hono().get('/', (c) => {
    // @ts-expect-error a portal sub-app has no admin session
    const admin: unknown = c.get('admin');
    return c.text(String(admin));
  });
  const admin = new Hono<AdminEnv>()
    .use(async (c, next) => {
      c.set('admin', { csrf: 'jeton' } as AdminEnv['Variables']['admin']);
      await next();
    })
    .get('/', (c) => c.text(c.get('admin').csrf));
  expect(await (await portal.request('/')).text()).toBe('undefined');
  expect(await (await admin.request('/')).text()).toBe('jeton');
});
