import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import { importPack } from '../../src/server/packs/import.js';
import { KIWIX, SAVOIRS, startSavoirs } from '../../src/server/savoirs/index.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { freePort, until, useFrenchZim } from './zim-fixture.js';
import { ZIM_BOOK, ZIM_WORK, writeZimPack } from './zim-pack.js';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
/** `SHOTS=/some/dir` keeps a screenshot of every page looked at, to look at them. */
const SHOTS = process.env['SHOTS'];
const PHONE = { width: 375, height: 740 };

describe('the encyclopaedias on the portal, in Chromium (real kiwix-serve)', () => {
  const fixture = useFrenchZim('lanterne-kiwix-browser-');
  let box: TestBox;
  let browser: Browser;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    box = makeTestBox({ contentDir: CONTENT, kiwixPort: await freePort() });
    expect(await loadBundledPack(box.ctx)).toMatchObject({ status: 'imported' });
    stop = await startSavoirs(box.ctx);
    const dir = path.join(box.dir, 'cle', 'encyclo');
    writeZimPack(dir, fixture.zim());
    expect((await importPack(box.ctx, { kind: 'folder', path: dir, origin: 'usb' })).status).toBe(
      'imported',
    );
    await box.ctx.services.get(SAVOIRS).settled();
    await until(async () =>
      (await box.app.request(`${ZIM_BOOK}/`)).status === 302 ? true : undefined,
    );
    base = (await box.listen()).url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await box?.cleanup();
  });

  const look = async (page: Page, url: string, name: string, js = true) => {
    const res = await page.goto(`${base}${url}`);
    // axe is a script: it runs on the pages with JavaScript on.
    if (js) {
      const violations = await axeViolations(page);
      expect(violations, `${url}\n${describeViolations(violations)}`).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow, `${url} is wider than the phone`).toBe(false);
    }
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    return res;
  };

  it('the work page opens the encyclopaedia, and search shows its articles apart (375 px, axe)', async () => {
    for (const js of [false, true]) {
      const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: js });
      await look(page, `/works/${ZIM_WORK}`, `work-${js ? 'js' : 'nojs'}`, js);
      await page.getByRole('link', { name: 'Ouvrir l’encyclopédie' }).click();
      await page.waitForURL(`**${ZIM_BOOK}/index.html`);
      expect(await page.locator('h1').first().textContent()).toBe('Mini encyclopédie');

      await look(page, '/search?q=lune', `search-${js ? 'js' : 'nojs'}`, js);
      const articles = page.getByTestId('articles');
      expect(await articles.getByRole('heading').textContent()).toBe('Articles des encyclopédies');
      await articles.getByRole('link', { name: 'Lune' }).click();
      await page.waitForURL(`**${ZIM_BOOK}/Lune.html`);
      expect(await page.content()).toContain('unique satellite naturel');
      await page.context().close();
    }
  }, 120_000);

  it('says so in French on the work page and under /savoirs when kiwix-serve is down (axe)', async () => {
    await box.ctx.services.get(KIWIX).stop();
    const page = await newPage(browser, { viewport: PHONE });
    await look(page, `/works/${ZIM_WORK}`, 'work-down');
    expect(await page.getByTestId('savoirs-down').textContent()).toContain(
      'momentanément indisponibles',
    );
    const res = await look(page, `${ZIM_BOOK}/Lune.html`, 'savoirs-down');
    expect(res?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe('Encyclopédies indisponibles');
    await look(page, '/search?q=lune', 'search-down');
    expect(await page.getByTestId('articles').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
