import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { launchBrowser } from '../helpers/browser.js';
import { kioskPage, requireBuild, tap, wakeUp } from '../kiosk/fixture.js';
import { SCREENS, ruleFor } from '../kiosk/screens.js';
import { REAL, addBooks, realEpub, tinyEpub } from './books.js';

/** `READER_SHOTS=/tmp/shots-reader npx vitest run tests/reader/kiosk.test.ts` keeps screenshots. */
const SHOTS = process.env['READER_SHOTS'];

function readerFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().includes('/lire/'));
}

async function openBook(page: Page, id: string): Promise<Frame> {
  await wakeUp(page);
  await tap(page, 'tile-books');
  await tap(page, `work-${id}`);
  await tap(page, 'open-player');
  await page.getByTestId('book-reader').waitFor();
  await expect.poll(() => readerFrame(page)?.url() ?? '', { timeout: 30_000 }).toContain('borne=1');
  const frame = readerFrame(page)!;
  await frame.waitForSelector('#reader.ready', { timeout: 30_000 });
  return frame;
}

describe('the EPUB reader on the kiosk', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    addBooks(box.ctx, {
      bierce: realEpub(REAL.bierce),
      lien: await tinyEpub(
        '<h1>Un lien</h1><p>Voir <a id="dehors" href="https://exemple.org/">ce site</a>.</p>',
      ),
    });
    box.ctx.settings.update({ kioskIdleSeconds: 3600 });
    server = await box.listen();
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  for (const screen of SCREENS.filter((s) => ['800x480', '1280x800'].includes(s.name))) {
    it(`${screen.name}: opens a real book with targets of the kiosk's size and no way out`, async () => {
      const page = await kioskPage(browser, server.url, {
        viewport: { width: screen.width, height: screen.height },
        hasTouch: true,
        isMobile: false,
      });
      const frame = await openBook(page, 'bierce');
      const chapter = () => page.frames().find((f) => f.url().startsWith('blob:'));
      await expect
        .poll(() => chapter()?.evaluate(() => document.body.innerText.length) ?? 0)
        .toBeGreaterThan(100);
      // Nothing in the reader leads anywhere: no link, no download.
      expect(await frame.locator('a[href]').count()).toBe(0);
      const { minTarget } = ruleFor(screen);
      const targets = await frame.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, label')]
          .filter((el) => el.getBoundingClientRect().width > 0)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return {
              name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
              w: r.width,
              h: r.height,
            };
          }),
      );
      expect(targets.length).toBeGreaterThanOrEqual(4);
      for (const t of targets) {
        expect(Math.min(t.w, t.h), `${t.name} ${t.w}×${t.h}`).toBeGreaterThanOrEqual(minTarget);
      }
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/kiosk-${screen.name}.png` });

      // Large print from the start, larger in large steps (25 % a press on the kiosk).
      expect(await frame.textContent('#size-value')).toBe('150 %');
      await frame.tap('#settings-button');
      const settingTargets = await frame.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#settings button, #settings label')].map(
          (el) => {
            const r = el.getBoundingClientRect();
            return Math.min(r.width, r.height);
          },
        ),
      );
      for (const side of settingTargets) expect(side).toBeGreaterThanOrEqual(minTarget);
      await frame.tap('[data-step="size"][data-by="1"]');
      expect(await frame.textContent('#size-value')).toBe('175 %');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/kiosk-${screen.name}-settings.png` });
      await page.context().close();
    }, 90_000);
  }

  it('keeps the visitor inside: a link to the Internet does nothing', async () => {
    const page = await kioskPage(browser, server.url, {
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
      isMobile: false,
    });
    const frame = await openBook(page, 'lien');
    const chapter = () => page.frames().find((f) => f.url().startsWith('blob:'));
    await expect
      .poll(() => chapter()?.evaluate(() => document.body.innerText) ?? '')
      .toContain('Un lien');
    await chapter()!.dispatchEvent('#dehors', 'click');
    await page.clock.runFor(1000);
    expect(frame.url()).toContain('/works/lien/lire/0?borne=1');
    expect(page.url()).toContain('/kiosk/');
    expect(
      page.frames().some((f) => f.url().includes('quitter') || f.url().includes('exemple')),
    ).toBe(false);
    await page.context().close();
  }, 90_000);
});
