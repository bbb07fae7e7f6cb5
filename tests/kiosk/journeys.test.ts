import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import { launchBrowser, newPage } from '../helpers/browser.js';
import {
  KIOSK_VIEW,
  makeTestBox,
  openKiosk,
  requireBuild,
  seed,
  tap,
  typeOnKeyboard,
  wakeUp,
} from './fixture.js';
import type { TestBox } from '../helpers/box.js';
import type { RunningServer } from '../../src/server/server.js';

describe('a visitor at the kiosk', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  const events: BoxEvent[] = [];
  const shots = mkdtempSync(path.join(tmpdir(), 'kiosk-qr-'));

  beforeAll(async () => {
    box = makeTestBox({ publicUrl: 'http://biblio.lan' });
    requireBuild(box);
    seed(box);
    box.ctx.events.on((e) => events.push(e));
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
    rmSync(shots, { recursive: true, force: true });
  });

  it('wakes with a touch that presses nothing underneath', async () => {
    const { page } = await openKiosk(browser, server.url);
    // The centre of the screen is where a tile appears: the waking touch must not open it.
    await page.touchscreen.tap(960, 700);
    await page.getByTestId('home').waitFor();
    await page.clock.runFor(600);
    expect(await page.getByTestId('home').isVisible()).toBe(true);
    expect(await page.getByTestId('browse').count()).toBe(0);
    expect(await page.getByTestId('search').count()).toBe(0);
    await page.context().close();
  });

  it('does one thing per press: a double tap on a tile does not also open what appears under it', async () => {
    const page = await newPage(browser, KIOSK_VIEW);
    await page.clock.install();
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('attract').waitFor();
    await wakeUp(page);
    await page.clock.runFor(1000);
    const tile = await page.getByTestId('tile-books').boundingBox();
    const x = tile!.x + 80;
    const y = tile!.y + 120;
    // Page time only moves when the test says so: the second tap comes 0.3 s after the
    // first however slow this machine is.
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.touchscreen.tap(x, y);
    for (let i = 0; i < 10 && !(await page.getByTestId('work-la-foret').isVisible()); i++) {
      await page.clock.runFor(30);
      await page.waitForTimeout(50);
    }
    await page.getByTestId('work-la-foret').waitFor();
    // The second tap of a double tap lands on the first card of the new screen.
    await page.touchscreen.tap(x, y);
    await page.clock.runFor(100);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('browse').isVisible()).toBe(true);
    expect(await page.getByTestId('work').count()).toBe(0);
    // A deliberate second press, later, works.
    await page.clock.runFor(1000);
    await page.touchscreen.tap(x, y);
    await page.clock.runFor(100);
    await page.getByTestId('work').waitFor();
    await page.context().close();
  });

  for (const typed of ['foret', 'forêt']) {
    it(`finds « La Forêt… » typing "${typed}" on the on-screen keyboard`, async () => {
      const { page } = await openKiosk(browser, server.url);
      await wakeUp(page);
      await tap(page, 'tile-search');
      await typeOnKeyboard(page, typed);
      await expect.poll(() => page.getByTestId('query').inputValue()).toBe(typed);
      await expect.poll(() => page.getByTestId('live-count').textContent()).toBe('1 résultat');
      // Typing is not counted as a search; pressing "Rechercher" is.
      const before = events.filter((e) => e.type === 'search').length;
      await page.clock.runFor(500);
      await tap(page, 'key-submit');
      await page.getByTestId('results').waitFor();
      await page.getByTestId('work-la-foret').waitFor();
      const searches = events.filter((e) => e.type === 'search');
      expect(searches.length).toBe(before + 1);
      expect(searches.at(-1)).toMatchObject({ surface: 'kiosk', query: typed, results: 1 });
      await page.context().close();
    });
  }

  it('corrects with backspace and clear, and keeps accents', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-search');
    await typeOnKeyboard(page, 'étéx');
    await tap(page, 'key-backspace');
    expect(await page.getByTestId('query').inputValue()).toBe('été');
    await tap(page, 'key-clear');
    expect(await page.getByTestId('query').inputValue()).toBe('');
    await page.context().close();
  });

  it('opens a work and offers it on the phone with a QR code to its portal page', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-books');
    await tap(page, 'work-la-foret');
    await page.getByTestId('work').waitFor();
    expect(await page.locator('h1').textContent()).toBe('La Forêt des contes');
    // The kiosk never hands out files.
    expect(await page.locator('a[href*="/files/"], a[download]').count()).toBe(0);
    await tap(page, 'take-away');
    const qr = page.locator('.qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toBe('http://biblio.lan/works/la-foret');
    expect(await page.getByTestId('portal-url').textContent()).toBe(
      'http://biblio.lan/works/la-foret',
    );
    expect(await page.locator('.take-away').textContent()).toContain('« Lanterne »');
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(400);
    // Decode what is actually drawn on the screen, as a phone would.
    const png = path.join(shots, 'qr.png');
    await qr.screenshot({ path: png });
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
    expect(decoded).toBe('http://biblio.lan/works/la-foret');
    await page.context().close();
  });

  it('reads plain text on the kiosk and plays audio with big controls', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-books');
    await tap(page, 'work-la-foret');
    await tap(page, 'open-player');
    await expect
      .poll(() => page.getByTestId('reader').textContent())
      .toContain('Il était une fois');
    await tap(page, 'go-home');
    await tap(page, 'tile-listen');
    await tap(page, 'work-chansons');
    await tap(page, 'open-player');
    await page.getByTestId('media-toggle').waitFor();
    await expect.poll(() => page.getByTestId('media-time').textContent()).toBe('0:00 / 0:02');
    await tap(page, 'media-forward');
    await expect
      .poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBe(2);
    await tap(page, 'media-back');
    await expect
      .poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBe(0);
    await tap(page, 'media-toggle');
    await expect
      .poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => !a.paused || a.ended))
      .toBe(true);
    expect(events.some((e) => e.type === 'play' && e.workId === 'chansons')).toBe(true);
    await page.context().close();
  });

  it('watches a video with the same big controls, and no browser controls', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-watch');
    await tap(page, 'work-film');
    await tap(page, 'open-player');
    const video = page.locator('video');
    await video.waitFor();
    expect(await video.getAttribute('controls')).toBeNull();
    await expect.poll(() => page.getByTestId('media-time').textContent()).toBe('0:00 / 0:02');
    await tap(page, 'media-toggle');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime > 0)).toBe(true);
    await tap(page, 'media-toggle');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(await page.getByTestId('media-toggle').getAttribute('aria-label')).toBe('Lecture');
    await page.context().close();
  });

  it('shows a picture full screen, found by searching its title', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-search');
    await typeOnKeyboard(page, 'mire');
    await page.clock.runFor(500);
    await tap(page, 'key-submit');
    await tap(page, 'work-photo');
    await tap(page, 'open-player');
    const img = page.locator('img.picture');
    await img.waitFor();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(640);
    expect((await img.boundingBox())!.width).toBeGreaterThan(640);
    await page.context().close();
  });

  it('goes nowhere else: external links, downloads, new windows, context menus', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    const links: Array<[string, string]> = [
      ['external', 'https://example.org/'],
      ['download', '/files/la-foret/1/la-foret.epub'],
      ['portal', '/'],
    ];
    for (const [id, href] of links) {
      await page.evaluate(
        ([id, href]) => {
          const a = document.createElement('a');
          a.href = href;
          a.id = id;
          a.textContent = id;
          a.style.cssText =
            'position:fixed;top:0;left:0;width:200px;height:200px;z-index:99;background:#fff';
          document.body.append(a);
        },
        [id, href] as const,
      );
      await page.locator(`#${id}`).tap();
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname, id).toBe('/kiosk/');
      await page.locator(`#${id}`).evaluate((a) => a.remove());
    }
    expect(await page.evaluate(() => window.open('https://example.org/'))).toBeNull();
    const prevented = await page.evaluate(() => {
      const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      return !document.body.dispatchEvent(e);
    });
    expect(prevented).toBe(true);
    const css = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      return {
        select: s.userSelect,
        touch: getComputedStyle(document.documentElement).touchAction,
      };
    });
    expect(css.select).toBe('none');
    expect(css.touch).toBe('pan-y');
    // Pinch zoom: `touch-action: pan-y` and the two-finger guard here, `--disable-pinch` in
    // Chromium's flags; the viewport stays zoomable in principle (axe's meta-viewport rule).
    const pinchBlocked = await page.evaluate(() => {
      const t = new Touch({ identifier: 1, target: document.body, clientX: 10, clientY: 10 });
      const u = new Touch({ identifier: 2, target: document.body, clientX: 90, clientY: 90 });
      const e = new TouchEvent('touchstart', { touches: [t, u], bubbles: true, cancelable: true });
      return !document.body.dispatchEvent(e);
    });
    expect(pinchBlocked).toBe(true);
    await page.context().close();
  });

  it('counts pages and the visit length, with no identifiers', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-infos');
    await page.getByTestId('infos').waitFor();
    await expect
      .poll(() =>
        events.some((e) => e.type === 'page' && e.surface === 'kiosk' && e.section === 'infos'),
      )
      .toBe(true);
    const sessions = events.filter((e) => e.type === 'kiosk-session').length;
    await tap(page, 'finish');
    await page.getByTestId('attract').waitFor();
    await expect
      .poll(() => events.filter((e) => e.type === 'kiosk-session').length)
      .toBe(sessions + 1);
    const session = events.filter((e) => e.type === 'kiosk-session').at(-1)!;
    expect(Object.keys(session).sort()).toEqual(['seconds', 'startedAt', 'type']);
    await page.context().close();
  });
});
