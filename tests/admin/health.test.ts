import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HealthService,
  countLeases,
  warningsFor,
  type Health,
} from '../../src/server/health/service.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from './http.js';

const GB = 1024 ** 3;

function sample(overrides: Partial<Omit<Health, 'warnings'>> = {}): Omit<Health, 'warnings'> {
  return {
    collectedAt: '2026-11-20T10:00:00.000Z',
    version: '0.1.0',
    node: 'v20',
    cpu: { temperatureC: 52, loadPercent: 10, load1: 0.2, cores: 4 },
    memory: { totalBytes: 4 * GB, availableBytes: 3 * GB },
    disks: [{ label: 'Données et packs', path: '/data', freeBytes: 20 * GB, totalBytes: 32 * GB }],
    systemUptimeSeconds: 100,
    appUptimeSeconds: 50,
    wifiClients: null,
    ...overrides,
  };
}

describe('plain warnings', () => {
  it('says nothing when all is well', () => {
    expect(warningsFor(sample())).toEqual([]);
  });

  it('warns when a disk is almost full, when it is hot, and when memory runs out', () => {
    const warnings = warningsFor(
      sample({
        cpu: { temperatureC: 83, loadPercent: 99, load1: 3.9, cores: 4 },
        memory: { totalBytes: 4 * GB, availableBytes: 0.2 * GB },
        disks: [
          { label: 'Données et packs', path: '/data', freeBytes: 0.5 * GB, totalBytes: 32 * GB },
        ],
      }),
    );
    expect(warnings.join('\n')).toContain('« Données et packs » est presque plein');
    expect(warnings.join('\n')).toContain('trop chaude');
    expect(warnings.join('\n')).toContain('mémoire est presque pleine');
    expect(
      warningsFor(sample({ cpu: { temperatureC: null, loadPercent: 100, load1: 9, cores: 4 } })),
    ).toEqual(['La boîte est très chargée : les pages peuvent être lentes un moment.']);
    expect(
      warningsFor(sample({ cpu: { temperatureC: 72, loadPercent: 1, load1: 0, cores: 4 } })),
    ).toEqual(['La boîte chauffe : vérifiez qu’elle est bien aérée.']);
  });
});

describe('Wi-Fi clients from the dnsmasq leases', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lanterne-health-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the leases that have not expired', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const future = Math.floor(now / 1000) + 3600;
    const past = Math.floor(now / 1000) - 60;
    const text = `${future} aa:bb:cc:dd:ee:01 10.3.141.51 phone-1 *\n${past} aa:bb:cc:dd:ee:02 10.3.141.52 * *\n0 aa:bb:cc:dd:ee:03 10.3.141.53 * *\n`;
    expect(countLeases(text, now)).toBe(2);
  });

  it('reads the leases file when `iw` cannot tell, and says "unknown" when nothing can', async () => {
    const leases = path.join(dir, 'dnsmasq.leases');
    const future = Math.floor(Date.now() / 1000) + 3600;
    writeFileSync(
      leases,
      `${future} aa:bb:cc:dd:ee:01 10.3.141.51 a *\n${future} aa:bb:cc:dd:ee:02 10.3.141.52 b *\n`,
    );
    const withLeases = new HealthService({
      appRoot: dir,
      disks: [],
      wifiInterface: 'lanterne-absent0',
      leaseFiles: [leases],
    });
    expect((await withLeases.current()).wifiClients).toEqual({
      count: 2,
      source: 'baux DHCP (dnsmasq)',
    });
    const without = new HealthService({
      appRoot: dir,
      disks: [],
      wifiInterface: 'lanterne-absent0',
      leaseFiles: [path.join(dir, 'none')],
    });
    expect((await without.current()).wifiClients).toBeNull();
  });
});

describe('the health page', () => {
  let box: TestBox;
  let base: string;
  beforeAll(async () => {
    box = makeTestBox();
    base = (await box.listen()).url;
  });
  afterAll(() => box.cleanup());

  it('shows the vital signs to a logged-in animateur', async () => {
    const { cookie } = await setUpAdmin(box, base);
    const page = await request(`${base}/admin/health`, { headers: { cookie } });
    expect(page.status).toBe(200);
    for (const label of [
      'Température du processeur',
      'Charge du processeur',
      'Mémoire disponible',
      'Espace libre : Données et packs',
      'Appareils connectés au Wi-Fi',
      'Version de Lanterne',
    ]) {
      expect(page.body).toContain(label);
    }
    const api = await request(`${base}/admin/health/api/status`, { headers: { cookie } });
    const health = JSON.parse(api.body) as Health;
    expect(health.version).toBe(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    );
    expect(health.disks[0]?.totalBytes).toBeGreaterThan(0);
    expect(health.memory.totalBytes).toBeGreaterThan(0);
  });
});
