import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { manifestSchema } from '../../src/server/packs/manifest.js';
import type { RunningServer } from '../../src/server/server.js';
import { setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { installStarters } from './helpers.js';
import { markerError, measureMarkers } from './measure.js';

let box: TestBox;
let server: RunningServer;
let browser: Browser;
let page: Page;
let work: string;

beforeAll(async () => {
  box = makeTestBox();
  installStarters(box.ctx, 'demo', ['wifi-de-la-boite']);
  server = await box.listen();
  const { cookie } = await setUpAdmin(box, server.url);
  const [name = '', value = ''] = cookie.split('=');
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.context().addCookies([{ name, value, url: server.url }]);
  work = mkdtempSync(path.join(tmpdir(), 'lanterne-editor-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the notice editor (admin area, real Chromium)', () => {
  it('creates a notice, takes a screenshot per step, places a marker by touching the picture, publishes it', async () => {
    await page.goto(`${server.url}/admin/notices`);
    expect(await page.locator('h1').textContent()).toBe('Notices');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.getByRole('link', { name: 'Écrire une nouvelle notice' }).click();
    await page.getByLabel('Titre de la notice').fill('Allumer la tablette');
    await page.getByRole('button', { name: 'Créer la notice' }).click();
    await page.waitForURL(/\/admin\/notices\/allumer-la-tablette\/edit/);
    // Not valid yet (no picture, no action): says why, not shown to visitors.
    expect(await page.locator('.warning').textContent()).toContain('Pas encore visible');
    expect((await fetch(`${server.url}/notices/allumer-la-tablette`)).status).toBe(404);

    // A real PNG (a screenshot) through the upload form; then a file that only claims to be one.
    const png = path.join(work, 'capture.png');
    writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } }));
    const fake = path.join(work, 'faux.png');
    writeFileSync(fake, '<script>alert(1)</script>');
    await page.locator('input[type=file][form="upload-1"]').setInputFiles(fake);
    await page.getByRole('button', { name: 'Envoyer l’image de l’étape 1' }).click();
    expect(await page.locator('.flash-error').textContent()).toContain('n’est pas une image');
    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/edit`);
    await page.locator('input[type=file][form="upload-1"]').setInputFiles(png);
    await page.getByRole('button', { name: 'Envoyer l’image de l’étape 1' }).click();
    await page.waitForURL(/ok=1/);
    const picture = page.locator('#etape-1 svg.notice-picture');
    await picture.waitFor();
    expect(await picture.getAttribute('viewBox')).toBe('0 0 400 300');

    // Touch the picture at 25 % / 50 %: a marker is placed there and saved.
    const bbox = await picture.boundingBox();
    if (!bbox) throw new Error('no picture box');
    await Promise.all([
      page.waitForNavigation(),
      picture.click({ position: { x: bbox.width * 0.25, y: bbox.height * 0.5 } }),
    ]);
    const x = Number(await page.locator('input[name="s1.m1.x"]').inputValue());
    const w = Number(await page.locator('input[name="s1.m1.w"]').inputValue());
    expect(Math.abs(x + w / 2 - 0.25)).toBeLessThan(0.01);
    for (const m of await measureMarkers(page, '#etape-1'))
      expect(markerError(m)).toBeLessThan(0.015);

    // FALC warnings show inline, without blocking the save.
    await page
      .locator('textarea[name="s1.action"]')
      .fill('Appuyez longtemps sur le bouton {1} qui se trouve sur le côté droit de la tablette.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('#etape-1 .falc-warnings').textContent()).toContain(
      'Phrase de 15 mots',
    );
    await page.locator('textarea[name="s1.action"]').fill('Appuyez sur le bouton du côté {1}.');
    await page.locator('input[name="s1.alt"]').fill('La tablette éteinte.');
    await page
      .locator('textarea[name="summary"]')
      .fill('Vous allumez la tablette de la bibliothèque.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('.falc-warnings').count()).toBe(0);

    // Valid now: visitors see it, with the marker where the animateur put it.
    expect(await page.locator('.warning').allTextContents()).toEqual([]);
    expect(describeViolations(await axeViolations(page))).toBe('');
    const visitor = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await visitor.goto(`${server.url}/notices/allumer-la-tablette`);
    expect(await visitor.locator('.notice-step').count()).toBe(1);
    const drawn = await measureMarkers(visitor);
    expect(drawn).toHaveLength(1);
    expect(Math.abs((drawn[0]?.drawn.x ?? 0) - x)).toBeLessThan(0.015);
    await visitor.context().close();
  }, 90_000);

  it('adds and reorders steps, previews as kiosk, exports a pack other boxes can read', async () => {
    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/edit`);
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.waitForURL(/ok=1/);
    await page.locator('textarea[name="s2.action"]').fill('Attendez le logo.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/ok=1/);
    await page.getByRole('button', { name: 'Monter l’étape 2' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('textarea[name="s1.action"]').inputValue()).toBe('Attendez le logo.');
    expect(await page.locator('textarea[name="s2.action"]').inputValue()).toBe(
      'Appuyez sur le bouton du côté {1}.',
    );
    // Step 1 has no picture now: the notice stops showing until it does; put it back.
    await page.getByRole('button', { name: 'Descendre l’étape 1' }).click();
    await page.waitForURL(/ok=1/);
    await page.getByRole('button', { name: 'Supprimer l’étape 2' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('.editor-step').count()).toBe(1);

    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/kiosk?step=1`);
    expect(await page.locator('h1').textContent()).toBe('Étape 1 sur 1');
    expect(describeViolations(await axeViolations(page))).toBe('');

    const res = await page.request.get(`${server.url}/admin/notices/export/notices-locales.zip`);
    expect(res.status()).toBe(200);
    const zip = path.join(work, 'export.zip');
    writeFileSync(zip, await res.body());
    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(listing[0]).toBe('lanterne-pack.json');
    expect(listing).toContain('notices/allumer-la-tablette/notice.json');
    expect(
      listing.some((f) => /^notices\/allumer-la-tablette\/image-[0-9a-f]+\.png$/.test(f)),
    ).toBe(true);
    const manifest = manifestSchema.parse(
      JSON.parse(execFileSync('unzip', ['-p', zip, 'lanterne-pack.json'], { encoding: 'utf8' })),
    );
    expect(manifest.notices.map((n) => n.id)).toEqual(['allumer-la-tablette']);
    // Named after the library: two libraries' exports never replace each other.
    expect(manifest.id).toBe('notices-lanterne');
    const noticeJson = execFileSync('unzip', [
      '-p',
      zip,
      'notices/allumer-la-tablette/notice.json',
    ]);
    expect(manifest.notices[0]?.size).toBe(noticeJson.length);

    // A second box imports the exported zip through the real pack import.
    const other = makeTestBox();
    try {
      const outcome = await importPack(other.ctx, { kind: 'zip', path: zip, origin: 'usb' });
      expect(outcome.status).toBe('imported');
      expect(other.ctx.notices.errors()).toEqual([]);
      expect(other.ctx.notices.get('allumer-la-tablette')?.notice.steps).toHaveLength(1);
      expect(
        (await other.app.request('/notices/allumer-la-tablette/pictures/1')).headers.get(
          'content-type',
        ),
      ).toBe('image/png');
    } finally {
      await other.cleanup();
    }
  }, 90_000);

  it('keeps the editor behind the admin login', async () => {
    const anonymous = await fetch(`${server.url}/admin/notices`, { redirect: 'manual' });
    expect([302, 303, 401]).toContain(anonymous.status);
    const post = await fetch(`${server.url}/admin/notices/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'title=Pirate',
    });
    expect(post.status).not.toBe(200);
    expect(box.ctx.notices.get('pirate')).toBeUndefined();
  });

  it('copies a notice from a pack into the box to adapt it', async () => {
    await page.goto(`${server.url}/admin/notices`);
    await page
      .getByRole('button', {
        name: 'Copier pour modifier : Se connecter au Wi-Fi de la bibliothèque',
      })
      .click();
    await page.waitForURL(/\/edit$/);
    const id = /\/admin\/notices\/([a-z0-9-]+)\/edit/.exec(page.url())?.[1] ?? '';
    expect(id).toBe('se-connecter-au-wi-fi-de-la-bibliotheque-copie');
    expect(await page.locator('.warning').count()).toBe(0);
    const copy = box.ctx.notices.get(id);
    expect(copy?.packId).toBe('notices-locales');
    expect(copy?.notice.steps).toHaveLength(4);
    expect((await fetch(`${server.url}/notices/${id}/pictures/4`)).status).toBe(200);
    expect(box.ctx.notices.get('wifi-de-la-boite')?.packId).toBe('demo');
  });

  it('deletes a notice of the box', async () => {
    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/edit`);
    await page.getByRole('button', { name: 'Supprimer cette notice' }).click();
    await page.waitForURL(/supprimee=1/);
    expect(box.ctx.notices.get('allumer-la-tablette')).toBeUndefined();
    expect(box.ctx.notices.get('wifi-de-la-boite')).toBeDefined();
  });
});
