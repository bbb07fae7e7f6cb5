import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import { listen, type RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { launchBrowser } from '../helpers/browser.js';
import { kioskPage, makeTestBox, requireBuild, seed, tap, wakeUp } from './fixture.js';

const IDLE_SECONDS = 5;

describe('the kiosk forgets each visitor and survives the box restarting', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  const events: BoxEvent[] = [];

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    seed(box);
    // The animateur's setting, short so the test does not wait two minutes.
    box.ctx.settings.update({ kioskIdleSeconds: IDLE_SECONDS });
    box.ctx.events.on((e) => events.push(e));
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  it('warns after the idle time, keeps the visit on "Je suis encore là", then resets everything', async () => {
    const page = await kioskPage(browser, server.url);
    await wakeUp(page);

    // Leave traces: settings, a search, a notice's progress kept by a component.
    await tap(page, 'settings');
    await tap(page, 'size-2');
    await tap(page, 'contrast-high');
    await tap(page, 'lang-en');
    await tap(page, 'settings-close');
    expect(await page.evaluate(() => document.documentElement.dataset['size'])).toBe('2');
    await tap(page, 'tile-search');
    for (const k of ['l', 'a']) await tap(page, `key-${k}`);
    expect(await page.getByTestId('query').inputValue()).toBe('la');
    await page.evaluate(() => {
      sessionStorage.setItem('notice-progress', '3');
      localStorage.setItem('left-behind', 'yes');
      window.scrollTo(0, 200);
    });

    // Quiet: the warning comes, with a countdown of at least 20 seconds.
    await page.clock.runFor((IDLE_SECONDS + 2) * 1000);
    await page.getByTestId('idle-warning').waitFor();
    const shown = Number(await page.getByTestId('countdown').textContent());
    expect(shown).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId('still-here').textContent()).toBe('I’m still here');
    const button = await page.getByTestId('still-here').boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(88);

    // "Je suis encore là": nothing is lost.
    await page.clock.runFor(5000);
    expect(Number(await page.getByTestId('countdown').textContent())).toBeLessThan(shown);
    await tap(page, 'still-here');
    await expect.poll(() => page.getByTestId('idle-warning').count()).toBe(0);
    expect(await page.getByTestId('query').inputValue()).toBe('la');

    // Quiet again, to the end of the countdown: the kiosk starts from scratch.
    const sessions = events.filter((e) => e.type === 'kiosk-session').length;
    await page.clock.runFor((IDLE_SECONDS + 2) * 1000);
    await page.getByTestId('idle-warning').waitFor();
    await page.clock.runFor(31_000);
    await page.getByTestId('attract').waitFor();
    await expect
      .poll(() => events.filter((e) => e.type === 'kiosk-session').length)
      .toBe(sessions + 1);

    const left = await page.evaluate(() => ({
      session: sessionStorage.length,
      local: localStorage.length,
      size: document.documentElement.dataset['size'] ?? '0',
      contrast: document.documentElement.dataset['contrast'] ?? 'normal',
      lang: document.documentElement.lang,
      scroll: window.scrollY,
      path: location.pathname,
      history: history.length,
    }));
    expect(left).toMatchObject({
      session: 0,
      local: 0,
      size: '0',
      contrast: 'normal',
      lang: 'fr',
      scroll: 0,
      path: '/kiosk/',
    });
    expect(await page.getByText('Touchez l’écran pour commencer').isVisible()).toBe(true);
    await wakeUp(page);
    await tap(page, 'tile-search');
    expect(await page.getByTestId('query').inputValue()).toBe('');
    expect(await page.getByTestId('go-back').textContent()).toContain('Retour');
    await page.context().close();
  });

  it('notices a lost connection with nobody touching, and comes back by itself', async () => {
    const page = await kioskPage(browser, server.url);
    await wakeUp(page);
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.clock.fastForward(11_000);
    await page.getByTestId('offline').waitFor();
    await page.unroute('**/api/**');
    await page.clock.fastForward(9_000);
    await page.getByTestId('offline').waitFor({ state: 'detached' });
    expect(await page.getByTestId('home').isVisible()).toBe(true);
    await page.context().close();
  });

  it('ends a visit cleanly even while the box is restarting (no browser error page)', async () => {
    const page = await kioskPage(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-search');
    // The as-you-type search for "la" must be answered before the box goes away: a request
    // cut by the restart rightly shows "Un instant…", which is not what this test is about.
    const searched = page.waitForResponse((r) => r.url().includes('/api/kiosk/works?live=1&q=la'));
    for (const k of ['l', 'a']) await tap(page, `key-${k}`);
    await searched;
    const port = server.port;
    await server.close();
    await tap(page, 'finish');
    // Forgotten at once, in place: welcome screen under "Un instant…", no reload into an error.
    await page.getByTestId('attract').waitFor();
    await page.getByTestId('offline').waitFor();
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/kiosk/');
    server = await listen(box.ctx, port, '127.0.0.1');
    // Back: the kiosk reloads from scratch by itself.
    await page.waitForEvent('load', { timeout: 20_000 });
    await page.getByTestId('attract').waitFor();
    expect(await page.getByTestId('offline').count()).toBe(0);
    await wakeUp(page);
    await tap(page, 'tile-search');
    expect(await page.getByTestId('query').inputValue()).toBe('');
    await page.context().close();
  }, 60_000); // A restart of the real server: slower when the machine is busy.

  it('shows "Un instant…" while the box restarts, then carries on by itself', async () => {
    const page = await kioskPage(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-books');
    await page.getByTestId('work-la-foret').waitFor();

    const port = server.port;
    await server.close();
    await tap(page, 'go-home');
    await tap(page, 'tile-listen');
    await page.getByTestId('offline').waitFor();
    expect(await page.getByTestId('offline').textContent()).toContain('Un instant…');

    const again = await listen(box.ctx, port, '127.0.0.1');
    try {
      await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 20_000 });
      // The screen the visitor asked for is there, without touching anything.
      await page.getByTestId('work-chansons').waitFor();
    } finally {
      await again.close();
    }
    await page.context().close();
  }, 60_000); // A restart of the real server: slower when the machine is busy.
});
