import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { PASSWORD } from './http.js';

/**
 * The pages this work changed, in Chromium at 390 px and on a desktop, with axe-core:
 * the kiosk's set-up code, /admin/setup, the settings errors, the statistics and the
 * packs page. Screenshots land in $LANTERNE_SHOTS (default: a temp folder) to look at.
 * Needs the kiosk built (`npm run build:kiosk`).
 */
const SHOTS = process.env['LANTERNE_SHOTS'] ?? path.join(tmpdir(), 'lanterne-admin-shots');
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

let box: TestBox;
let url: string;
let browser: Browser;
let admin: Page;
let kiosk: Page;

async function check(page: Page, label: string) {
  const violations = await axeViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `${label}.png`), fullPage: true });
}

async function everySize(p: string, label: string, prepare?: () => Promise<void>) {
  for (const size of SIZES) {
    await admin.setViewportSize(size);
    await admin.goto(`${url}${p}`);
    await prepare?.();
    await check(admin, `${label}-${size.name}`);
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  box = makeTestBox();
  addWorks(box.ctx, 'demo', [
    work('marque', 'Une œuvre marquée', { licence: 'PDM-1.0', attribution: 'Domaine public' }),
  ]);
  url = (await box.listen()).url;
  box.ctx.admin.ensureSetupCode();
  const client = { ip: '10.0.0.1', userAgent: 'Test' };
  box.ctx.events.emit({ type: 'notice', noticeId: 'envoyer-un-mail', action: 'open', client });
  box.ctx.events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'yes' });
  box.ctx.events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'neutral' });
  browser = await launchBrowser();
  admin = await newPage(browser);
  kiosk = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
});
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

describe('set-up without a terminal, in Chromium', () => {
  let code = '';

  it('shows the code at the bottom of the kiosk welcome screen (the kiosk is loopback)', async () => {
    await kiosk.goto(`${url}/kiosk/`);
    const banner = kiosk.getByTestId('setup-code');
    await banner.waitFor();
    code = box.ctx.admin.pendingSetupCode() ?? '';
    await expect(banner.textContent()).resolves.toContain(code);
    await expect(banner.textContent()).resolves.toContain('/admin/setup');
    await check(kiosk, 'kiosk-setup-code');
  });

  it('explains on /admin/setup where to find the code, then takes it', async () => {
    await everySize('/admin/setup', 'admin-setup');
    await admin.getByLabel('Code de mise en service').fill(code);
    await admin.getByLabel('Nouveau mot de passe').fill(PASSWORD);
    await admin.getByLabel('Le même mot de passe, encore une fois').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
    await admin.waitForURL(`${url}/admin`);
  });

  it('takes the code off the kiosk screen once the password is set', async () => {
    await kiosk.getByTestId('setup-code').waitFor({ state: 'detached', timeout: 15_000 });
    await kiosk.screenshot({ path: path.join(SHOTS, 'kiosk-after-setup.png') });
  });
});

describe('the changed admin pages, at 390 px and on a desktop', () => {
  it('settings: the box’s own errors next to the fields, what was typed kept', async () => {
    await everySize('/admin/settings', 'admin-settings-errors', async () => {
      await admin.getByLabel('Nom de la bibliothèque').fill('');
      await admin.getByLabel(/Mise en veille de la borne/).fill('deux minutes');
      await admin.getByRole('button', { name: 'Enregistrer' }).click();
      await admin.getByRole('alert').waitFor();
    });
    expect(await admin.getByLabel(/Mise en veille de la borne/).inputValue()).toBe('deux minutes');
    const described = await admin
      .getByLabel('Nom de la bibliothèque')
      .getAttribute('aria-describedby');
    expect(described).toBe('libraryName-error');
  });

  it('statistics: period buttons, dates in words, faces drawn', async () => {
    await everySize('/admin/stats', 'admin-stats', async () => {
      await admin.getByText('Choisir des dates').click();
    });
    await admin.screenshot({ path: path.join(SHOTS, 'admin-stats-desktop-top.png') });
    await admin.setViewportSize(SIZES[0]);
    await admin.screenshot({ path: path.join(SHOTS, 'admin-stats-phone-top.png') });
    await admin.getByRole('link', { name: 'Le mois dernier' }).click();
    await expect(
      admin.getByRole('link', { name: 'Le mois dernier' }).getAttribute('aria-current'),
    ).resolves.toBe('true');
  });

  it('packs: trusted keys in plain words, the command folded', async () => {
    await everySize('/admin/packs', 'admin-packs', async () => {
      await admin.getByText('Pour un technicien : créer une clé').click();
    });
  });

  it('a work under the Public Domain Mark says what it means', async () => {
    await admin.setViewportSize(SIZES[0]);
    await admin.goto(`${url}/works/marque`);
    await expect(admin.locator('main').textContent()).resolves.toContain(
      "«\u00a0Public Domain Mark 1.0\u00a0» n'est pas une licence",
    );
    await admin.screenshot({ path: path.join(SHOTS, 'work-pdm-phone.png'), fullPage: true });
  });
});
