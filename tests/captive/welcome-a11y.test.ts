import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { CLIENTS } from './http.js';

let box: TestBox;
let url: string;
let browser: Browser;

beforeAll(async () => {
  box = makeTestBox();
  addWorks(box.ctx, 'demo', [work('livre-un', 'Livre un')]);
  url = (await box.listen()).url.replace('localhost', '127.0.0.1');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

it('keeps the visitor on the name they used when "Entrer" redirects (CSP form-action)', async () => {
  const byName = url.replace('127.0.0.1', 'localhost');
  const page = await newPage(browser, { userAgent: CLIENTS.firefox.browser });
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  try {
    await page.goto(`${byName}/bienvenue`);
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.waitForURL(`${byName}/fr/`, { timeout: 10_000 });
    expect(blocked).toEqual([]);
  } finally {
    await page.context().close();
  }
});

it.each([
  ['fr', '/bienvenue?captif=1', CLIENTS.apple.browser],
  ['en', '/bienvenue?lang=en', CLIENTS.android.browser],
])(
  'welcome page (%s) has no axe violations and "Entrer" leads into the portal',
  async (lang, path, userAgent) => {
    const page = await newPage(browser, { userAgent, viewport: { width: 375, height: 700 } });
    try {
      await page.goto(`${url}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      const openLink = page.locator('.download a.button');
      expect(await openLink.getAttribute('href')).toBe(`${url}/`);
      await page.getByRole('button', { name: lang === 'fr' ? 'Entrer' : 'Enter' }).click();
      await page.waitForURL(`${url}/${lang}/`);
      const api = await page.request.get(`${url}/captive-portal/api`);
      expect(((await api.json()) as { captive: boolean }).captive).toBe(false);
    } finally {
      await page.context().close();
    }
  },
);
