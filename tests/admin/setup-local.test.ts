import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../src/server/admin/setup/local.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request } from './http.js';

let box: TestBox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

describe('the set-up form', () => {
  it('keeps the typed code when the password is refused, and uses the box’s own messages', async () => {
    box = makeTestBox();
    const base = (await box.listen()).url;
    const code = box.ctx.admin.pendingSetupCode() ?? '';
    const page = await request(`${base}/admin/setup`);
    expect(page.body).toMatch(
      /<form class="stack" method="post" action="\/admin\/setup" novalidate/,
    );
    expect(page.body).toContain('LANTERNE-CODE.txt');
    const reply = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code, password: 'une lanterne dans la nuit', confirm: 'une autre phrase' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain(`value="${code}"`);
    expect(box.ctx.admin.isSetUp()).toBe(false);
  });
});

describe('who is the box itself', () => {
  it('takes 127.0.0.0/8, ::1 and their IPv4-mapped forms as loopback, nothing else', () => {
    for (const ip of ['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(ip), ip).toBe(true);
    for (const ip of [
      '',
      '10.3.141.52',
      '::ffff:10.3.141.52',
      '1270.0.0.1',
      '127.0.0.1.evil',
      'fe80::1',
      '::',
    ])
      expect(isLoopbackAddress(ip), ip).toBe(false);
  });

  it('gives no code to a request without a socket (no address is not the kiosk)', async () => {
    box = makeTestBox();
    box.ctx.admin.ensureSetupCode();
    const reply = await box.app.request('/api/kiosk/setup', { headers: { host: 'localhost' } });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ code: null });
  });
});
