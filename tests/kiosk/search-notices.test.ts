import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { launchBrowser } from '../helpers/browser.js';
import { installStarters } from '../notices/helpers.js';
import { makeTestBox, openKiosk, requireBuild, seed, tap, wakeUp } from './fixture.js';

/** Searching at the kiosk finds e-notices too, shown as such, and opens them. */
describe('kiosk search over works and e-notices', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    seed(box);
    installStarters(box.ctx, 'demo');
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  it('finds the Wi-Fi notice typing "wifi", labels it, and opens it step by step', async () => {
    const { page } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-search');
    for (const ch of 'wifi') await tap(page, `key-${ch}`);
    await expect.poll(() => page.getByTestId('query').inputValue()).toBe('wifi');
    await tap(page, 'key-submit');
    await page.getByTestId('results').waitFor();
    const card = page.getByTestId('notice-result-wifi-de-la-boite');
    await card.waitFor();
    expect(await card.textContent()).toContain('Notice pas à pas');
    const shots = process.env['SHOTS'];
    if (shots) await page.screenshot({ path: `${shots}/kiosk-results-wifi.png` });
    await tap(page, 'notice-result-wifi-de-la-boite');
    await page.getByTestId('step-of').waitFor();
    expect(await page.getByTestId('step-of').textContent()).toContain('Étape 1 sur');
    await page.context().close();
  });
});
