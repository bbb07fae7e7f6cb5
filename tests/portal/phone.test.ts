import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
/** `SHOTS=/some/dir` keeps a screenshot of every page looked at, to look at them. */
const SHOTS = process.env['SHOTS'];

const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];
const DESKTOP = { width: 1280, height: 900 };

const PAGES = [
  '/',
  '/browse',
  '/browse?page=99999',
  '/search?q=livre',
  '/search?q=%F0%9F%99%82',
  '/works/lanterne-demo.bienvenue-sur-lanterne',
  '/works/lanterne-demo.la-lanterne-s-allume',
  '/about',
  '/en/notices',
  '/en/works/lanterne-demo.licence-libre',
];

/** The demo pack on a real server, looked at in Chromium as a phone and a desktop. */
describe('the portal on phones, with and without JavaScript', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    box = makeTestBox({ contentDir: CONTENT });
    expect(await loadBundledPack(box.ctx)).toMatchObject({ status: 'imported' });
    server = await box.listen();
    base = server.url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  it('shows search results first, the filters folded, one search box, the placeholder whole', async () => {
    for (const viewport of PHONES) {
      for (const js of [false, true]) {
        const page = await newPage(browser, { viewport, javaScriptEnabled: js });
        await page.goto(`${base}/search?q=livre`);
        const label = `${viewport.width}px ${js ? 'JS' : 'no JS'}`;
        // One search box on the page, holding the query.
        expect(
          await page.locator('input[type=search], input[name=q]:not([type=hidden])').count(),
          label,
        ).toBe(1);
        expect(await page.inputValue('#q'), label).toBe('livre');
        // The filters are one folded line; the first result is on the first screen.
        expect(await page.isVisible('details.filters-fold summary'), label).toBe(true);
        expect(await page.isVisible('#f-type'), label).toBe(false);
        const first = await page.locator('ul.cards li').first().boundingBox();
        expect(first, label).not.toBeNull();
        expect(first!.y, label).toBeLessThan(viewport.height * 0.75);
        await shot(page, `search-${viewport.width}-${js ? 'js' : 'nojs'}`);
        await page.click('details.filters-fold summary');
        expect(await page.isVisible('#f-type'), label).toBe(true);
        await page.context().close();
      }
      // The placeholder fits in the box (measured with the input's own font).
      const page = await newPage(browser, { viewport });
      await page.goto(`${base}/`);
      const fit = await page.$eval('#q', (input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: canvas.measureText(input.placeholder).width, room };
      });
      expect(fit.text, `${viewport.width}px placeholder`).toBeLessThanOrEqual(fit.room);
      await page.context().close();
    }
  });

  it('hides "Copier" without JavaScript and shows it with', async () => {
    for (const js of [false, true]) {
      const page = await newPage(browser, { viewport: PHONES[0]!, javaScriptEnabled: js });
      await page.goto(`${base}/works/lanterne-demo.bienvenue-sur-lanterne`);
      expect(await page.isVisible('button.copy'), js ? 'JS' : 'no JS').toBe(js);
      await page.context().close();
    }
  });

  it('has no axe-core violation and no sideways scrolling on the pages changed', async () => {
    for (const viewport of [...PHONES, DESKTOP]) {
      for (const js of [true, false]) {
        const page = await newPage(browser, { viewport, javaScriptEnabled: js });
        for (const p of PAGES) {
          const res = await page.goto(`${base}${p}`);
          expect(res?.status(), p).toBe(200);
          if (js) {
            const violations = await axeViolations(page);
            expect(
              violations,
              `${p} at ${viewport.width}px:\n${describeViolations(violations)}`,
            ).toEqual([]);
          }
          const wide = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          );
          expect(wide, `${p} at ${viewport.width}px scrolls sideways`).toBe(false);
          const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
          await shot(page, `${name}-${viewport.width}-${js ? 'js' : 'nojs'}`);
        }
        await page.context().close();
      }
    }
  }, 120_000);
});
