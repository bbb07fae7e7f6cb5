import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { CLIENTS, raw } from './http.js';

type Os = keyof typeof CLIENTS;
interface ProbeCase {
  host: string;
  path: string;
  status: number;
  body: string;
  /** The answer is right when the body contains this (Kindle reads a marker). */
  contains?: string;
  /** Headers the "online" answer must carry. */
  headers?: Record<string, string>;
}

// The "online" answers, written out here (not imported) so a wrong table fails the test.
const APPLE = '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>';
const FIREFOX =
  '<meta http-equiv="refresh" content="0;url=https://support.mozilla.org/kb/captive-portal"/>';
const KINDLE = '81ce4465-7167-4dcb-835b-dcc9e44c112a';
const NM = { 'x-networkmanager-status': 'online' };
const PROBES: Record<Os, ProbeCase[]> = {
  android: [
    { host: 'connectivitycheck.gstatic.com', path: '/generate_204', status: 204, body: '' },
    { host: 'www.google.com', path: '/gen_204', status: 204, body: '' },
    { host: 'play.googleapis.com', path: '/generate_204', status: 204, body: '' },
    { host: 'connectivitycheck.android.com', path: '/generate_204', status: 204, body: '' },
  ],
  chrome: [
    { host: 'www.gstatic.com', path: '/generate_204', status: 204, body: '' },
    { host: 'clients3.google.com', path: '/generate_204', status: 204, body: '' },
    { host: 'clients4.google.com', path: '/generate_204', status: 204, body: '' },
  ],
  apple: [
    { host: 'captive.apple.com', path: '/hotspot-detect.html', status: 200, body: APPLE },
    { host: 'captive.apple.com', path: '/library/test/success.html', status: 200, body: APPLE },
    { host: 'www.apple.com', path: '/library/test/success.html', status: 200, body: APPLE },
    // iOS before 9: a legacy host, sometimes with a random path.
    { host: 'www.airport.us', path: '/library/test/success.html', status: 200, body: APPLE },
    { host: 'www.thinkdifferent.us', path: '/Xq2kd9Lp/aB3dE.html', status: 200, body: APPLE },
    { host: 'www.ibook.info', path: '/', status: 200, body: APPLE },
    { host: 'www.itools.info', path: '/library/test/success.html', status: 200, body: APPLE },
    {
      host: 'www.appleiphonecell.com',
      path: '/library/test/success.html',
      status: 200,
      body: APPLE,
    },
  ],
  windows: [
    {
      host: 'www.msftconnecttest.com',
      path: '/connecttest.txt',
      status: 200,
      body: 'Microsoft Connect Test',
    },
    {
      host: 'ipv6.msftconnecttest.com',
      path: '/connecttest.txt',
      status: 200,
      body: 'Microsoft Connect Test',
    },
    { host: 'www.msftncsi.com', path: '/ncsi.txt', status: 200, body: 'Microsoft NCSI' },
  ],
  firefox: [
    { host: 'detectportal.firefox.com', path: '/canonical.html', status: 200, body: FIREFOX },
    { host: 'detectportal.firefox.com', path: '/success.txt', status: 200, body: 'success\n' },
  ],
  kindle: [
    {
      host: 'spectrum.s3.amazonaws.com',
      path: '/kindle-wifi/wifistub.html',
      status: 200,
      body: '',
      contains: KINDLE,
    },
    {
      host: 'spectrum.s3.amazonaws.com',
      path: '/kindle-wifi/wifistub-eink.html',
      status: 200,
      body: '',
      contains: KINDLE,
    },
  ],
  huawei: [
    {
      host: 'connectivitycheck.platform.hicloud.com',
      path: '/generate_204',
      status: 204,
      body: '',
    },
  ],
  xiaomi: [{ host: 'connect.rom.miui.com', path: '/generate_204', status: 204, body: '' }],
  samsung: [
    { host: 'connectivitycheck.samsung.com', path: '/generate_204', status: 204, body: '' },
    { host: 'connectivitycheck.gstatic.com', path: '/generate_204', status: 204, body: '' },
  ],
  gnome: [
    {
      host: 'nmcheck.gnome.org',
      path: '/check_network_status.txt',
      status: 200,
      body: 'NetworkManager is online\n',
      headers: NM,
    },
  ],
  ubuntu: [
    { host: 'connectivity-check.ubuntu.com', path: '/', status: 204, body: '', headers: NM },
  ],
};
/** Each OS is a different phone: its own loopback address. */
const PHONE_IP: Record<Os, string> = {
  android: '127.0.0.11',
  chrome: '127.0.0.12',
  apple: '127.0.0.13',
  windows: '127.0.0.14',
  firefox: '127.0.0.15',
  kindle: '127.0.0.16',
  huawei: '127.0.0.17',
  xiaomi: '127.0.0.18',
  samsung: '127.0.0.19',
  gnome: '127.0.0.30',
  ubuntu: '127.0.0.31',
};

let box: TestBox;
let port: number;
let now = Date.parse('2026-06-01T10:00:00Z');

beforeAll(async () => {
  box = makeTestBox(
    { library: { name: 'Médiathèque du Port', wifiName: 'Lanterne' } },
    { now: () => new Date(now) },
  );
  addWorks(box.ctx, 'demo', [
    work('livre-un', 'Livre un'),
    work('chanson', 'Chanson', { type: 'audio' }),
  ]);
  port = (await box.listen()).port;
});
afterAll(async () => {
  await box?.cleanup();
});

describe.each(Object.keys(PROBES) as Os[])('captive portal for %s', (os) => {
  const ip = PHONE_IP[os];
  const ua = CLIENTS[os];

  it('sends every probe to the welcome page, then answers "online" after "Entrer"', async () => {
    for (const probe of PROBES[os]) {
      const res = await raw({
        port,
        host: probe.host,
        path: probe.path,
        userAgent: ua.probe,
        localAddress: ip,
      });
      expect(res.status, `${probe.host}${probe.path}`).toBe(302);
      expect(res.headers['location']).toBe(`http://127.0.0.1:${port}/bienvenue?captif=1`);
    }
    const api = await raw({ port, path: '/captive-portal/api', localAddress: ip });
    expect(api.headers['content-type']).toBe('application/captive+json');
    expect(JSON.parse(api.body)).toMatchObject({
      captive: true,
      'user-portal-url': `http://127.0.0.1:${port}/bienvenue`,
    });

    const welcome = await raw({
      port,
      path: '/bienvenue?captif=1',
      userAgent: ua.browser,
      localAddress: ip,
    });
    expect(welcome.status).toBe(200);
    expect(welcome.body).toContain('Bienvenue sur Médiathèque du Port');
    expect(welcome.body).toContain('ne peut pas télécharger');
    expect(welcome.body).toContain('Pour télécharger, ouvrez http://lanterne.lan');
    expect(welcome.body).toContain(`127.0.0.1:${port}`);
    expect(welcome.body).toMatch(/<button type="submit" class="enter">Entrer<\/button>/);
    expect(welcome.body).toMatch(
      /<meta name="description" content="Vous êtes connecté au Wi-Fi de la boîte\.[^"]*…"\/>/,
    );

    const enter = await raw({
      port,
      method: 'POST',
      path: '/bienvenue/entrer?lang=fr',
      userAgent: ua.browser,
      localAddress: ip,
    });
    expect(enter.status).toBe(303);
    expect(enter.headers['location']).toBe('/fr/');

    for (const probe of PROBES[os]) {
      const res = await raw({
        port,
        host: probe.host,
        path: probe.path,
        userAgent: ua.probe,
        localAddress: ip,
      });
      const what = `${probe.host}${probe.path}`;
      expect(res.status, what).toBe(probe.status);
      if (probe.contains) {
        expect(res.body, what).toContain(probe.contains);
        expect(res.headers['content-type'], what).toMatch(/^text\/html/);
      } else expect(res.body, what).toBe(probe.body);
      for (const [name, value] of Object.entries(probe.headers ?? {}))
        expect(res.headers[name], `${what} ${name}`).toBe(value);
    }
    const after = JSON.parse(
      (await raw({ port, path: '/captive-portal/api', localAddress: ip })).body,
    ) as Record<string, unknown>;
    expect(after['captive']).toBe(false);
    expect(after['seconds-remaining']).toBeGreaterThan(0);
  });
});

describe('captive portal state and names', () => {
  it('keeps passes per client: another phone is still sent to the welcome page', async () => {
    await raw({ port, method: 'POST', path: '/bienvenue/entrer', localAddress: '127.0.0.21' });
    const passed = await raw({
      port,
      host: 'captive.apple.com',
      path: '/hotspot-detect.html',
      localAddress: '127.0.0.21',
    });
    const other = await raw({
      port,
      host: 'captive.apple.com',
      path: '/hotspot-detect.html',
      localAddress: '127.0.0.22',
    });
    expect(passed.status).toBe(200);
    expect(other.status).toBe(302);
  });

  it('forgets a pass after it expires', async () => {
    await raw({ port, method: 'POST', path: '/bienvenue/entrer', localAddress: '127.0.0.23' });
    const probe = {
      port,
      host: 'connectivitycheck.gstatic.com',
      path: '/generate_204',
      localAddress: '127.0.0.23',
    };
    expect((await raw(probe)).status).toBe(204);
    now += 13 * 60 * 60 * 1000;
    expect((await raw(probe)).status).toBe(302);
  });

  it('always opens the welcome page on the Windows sign-in link', async () => {
    await raw({ port, method: 'POST', path: '/bienvenue/entrer', localAddress: '127.0.0.24' });
    const res = await raw({
      port,
      host: 'www.msftconnecttest.com',
      path: '/redirect',
      localAddress: '127.0.0.24',
    });
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`http://127.0.0.1:${port}/bienvenue?captif=1`);
  });

  it('sends other sites to the welcome page, then to the portal once in', async () => {
    const ip = '127.0.0.25';
    const before = await raw({
      port,
      host: 'www.wikipedia.org',
      path: '/wiki/Lanterne',
      localAddress: ip,
    });
    expect(before.status).toBe(302);
    expect(before.headers['location']).toBe(`http://127.0.0.1:${port}/bienvenue`);
    await raw({ port, method: 'POST', path: '/bienvenue/entrer', localAddress: ip });
    const after = await raw({
      port,
      host: 'www.wikipedia.org:80',
      path: '/wiki/Lanterne',
      localAddress: ip,
    });
    expect(after.status).toBe(302);
    expect(after.headers['location']).toBe(`http://127.0.0.1:${port}/`);
  });

  it('serves the portal itself on the box names and its address', async () => {
    for (const host of ['lanterne.lan', 'LANTERNE.LOCAL.', 'localhost', `127.0.0.1:${port}`]) {
      const res = await raw({ port, host, path: '/', localAddress: '127.0.0.26' });
      expect(res.status, host).toBe(200);
    }
  });

  it('tells a real browser how to download without calling it a sign-in window', async () => {
    const res = await raw({
      port,
      path: '/bienvenue',
      userAgent: CLIENTS.firefox.browser,
      localAddress: '127.0.0.27',
    });
    expect(res.body).toContain('Pour télécharger, ouvrez http://lanterne.lan');
    expect(res.body).not.toContain('ne peut pas télécharger');
    const en = await raw({
      port,
      path: '/bienvenue',
      acceptLanguage: 'en-GB,en;q=0.9',
      localAddress: '127.0.0.27',
    });
    expect(en.body).toContain('To download, open http://lanterne.lan');
    expect(en.body).toContain('2 ');
  });

  it('counts a welcome page view for the statistics (in memory, through the event bus)', async () => {
    const sections: string[] = [];
    const off = box.ctx.events.on((e) => {
      if (e.type === 'page') sections.push(`${e.surface}:${e.section}`);
    });
    await raw({ port, path: '/bienvenue', localAddress: '127.0.0.28' });
    off();
    expect(sections).toEqual(['portal:welcome']);
  });

  it('never writes a visitor address to disk', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(box.dir);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const ip of [...Object.values(PHONE_IP), '127.0.0.21'])
        expect(text.includes(ip), file).toBe(false);
    }
  });
});
