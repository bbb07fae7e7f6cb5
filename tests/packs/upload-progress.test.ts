import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usbService, type UsbService } from '../../src/server/packs/watch/service.js';
import { setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { launchBrowser, newPage } from '../helpers/browser.js';
import { rawZip } from './fixtures/packs.js';

let box: TestBox;
let url: string;
let browser: Browser;
let page: Page;
let service: UsbService;

beforeAll(async () => {
  box = makeTestBox();
  url = (await box.listen()).url;
  service = usbService(box.ctx);
  const { cookie } = await setUpAdmin(box, url);
  const [name = '', value = ''] = cookie.split('=');
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.context().addCookies([{ name, value, url }]);
});
afterAll(async () => {
  await browser?.close();
  await service?.idle();
  await box?.cleanup();
});

it('shows the progress of a slow upload, then the verdict under the file’s own name', async () => {
  const file = path.join(box.dir, 'photos.zip');
  writeFileSync(file, rawZip([{ name: 'x.bin', data: randomBytes(3_000_000) }]));
  await page.goto(`${url}/admin/packs`);
  // A slow Wi-Fi: about 600 kB/s up, so the upload lasts a few seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 600_000,
  });
  await page.getByLabel(/Fichier du pack/).setInputFiles(file);
  await page.getByRole('button', { name: 'Envoyer le pack' }).click();
  await page
    .locator('#upload-status')
    .filter({ hasText: /^Envoi : \d+ %/ })
    .waitFor();
  expect(await page.locator('#upload-progress').isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Envoyer le pack' }).isDisabled()).toBe(true);
  await page.waitForURL(/msg=uploaded/, { timeout: 25_000 });
  await service.idle();
  await page.goto(`${url}/admin/packs`);
  const card = (await page.locator('#pack-queue li').first().textContent()) ?? '';
  // A zip without a manifest: said so, under the name the animateur chose, not the box's.
  expect(card).toContain('photos.zip');
  expect(card).toContain('Cette archive .zip ne contient pas de fichier lanterne-pack.json');
  expect(card).not.toMatch(/[0-9a-f]{16}\.zip/);
}, 40_000);
