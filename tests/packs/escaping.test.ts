import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { launchBrowser, newPage } from '../helpers/browser.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { writePack } from './fixtures/packs.js';

/**
 * HTML and JavaScript in a pack's texts are accepted as plain text (a title may well
 * contain "<"), and the pages escape them: nothing from a pack ever runs.
 */
const TITLE = '<script>window.pwned=1;alert("titre")</script><img src=x onerror="window.pwned=2">';
const AUTHOR = '"><svg onload="window.pwned=3">';
let box: TestBox;
let src: string;
let browser: Browser;

beforeAll(async () => {
  box = makeTestBox();
  src = mkdtempSync(path.join(tmpdir(), 'lanterne-xss-'));
  writePack(
    path.join(src, 'p'),
    { items: [{ id: 'piege', title: TITLE, files: [{ path: 'piege.epub', content: 'x' }] }] },
    (m) => {
      const item = m.items[0] as Record<string, unknown>;
      item['authors'] = [{ name: AUTHOR, role: 'author' }];
      item['description'] = '<iframe src="javascript:window.pwned=4"></iframe> Une description.';
      item['attribution'] = '<a href="javascript:window.pwned=5">clic</a>';
      item['themes'] = ['<b>Thème</b>'];
    },
  );
  const outcome = await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(src, 'p'),
    origin: 'usb',
  });
  expect(outcome.status).toBe('imported');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box.cleanup();
  rmSync(src, { recursive: true, force: true });
});

it('stores the texts as they are and escapes them in the work page', async () => {
  expect(box.ctx.catalogue.repo.getWork('essai.piege')?.title).toBe(TITLE);
  const server = await box.listen();
  const html = await (await fetch(`${server.url}/works/essai.piege`)).text();
  expect(html).not.toContain('<script>window.pwned');
  expect(html).not.toContain('<svg onload');
  expect(html).not.toContain('<iframe src="javascript');
  expect(html).toContain('&lt;script>window.pwned=1;');

  const page = await newPage(browser);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const url of [
    '/works/essai.piege',
    '/',
    '/browse',
    `/search?q=${encodeURIComponent('script')}`,
  ]) {
    await page.goto(`${server.url}${url}`);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
  }
  await page.goto(`${server.url}/works/essai.piege`);
  // The visitor sees the title as text, characters included.
  expect(await page.locator('h1').first().textContent()).toContain('<script>window.pwned=1;');
  expect(dialogs).toEqual([]);
  await page.close();
});
