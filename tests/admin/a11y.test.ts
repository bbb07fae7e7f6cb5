import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { PASSWORD } from './http.js';

let box: TestBox;
let url: string;
let browser: Browser;
let page: Page;

/** Every admin page without parameters that the app serves, mine and other features'. */
function adminPages(): string[] {
  const paths = box.app.routes
    .filter((r) => r.method === 'GET' && (r.path === '/admin' || r.path.startsWith('/admin/')))
    .map((r) => r.path.replace(/\/+$/, '') || '/admin')
    .filter(
      (p) =>
        !/[:*]/.test(p) &&
        !p.includes('/api/') &&
        !p.startsWith('/admin/static') &&
        !/\.(csv|json)$/.test(p),
    )
    .filter((p) => p !== '/admin/setup' && p !== '/admin/login');
  return [...new Set(paths)].sort();
}

async function expectNoViolations(label: string) {
  const violations = await axeViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}

beforeAll(async () => {
  box = makeTestBox();
  addWorks(box.ctx, 'demo', [work('livre-un', 'Livre un'), work('livre-deux', 'Livre deux')]);
  // A stick holds something (or is a mount point): an empty folder is not a stick
  // (sticks/list.ts, the same rule as the packs page).
  mkdirSync(path.join(box.ctx.config.mediaDir, 'CLE_USB'), { recursive: true });
  writeFileSync(path.join(box.ctx.config.mediaDir, 'CLE_USB', 'notes.txt'), 'notes\n');
  url = (await box.listen()).url;
  const client = { ip: '10.0.0.1', userAgent: 'Test' };
  for (let i = 0; i < 5; i++) box.ctx.events.emit({ type: 'download', workId: 'livre-un', client });
  box.ctx.events.emit({ type: 'notice', noticeId: 'envoyer-un-mail', action: 'open', client });
  box.ctx.events.emit({ type: 'kiosk-session', seconds: 120, startedAt: new Date() });
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

describe('the admin area in Chromium', () => {
  it('sets up the password through the browser form (real Origin header), then lands on the overview', async () => {
    await page.goto(`${url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/setup');
    await expectNoViolations('/admin/setup');
    const code = readFileSync(box.ctx.admin.setupCodeFile, 'utf8').trim();
    await page.getByLabel('Code de mise en service').fill(code);
    await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
    await page.getByLabel('Le même mot de passe, encore une fois').fill(PASSWORD);
    await page.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
    await page.waitForURL(`${url}/admin`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      "Vue d'ensemble",
    );
  });

  it('has no axe violations on any admin page, on a desktop and on a phone', async () => {
    const pages = adminPages();
    expect(pages).toEqual(
      expect.arrayContaining([
        '/admin',
        '/admin/settings',
        '/admin/stats',
        '/admin/health',
        '/admin/password',
      ]),
    );
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      await page.setViewportSize(viewport);
      for (const p of pages) {
        const response = await page.goto(`${url}${p}`);
        expect(response?.status(), p).toBe(200);
        await expectNoViolations(`${p} at ${viewport.width}px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('saves the settings through the form (CSRF field and Origin accepted)', async () => {
    await page.goto(`${url}/admin/settings`);
    await page.getByLabel('Nom de la bibliothèque').fill('Médiathèque du Port');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Réglages enregistrés');
    expect(box.ctx.settings.current().libraryName).toBe('Médiathèque du Port');
  });

  it('exports the statistics to a USB stick folder', async () => {
    await page.goto(`${url}/admin/stats?period=day`);
    await page.getByLabel('Clé USB').selectOption('CLE_USB');
    await page.getByRole('button', { name: 'Enregistrer sur la clé' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Enregistré sur la clé',
    );
    const day = new Date();
    const d = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const file = path.join(
      box.ctx.config.mediaDir,
      'CLE_USB',
      'lanterne-statistiques',
      `lanterne-statistiques-${d}_${d}.json`,
    );
    const data = JSON.parse(readFileSync(file, 'utf8')) as { totals: { downloads: number } };
    expect(data.totals.downloads).toBe(5);
  });

  it('logs out and in again; the login page is clean too', async () => {
    await page.getByRole('button', { name: 'Déconnexion' }).click();
    await page.waitForURL(`${url}/admin/login`);
    await expectNoViolations('/admin/login');
    await page.goto(`${url}/admin/health`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.getByLabel('Mot de passe animateur').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${url}/admin/health`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Santé du système',
    );
  });
});
