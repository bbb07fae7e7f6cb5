import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { setUpAdmin } from '../admin/http.js';
import { visit, visitor } from './traffic.js';

let box: TestBox;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // A box that woke up in 1970: no clock battery, no network.
  box = makeTestBox({}, { now: () => new Date(5_000) });
  base = (await box.listen()).url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

it('the overview page gives the box the browser’s time by itself, and the waiting events get dated', async () => {
  await visit(base, visitor(1), '/');
  await visit(base, visitor(2), '/browse');
  expect(box.ctx.stats.aggregator.undatedCount).toBe(2);

  const { cookie } = await setUpAdmin(box, base);
  const [name = '', value = ''] = cookie.split('=');
  // Without the admin script first: the health page lists the unknown clock as a warning (axe-clean).
  const still = await newPage(browser);
  try {
    await still.route(/\/static\/admin\.[0-9a-f]{10}\.js$/, (route) => route.abort());
    await still.context().addCookies([{ name, value, url: `${base}/admin` }]);
    await still.goto(`${base}/admin/health`);
    await expect(still.getByRole('alert').textContent()).resolves.toContain(
      "La boîte ne connaît pas l'heure",
    );
    const violations = await axeViolations(still);
    expect(violations, describeViolations(violations)).toEqual([]);
  } finally {
    await still.context().close();
  }
  expect(box.ctx.stats.clock.isSane()).toBe(false);

  const page = await newPage(browser);
  try {
    await page.context().addCookies([{ name, value, url: `${base}/admin` }]);
    await page.goto(`${base}/admin`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      "La boîte ne connaît pas l'heure",
    );
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await expect.poll(() => box.ctx.stats.clock.isSane(), { timeout: 10_000 }).toBe(true);
  } finally {
    await page.context().close();
  }
  const browserDay = new Date();
  const day = `${browserDay.getFullYear()}-${String(browserDay.getMonth() + 1).padStart(2, '0')}-${String(browserDay.getDate()).padStart(2, '0')}`;
  const rows = box.ctx.db
    .prepare("SELECT day, key, value FROM stats_daily WHERE metric = 'views' ORDER BY key")
    .all();
  expect(rows).toEqual([
    { day, key: 'portal:browse', value: 1 },
    { day, key: 'portal:home', value: 1 },
  ]);
}, 90_000);
