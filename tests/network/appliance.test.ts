import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_UID, netnsUnavailable, sandboxFromUnit, startLab, type Lab } from './lab.js';
import { CLIENTS } from '../captive/http.js';

const unavailable = netnsUnavailable();
if (unavailable) {
  // A visible skip, not a pass: CI runs as root and must run these.
  console.warn(`[réseau] tests sautés : ${unavailable}`);
  if (process.env['CI']) throw new Error(`Les tests réseau doivent tourner en CI : ${unavailable}`);
}

let lab: Lab;

describe.skipIf(unavailable !== null)(
  'the appliance on its own network (namespaces: box and phone)',
  () => {
    beforeAll(async () => {
      lab = await startLab();
    }, 120_000);
    afterAll(async () => {
      await lab?.close();
    });

    /** curl from the phone: status, redirect target and body. */
    const curl = (url: string, userAgent: string, extra: string[] = []) => {
      const r = lab.phone('curl', [
        '-sS',
        '--max-time',
        '10',
        '-A',
        userAgent,
        '-w',
        '\n%{http_code} %{redirect_url}',
        ...extra,
        url,
      ]);
      expect(r.stderr).toBe('');
      const cut = r.stdout.lastIndexOf('\n');
      const [status = '', redirect = ''] = r.stdout.slice(cut + 1).split(' ');
      return { status: Number(status), redirect, body: r.stdout.slice(0, cut) };
    };

    it('gets its address, the box as DNS server and the captive-portal API (option 114) by DHCP', () => {
      expect(lab.lease['ip']).toMatch(/^10\.77\.\d+\.(\d+)$/);
      expect(lab.lease['dns']).toBe(lab.boxIp);
      expect(lab.lease['router']).toBe(lab.boxIp);
      const opt114 = Buffer.from(lab.lease['opt114'] ?? '', 'hex').toString('utf8');
      expect(opt114).toBe(`http://${lab.boxIp}/captive-portal/api`);
    });

    it('resolves every probe name, and any other name, to the box', () => {
      for (const name of [
        'connectivitycheck.gstatic.com',
        'captive.apple.com',
        'www.msftconnecttest.com',
        'lanterne.lan',
        'www.exemple.fr',
      ]) {
        const r = lab.phone('getent', ['ahostsv4', name]);
        expect(r.stdout.split(/\s+/)[0], name).toBe(lab.boxIp);
      }
      // Windows checks this one's answer before its HTTP probe.
      expect(lab.phone('getent', ['ahostsv4', 'dns.msftncsi.com']).stdout.split(/\s+/)[0]).toBe(
        '131.107.255.255',
      );
    });

    it('shows the welcome page to each OS, then answers "online" after "Entrer", then downloads a work intact', () => {
      const welcome = `http://${lab.boxIp}/bienvenue?captif=1`;
      const probes = [
        {
          url: 'http://connectivitycheck.gstatic.com/generate_204',
          ua: CLIENTS.android,
          status: 204,
          body: '',
        },
        { url: 'http://www.gstatic.com/generate_204', ua: CLIENTS.chrome, status: 204, body: '' },
        {
          url: 'http://captive.apple.com/hotspot-detect.html',
          ua: CLIENTS.apple,
          status: 200,
          body: '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>',
        },
        {
          url: 'http://www.msftconnecttest.com/connecttest.txt',
          ua: CLIENTS.windows,
          status: 200,
          body: 'Microsoft Connect Test',
        },
        {
          url: 'http://detectportal.firefox.com/success.txt',
          ua: CLIENTS.firefox,
          status: 200,
          body: 'success\n',
        },
      ];
      for (const p of probes) {
        const before = curl(p.url, p.ua.probe);
        expect(before.status, p.url).toBe(302);
        expect(before.redirect, p.url).toBe(welcome);
        const page = curl(before.redirect, p.ua.browser);
        expect(page.status).toBe(200);
        expect(page.body).toContain('Pour télécharger, ouvrez http://lanterne.lan');
        expect(page.body).toContain(lab.boxIp);
      }
      const api = JSON.parse(
        curl(`http://${lab.boxIp}/captive-portal/api`, CLIENTS.android.browser).body,
      ) as { captive: boolean };
      expect(api.captive).toBe(true);

      const enter = curl(`http://${lab.boxIp}/bienvenue/entrer`, CLIENTS.apple.browser, [
        '-X',
        'POST',
      ]);
      expect(enter.status).toBe(303);
      expect(enter.redirect).toBe(`http://${lab.boxIp}/`); // curl resolves the relative Location

      for (const p of probes) {
        const after = curl(p.url, p.ua.probe);
        expect(after.status, p.url).toBe(p.status);
        expect(after.body, p.url).toBe(p.body);
      }
      expect(
        (
          JSON.parse(
            curl(`http://${lab.boxIp}/captive-portal/api`, CLIENTS.android.browser).body,
          ) as { captive: boolean }
        ).captive,
      ).toBe(false);

      // By name, as the welcome page tells visitors to type it.
      const home = curl('http://lanterne.lan/', CLIENTS.android.browser);
      expect(home.status).toBe(200);

      const film = lab.works.find((w) => w.id === 'grand-film')?.files[0];
      expect(film).toBeDefined();
      const expected = createHash('sha256')
        .update(Buffer.from(film?.content ?? ''))
        .digest('hex');
      const url = `http://lanterne.lan/files/grand-film/0/grand-film.bin`;
      // An interrupted download (first megabyte), resumed with curl -C -, as a phone would.
      const part = `/tmp/${lab.phoneNs}-download.bin`;
      lab.phone('rm', ['-f', part]);
      expect(lab.phone('curl', ['-sS', '-f', '-r', '0-1048575', '-o', part, url]).status).toBe(0);
      expect(lab.phone('curl', ['-sS', '-f', '-C', '-', '-o', part, url]).status).toBe(0);
      const sum = lab.phone('sha256sum', [part]).stdout.split(' ')[0];
      lab.phone('rm', ['-f', part]);
      expect(sum).toBe(expected);
    });

    it('runs the server as the unit does: another user, one capability, no new privileges', () => {
      const status = readFileSync(`/proc/${lab.serverPid}/status`, 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? '';
      expect(field('Uid').split(/\s+/)[0]).toBe(String(SERVICE_UID));
      // CAP_NET_BIND_SERVICE is bit 10: 0x400, and nothing else.
      expect(BigInt(`0x${field('CapEff')}`)).toBe(0x400n);
      expect(BigInt(`0x${field('CapBnd')}`)).toBe(0x400n);
      expect(field('NoNewPrivs')).toBe('1');
    });

    it('binds a privileged port only through the capability the unit grants', () => {
      const listen81 =
        "require('node:net').createServer().on('error', (e) => { console.log(e.code); process.exit(3); })" +
        '.listen(81, () => process.exit(0))';
      const granted = lab.box('setpriv', [
        ...sandboxFromUnit(lab.serviceUnit),
        process.execPath,
        '-e',
        listen81,
      ]);
      expect(granted.stdout + granted.stderr).toBe('');
      expect(granted.status).toBe(0);
      const withoutCap = lab.serviceUnit.replace(/^AmbientCapabilities=.*$/m, '');
      const refused = lab.box('setpriv', [
        ...sandboxFromUnit(withoutCap),
        process.execPath,
        '-e',
        listen81,
      ]);
      expect(refused.stdout.trim()).toBe('EACCES');
    });

    it('stops cleanly on SIGTERM with its statistics saved, and keeps no visitor address in logs or data', async () => {
      const { code, signal, log } = await lab.stopServer();
      expect(log).toContain('Arrêt demandé (SIGTERM)');
      expect(signal).toBeNull();
      expect(code).toBe(0);
      expect(log).not.toContain(lab.lease['ip'] ?? '');
      // What the statistics counted reached the database before the process ended.
      const db = new Database(path.join(lab.dataDir, 'lanterne.db'), { readonly: true });
      try {
        const total = (metric: string) =>
          (
            db
              .prepare('SELECT coalesce(sum(value), 0) AS n FROM stats_daily WHERE metric = ?')
              .get(metric) as { n: number }
          ).n;
        expect(total('downloads')).toBeGreaterThan(0);
        expect(total('views')).toBeGreaterThan(0);
      } finally {
        db.close();
      }
      for (const file of readdirSync(lab.dataDir)) {
        const full = path.join(lab.dataDir, file);
        if (statSync(full).isFile())
          expect(readFileSync(full).includes(lab.lease['ip'] ?? ''), file).toBe(false);
      }
      for (const ua of Object.values(CLIENTS)) {
        expect(log).not.toContain(ua.probe);
        expect(log).not.toContain(ua.browser);
      }
    });
  },
);
