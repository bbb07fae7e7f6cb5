import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { requireTool } from '../deploy/tools.js';
import { deviceIdOn, startNetBox, type NetBox } from './boxes.js';

const SHOTS = '/tmp/shots-syncthing';

describe.runIf(requireTool('syncthing'))('the network page in Chromium', () => {
  let net: NetBox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    net = await startNetBox();
    browser = await launchBrowser();
    page = await newPage(browser);
    const [name, value] = net.cookie.split('=');
    await page.context().addCookies([{ name: name ?? '', value: value ?? '', url: net.base }]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await net?.stop();
  });

  async function check(label: string) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: width === 375 ? 800 : 800 });
      const violations = await axeViolations(page);
      expect(violations, `${label} at ${width}px\n${describeViolations(violations)}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${label}-${width}.png`, fullPage: true });
    }
  }

  it('turns the network on, shows the id as text and QR, and refuses a bad id in French', async () => {
    await page.goto(`${net.base}/admin/reseau`);
    await check('reseau-off');
    await page.getByLabel(/Boîte coordinatrice/).check();
    await page.getByRole('button', { name: 'Activer le réseau' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Le réseau est activé.');
    const id = await deviceIdOn(net);
    await page.reload();
    await expect(page.locator('#device-id').textContent()).resolves.toBe(id);
    await expect(
      page
        .getByRole('img', { name: /Code QR/ })
        .locator('svg')
        .count(),
    ).resolves.toBe(1);
    await page.getByLabel('Identifiant de l’autre boîte').fill('ABCDEFG-HIJ');
    await page.getByLabel('Nom de cette boîte (facultatif)').fill('Médiathèque du port');
    await page.getByRole('button', { name: 'Ajouter cette boîte' }).click();
    await expect(page.locator('#deviceId-error').textContent()).resolves.toContain('56 lettres');
    await expect(page.getByLabel('Nom de cette boîte (facultatif)').inputValue()).resolves.toBe(
      'Médiathèque du port',
    );
    await check('reseau-erreur');
    await page
      .getByLabel('Identifiant de l’autre boîte')
      .fill('L4MXG6N-HEGRARR-UCEVEP2-LHPVKSH-N5R2MW3-5BAQA3X-UK764DY-3DG4MQY');
    await page.getByRole('button', { name: 'Ajouter cette boîte' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('La boîte est ajoutée');
    await expect(page.getByText(/L4MXG6N · pas connectée/).count()).resolves.toBe(1);
    await check('reseau-coordinatrice');
    await page.getByRole('link', { name: /statistiques de chaque boîte/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Statistiques du réseau',
    );
    await expect(page.getByRole('cell', { name: 'rien reçu encore' }).count()).resolves.toBe(1);
    await check('reseau-statistiques');
  }, 90_000);
});
