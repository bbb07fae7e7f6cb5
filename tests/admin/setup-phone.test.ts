import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsUnavailable, startLab, type Lab } from '../network/lab.js';

/**
 * A phone on the box's Wi-Fi (its own network namespace, address by DHCP, names through
 * the box's dnsmasq; the server runs as the systemd unit would run it) cannot read the
 * set-up code through the kiosk API; the box itself (loopback) can.
 */
const unavailable = netnsUnavailable();
if (unavailable) console.warn(`[setup-phone] test sauté : ${unavailable}`);

let lab: Lab;

describe.skipIf(unavailable !== null)('the set-up code and a phone on the Wi-Fi', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 120_000);
  afterAll(async () => {
    await lab?.close();
  });

  const json = (r: { status: number | null; stdout: string; stderr: string }) => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { code: string | null };
  };

  it('gives the code to the box itself, and nothing to the phone', () => {
    const local = json(
      lab.box('curl', ['-sS', '--max-time', '10', `http://127.0.0.1/api/kiosk/setup`]),
    );
    expect(local.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    for (const url of [
      'http://lanterne.lan/api/kiosk/setup',
      `http://${lab.boxIp}/api/kiosk/setup`,
    ]) {
      const phone = json(
        lab.phone('curl', ['-sS', '--max-time', '10', '-H', 'X-Forwarded-For: 127.0.0.1', url]),
      );
      expect(phone, url).toEqual({ code: null });
    }
    const page = lab.phone('curl', ['-sS', '--max-time', '10', 'http://lanterne.lan/admin/setup']);
    expect(page.stdout).toContain('Mise en service de la boîte');
    expect(page.stdout).not.toContain(local.code ?? '');
  });
});
