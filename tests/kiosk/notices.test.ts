import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { launchBrowser, newPage } from '../helpers/browser.js';
import { installStarters, starterIds } from '../notices/helpers.js';
import { KIOSK_VIEW, makeTestBox, requireBuild, tap, wakeUp } from './fixture.js';

describe('Apprendre: an e-notice followed on the kiosk', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    const ids = starterIds();
    if (ids.length === 0) throw new Error('no starter notice in content/notices');
    installStarters(box.ctx, 'demo', ids);
    id = ids[0]!;
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  it('lists the notices, follows one step by step to the end, and prints it in place', async () => {
    const page = await newPage(browser, KIOSK_VIEW);
    // Record print() calls in every frame (the print view loads in a hidden frame).
    await page.addInitScript(() => {
      window.print = () => {
        const top = window.top as Window & { __printed?: string[] };
        top.__printed = [...(top.__printed ?? []), location.pathname];
      };
    });
    await page.clock.install();
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('attract').waitFor();
    await wakeUp(page);
    await tap(page, 'tile-learn');
    await page.getByTestId('notices').waitFor();
    await page.getByTestId(`notice-${id}`).waitFor();
    expect(await page.locator('[data-testid^="notice-"]').count()).toBeGreaterThanOrEqual(
      starterIds().length,
    );
    await tap(page, `notice-${id}`);
    await page.getByTestId('step-of').waitFor();
    const total = Number((await page.getByTestId('step-of').textContent())!.match(/sur (\d+)/)![1]);
    expect(total).toBeGreaterThan(0);
    for (let i = 1; i < total; i++) {
      expect(await page.getByTestId('step-of').textContent()).toContain(`Étape ${i} sur ${total}`);
      await tap(page, 'step-next');
    }
    await page.getByTestId('notice-done').waitFor();
    expect(await page.getByTestId('step-of').textContent()).toContain(
      `Étape ${total} sur ${total}`,
    );

    await tap(page, 'notice-print');
    const frame = page.locator('iframe#kiosk-print');
    expect(await frame.getAttribute('src')).toBe(`/notices/${id}/print`);
    await expect
      .poll(() =>
        page.evaluate(() => (window as Window & { __printed?: string[] }).__printed ?? []),
      )
      .toEqual([`/notices/${id}/print`]);
    // The visitor is still on the kiosk, on the same step.
    expect(new URL(page.url()).pathname).toBe('/kiosk/');
    expect(await page.getByTestId('notice-done').isVisible()).toBe(true);

    await tap(page, 'notice-exit');
    await page.getByTestId('notices').waitFor();
    await page.context().close();
  });
});
