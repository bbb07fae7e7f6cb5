import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, request } from './http.js';

/**
 * The set-up path without a terminal, end to end, on a real server process started the
 * way systemd starts it (listening on every address): the animateur reads the code on the
 * kiosk screen (the kiosk connects from loopback), on a USB stick or on the HDMI console,
 * sets the password at /admin/setup, and the code is gone everywhere. A client that is
 * not the box itself (here: this machine's own network address, not loopback) never gets
 * the code through the kiosk API.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let child: ChildProcess;
let port = 0;
let log = '';
const media = () => path.join(dir, 'media');
const data = () => path.join(dir, 'data');
const stickFile = () => path.join(media(), 'CLE_USB', 'LANTERNE-CODE.txt');
const consoleFile = () => path.join(data(), 'setup-code.issue');

/** An address of this machine that is not loopback: a "phone" as the server sees it. */
function outsideAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

async function until<T>(what: string, get: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (child.exitCode !== null) throw new Error(`the server stopped\n${log}`);
    if (Date.now() > end) throw new Error(`${what}: not after ${ms} ms\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const kioskSetup = async (host: string, extra: Record<string, string> = {}) => {
  const reply = await request(`http://${host}:${port}/api/kiosk/setup`, {
    headers: { host: 'lanterne.lan', ...extra },
    localAddress: host,
  });
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as { code: string | null; setupUrl?: string; wifiName?: string };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lanterne-setup-'));
  mkdirSync(path.join(media(), 'CLE_USB'), { recursive: true });
  // A stick holds something: an empty folder under the media folder is not a stick.
  writeFileSync(path.join(media(), 'CLE_USB', 'photo.jpg'), 'x');
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      LANTERNE_DATA_DIR: data(),
      LANTERNE_CONTENT_DIR: path.join(dir, 'content'),
      LANTERNE_MEDIA_DIR: media(),
      LANTERNE_PORT: '0',
      LANTERNE_HOST: '0.0.0.0',
      LANTERNE_PUBLIC_URL: 'http://lanterne.lan',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  port = await until(
    'the kiosk line in the log',
    () => {
      const m = /Borne tactile : http:\/\/localhost:(\d+)\/kiosk\//.exec(log);
      return m ? Number(m[1]) : undefined;
    },
    60_000,
  );
}, 90_000);

afterAll(() => {
  child?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('set-up without a terminal', () => {
  let code = '';

  it('says in the first lines of the log where the kiosk and the admin area are', () => {
    const lines = log.split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes('Borne tactile'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(4);
    expect(lines[at]).toContain('espace animateur : http://lanterne.lan/admin');
  });

  it('shows the code to the kiosk the box runs (a loopback client)', async () => {
    const setup = await kioskSetup('127.0.0.1');
    expect(setup.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(setup.setupUrl).toBe('http://lanterne.lan/admin/setup');
    expect(setup.wifiName).toBe('Lanterne');
    code = setup.code ?? '';
    expect(log).toContain(code);
  });

  const outside = outsideAddress();
  it.skipIf(!outside)(
    'gives nothing to a client that is not the box, whatever it claims',
    async () => {
      const ip = outside ?? '';
      expect(await kioskSetup(ip)).toEqual({ code: null });
      expect(
        await kioskSetup(ip, {
          'x-forwarded-for': '127.0.0.1',
          'x-real-ip': '127.0.0.1',
          forwarded: 'for=127.0.0.1',
        }),
      ).toEqual({ code: null });
      // Nor does any page a phone can open show it.
      const page = await request(`http://${ip}:${port}/admin/setup`, {
        headers: { host: 'lanterne.lan' },
        localAddress: ip,
      });
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(code);
      expect(page.body.replace(/-/g, '')).not.toContain(code.replace(/-/g, ''));
    },
  );

  it('writes the code, with French instructions, on a USB stick and for the HDMI console', async () => {
    const onStick = await until('LANTERNE-CODE.txt on the stick', () =>
      existsSync(stickFile()) ? readFileSync(stickFile(), 'utf8') : undefined,
    );
    expect(onStick).toContain(`Code : ${code}`);
    expect(onStick).toContain('http://lanterne.lan/admin/setup');
    expect(onStick).toContain('Wi-Fi « Lanterne »');
    const onConsole = readFileSync(consoleFile(), 'utf8');
    expect(onConsole).toContain(code);
    expect(onConsole).not.toContain('\\');
  });

  it('sets the password at /admin/setup with that code; then the code is gone everywhere', async () => {
    const base = `http://127.0.0.1:${port}`;
    const reply = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code: code.toLowerCase(), password: PASSWORD, confirm: PASSWORD },
    });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/admin');
    expect(await kioskSetup('127.0.0.1')).toEqual({ code: null });
    expect(existsSync(stickFile())).toBe(false);
    expect(existsSync(consoleFile())).toBe(false);
    expect(existsSync(path.join(data(), 'setup-code.txt'))).toBe(false);
    // (A stick plugged in after this gets nothing: tests/admin/setup-outlets.test.ts looks
    // at it with tick(), without waiting for the real box's 3 s poll.)
    // And the used code no longer opens anything.
    const again = await request(`${base}/admin/setup`, {
      method: 'POST',
      headers: { origin: base },
      form: { code, password: 'un autre mot de passe', confirm: 'un autre mot de passe' },
    });
    expect(again.status).toBe(302);
    expect(again.headers.location).toBe('/admin/login');
  }, 20_000);
});
