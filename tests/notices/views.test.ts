import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import type { Notice } from '../../src/server/notices/format.js';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { installStarters, refOf, starterIds } from './helpers.js';
import { badgeOverlap, markerError, measureMarkers } from './measure.js';

const PHONE = {
  viewport: { width: 320, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
} as const;

let box: TestBox;
let server: RunningServer;
let browser: Browser;
const events: BoxEvent[] = [];

beforeAll(async () => {
  box = makeTestBox({ publicUrl: 'http://biblio.lan' });
  const { errors } = installStarters(box.ctx);
  expect(errors).toEqual([]);
  box.ctx.events.on((e) => events.push(e));
  server = await box.listen();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

function notice(id: string): Notice {
  const found = box.ctx.notices.get(id);
  if (!found) throw new Error(`missing ${id}`);
  return found.notice;
}

describe('e-notices on the phone (portal)', () => {
  it('lists every starter notice, in both languages, axe-clean', { timeout: 60_000 }, async () => {
    const page = await newPage(browser, PHONE);
    for (const prefix of ['', '/en']) {
      const res = await page.goto(`${server.url}${prefix}/notices`);
      expect(res?.status()).toBe(200);
      const links = await page
        .locator('.notice-list a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.sort()).toEqual(starterIds().map((id) => `${prefix}/notices/${id}`));
      expect(describeViolations(await axeViolations(page))).toBe('');
    }
    await page.context().close();
  });

  it('renders every starter notice with all its steps, markers where the data says, axe-clean', async () => {
    const page = await newPage(browser, PHONE);
    let measured = 0;
    let worst = 0;
    for (const id of starterIds()) {
      const n = notice(id);
      const res = await page.goto(`${server.url}/fr/notices/${id}`);
      expect(res?.status(), id).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(n.title);
      expect(await page.locator('.notice-step').count()).toBe(n.steps.length);
      // Every picture actually loads (served from the pack, checksum-verified at import).
      const pictures = await page
        .locator('svg.notice-picture image')
        .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('href') ?? ''));
      for (const src of pictures)
        expect((await page.request.get(`${server.url}${src}`)).status(), src).toBe(200);
      // Reflow at 320 CSS px (WCAG 1.4.10): no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
      const markers = await measureMarkers(page);
      expect(markers.length).toBe(n.steps.reduce((s, st) => s + st.markers.length, 0));
      for (const m of markers) {
        const err = markerError(m);
        worst = Math.max(worst, err);
        expect(err, `${id} picture ${m.picture} ${m.shape}`).toBeLessThan(0.015);
        // The badge sits beside the ring: it covers nothing of what the marker points at.
        if (m.shape !== 'arrow')
          expect(badgeOverlap(m), `${id} picture ${m.picture} badge`).toBeLessThan(0.5);
      }
      measured += markers.length;
      // The badge is the colour's sign, never a digit that reads as a step number.
      expect(await page.locator('.marker-badge text').count()).toBe(0);
      expect(await page.locator('.marker-badge path').count()).toBe(markers.length);
      // "…, entouré en rouge {1}." reads "…, entouré en rouge ●.": the sign after the word.
      const firstRef = page.locator('.step-action .ref').first();
      await expect.poll(() => firstRef.count()).toBe(1);
      expect(await firstRef.locator('svg.ref-sign').count()).toBe(1);
      const action = (await page.locator('.step-action').first().textContent()) ?? '';
      expect(action).toMatch(/(rouge|bleu|vert|orange|violet|noir)\s*\.$/);
      expect(action).not.toMatch(/\d/);
      // Nothing asks the phone to scan a code shown on the phone itself.
      expect(await page.locator('.qr').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain('Scannez');
      expect(describeViolations(await axeViolations(page)), id).toBe('');
    }
    expect(measured).toBeGreaterThan(50);
    console.log(
      `markers measured: ${measured}, worst gap ${(worst * 100).toFixed(2)} % of the picture`,
    );
    await page.context().close();
  }, 120_000);

  it(
    'prints a QR code that a reader decodes to the notice on the box',
    { timeout: 60_000 },
    async () => {
      const page = await newPage(browser, { viewport: { width: 1200, height: 900 } });
      await page.goto(`${server.url}/notices/appel-video/print`);
      const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-qr-'));
      try {
        const file = path.join(dir, 'qr.png');
        writeFileSync(file, await page.locator('.print-foot .qr svg').screenshot());
        const decoded = execFileSync('zbarimg', ['--quiet', '--raw', file], {
          encoding: 'utf8',
        }).trim();
        expect(decoded).toBe('http://biblio.lan/notices/appel-video');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await page.context().close();
    },
  );

  it(
    'takes feedback with three faces without JavaScript, counts it, keeps no cookie',
    { timeout: 60_000 },
    async () => {
      const page = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
      events.length = 0;
      await page.goto(`${server.url}/fr/notices/livre-audio`);
      expect(
        events.some(
          (e) => e.type === 'notice' && e.action === 'open' && e.noticeId === 'livre-audio',
        ),
      ).toBe(true);
      const faces = page.locator('.faces button');
      expect(await faces.count()).toBe(3);
      await page.getByRole('button', { name: 'Un peu' }).click();
      await page.waitForURL(/merci=1/);
      expect(page.url()).toContain('/fr/notices/livre-audio?merci=1');
      expect(await page.locator('.thanks').textContent()).toContain('Merci');
      expect(events).toContainEqual({
        type: 'notice-feedback',
        noticeId: 'livre-audio',
        face: 'neutral',
      });
      expect(box.ctx.notices.repo.feedbackCounts()).toEqual([
        { notice_id: 'livre-audio', face: 'neutral', count: 1 },
      ]);
      expect(await page.context().cookies()).toEqual([]);
      await page.context().close();
    },
  );

  it('refuses unknown faces and unknown notices', async () => {
    const bad = await fetch(`${server.url}/notices/livre-audio/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'face=super',
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/notices/inconnue`)).status).toBe(404);
    const alias = await fetch(`${server.url}/fr/notices/livre-audio?print=1`, {
      redirect: 'manual',
    });
    expect(alias.headers.get('location')).toBe('/fr/notices/livre-audio/print');
    expect((await fetch(`${server.url}/notices/livre-audio/pictures/99`)).status).toBe(404);
    expect(
      (await fetch(`${server.url}/notices/livre-audio/pictures/..%2f..%2fnotice.json`)).status,
    ).toBe(404);
  });

  it('serves SVG pictures sandboxed, and escapes notice text', async () => {
    const res = await fetch(`${server.url}/notices/wifi-de-la-boite/pictures/1`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');

    // A pack's notice with markup in its texts: shown as text, never run.
    const { packDir } = installStarters(box.ctx, 'piege', ['wifi-de-la-boite']);
    const file = path.join(packDir, 'notices/wifi-de-la-boite/notice.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      id: string;
      title: string;
      steps: Array<{ action: string }>;
    };
    json.id = 'piege';
    json.title = '<img src=x onerror=alert(1)>';
    if (json.steps[0]) json.steps[0].action = '<script>alert(2)</script> {1}';
    writeFileSync(file, JSON.stringify(json));
    const errors = box.ctx.notices.installPack('piege', packDir, {
      notices: [refOf(packDir, 'notices/wifi-de-la-boite/notice.json', 'piege')],
    });
    expect(errors).toEqual([]);
    try {
      const html = await (await fetch(`${server.url}/notices/piege`)).text();
      expect(html).toContain('&lt;img src=x onerror=alert(1)>');
      expect(html).toContain('&lt;script>alert(2)&lt;/script>');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script>alert');
      const api = (await (await fetch(`${server.url}/api/notices/piege`)).json()) as {
        notice: { title: string };
      };
      expect(api.notice.title).toBe('<img src=x onerror=alert(1)>');
    } finally {
      box.ctx.notices.repo.removePack('piege');
    }
  });
});

describe('e-notices on paper (print view)', () => {
  it("keeps a French notice's labels French whatever the browser's language", async () => {
    for (const url of ['/en/notices/wifi-de-la-boite/print', '/notices/wifi-de-la-boite/print']) {
      const res = await fetch(`${server.url}${url}`, {
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      const html = await res.text();
      expect(html, url).toContain('Astuce :');
      expect(html, url).toContain('Ce qu’il vous faut');
      expect(html, url).toContain('Revenir à cette notice');
      expect(html, url).not.toMatch(/>Tip|What you need|Come back to this guide/);
    }
    const fraud = await (
      await fetch(`${server.url}/en/notices/message-frauduleux/print`, {
        headers: { 'accept-language': 'en' },
      })
    ).text();
    expect(fraud).toContain('À retenir');
    expect(fraud).toContain('Résultat :');
  });

  it('renders every starter notice for A4 with QR code, address, licence and authors, axe-clean', async () => {
    const page = await newPage(browser, { viewport: { width: 794, height: 1123 } });
    for (const id of starterIds()) {
      const n = notice(id);
      await page.goto(`${server.url}/notices/${id}/print`);
      expect(await page.locator('.print-steps > .notice-step').count()).toBe(n.steps.length);
      const foot = await page.locator('.print-foot').textContent();
      expect(foot).toContain(`http://biblio.lan/notices/${id}`);
      expect(foot).toContain('CC-BY-SA-4.0');
      expect(foot).toContain('Projet Lanterne');
      await page.emulateMedia({ media: 'print' });
      // Body text of the handout is at least 14 pt (18.67 CSS px).
      const sizes = await page
        .locator('.step-action, .callout, .marker-legend li')
        .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18.6);
      // Every picture is at least 8 cm wide on paper (96 CSS px per inch: 302.4 px).
      const widths = await page
        .locator('.print-steps svg.notice-picture')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(widths.length).toBe(n.steps.length);
      expect(Math.min(...widths), id).toBeGreaterThanOrEqual(302);
      for (const m of await measureMarkers(page)) expect(markerError(m), id).toBeLessThan(0.015);
      await page.emulateMedia({ media: 'screen' });
      expect(describeViolations(await axeViolations(page)), id).toBe('');
    }
    await page.context().close();
  }, 120_000);
});
