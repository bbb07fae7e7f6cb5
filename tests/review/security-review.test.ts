/**
 * Regression tests from the security review of 2026-11-22: each one showed a finding
 * (concurrent login guesses, unbounded request bodies, the kiosk page without its CSP,
 * the statistics export following links on a stick) and now guards its fix.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPeriod } from '../../src/server/stats/period.js';
import { buildReport } from '../../src/server/stats/report.js';
import { exportToStick } from '../../src/server/stats/usb.js';
import { PASSWORD, request, setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';

let box: TestBox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

describe('review: login rate limit', () => {
  it('does not let one client test many passwords at once by sending them concurrently', async () => {
    box = makeTestBox();
    const base = (await box.listen()).url;
    await setUpAdmin(box, base);
    // 30 guesses sent together from one address, the right password last. The limiter
    // allows 5 free failures, then backs off: the 30th guess must never be evaluated.
    const guesses = Array.from({ length: 30 }, (_, i) =>
      i === 29 ? PASSWORD : `mauvais mot ${i}`,
    );
    const replies = await Promise.all(
      guesses.map((password) =>
        request(`${base}/admin/login`, {
          method: 'POST',
          headers: { origin: base },
          form: { password, next: '/admin' },
          localAddress: '127.0.0.9',
        }),
      ),
    );
    const loggedIn = replies.filter((r) => r.status === 303).length;
    expect(loggedIn, 'the correct password, sent as guess no. 30, logged in').toBe(0);
  });
});

describe('review: request bodies', () => {
  it('refuses a huge anonymous POST to /admin/login instead of buffering it', async () => {
    box = makeTestBox();
    const base = (await box.listen()).url;
    await setUpAdmin(box, base);
    const reply = await request(`${base}/admin/login`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: `password=${'a'.repeat(32 * 1024 * 1024)}`,
      localAddress: '127.0.0.10',
    });
    expect(reply.status).toBe(413);
  });
});

describe('review: kiosk page', () => {
  it('serves /kiosk under the strict Content-Security-Policy like every other page', async () => {
    box = makeTestBox();
    if (!existsSync(path.join(box.ctx.paths.kioskDist, 'index.html'))) return; // kiosk not built
    const base = (await box.listen()).url;
    const reply = await request(`${base}/kiosk`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBeTruthy();
  });
});

describe('review: statistics export to a stick', () => {
  it('never follows a symlink planted on the stick (writes stay on the stick)', async () => {
    box = makeTestBox();
    const outside = mkdtempSync(path.join(tmpdir(), 'lanterne-review-victim-'));
    try {
      const victim = path.join(outside, 'precious.db');
      writeFileSync(victim, 'precious data\n');
      const period = readPeriod({ period: 'month', date: '2026-11-15' }, '2026-11-15');
      const stick = path.join(box.ctx.config.mediaDir, 'LANTERNE-EXPORT');
      mkdirSync(path.join(stick, 'lanterne-statistiques'), { recursive: true });
      writeFileSync(path.join(stick, 'readme.txt'), 'a stick\n');
      symlinkSync(
        victim,
        path.join(
          stick,
          'lanterne-statistiques',
          'lanterne-statistiques-2026-11-01_2026-11-30.csv',
        ),
      );
      try {
        await exportToStick(box.ctx.sticks, 'LANTERNE-EXPORT', buildReport(box.ctx, period));
      } catch {
        // Refusing the export is a fine answer too.
      }
      expect(readFileSync(victim, 'utf8')).toBe('precious data\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
