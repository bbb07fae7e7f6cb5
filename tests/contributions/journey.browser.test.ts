import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { setUpAdmin } from '../admin/http.js';
import { receiptHash } from '../../src/server/contributions/receipt.js';
import { CONTRIBUTIONS } from '../../src/server/contributions/service.js';
import { workUrl } from '../../src/server/files/urls.js';
import { exifTags, gpsJpeg, revealingTags } from './helpers.js';

const SCREENS = path.join(import.meta.dirname, '../../test-results/contributions');

let box: TestBox;
let url: string;
let browser: Browser;
let phone: Page;
let admin: Page;

async function clean(page: Page, label: string) {
  const violations = await axeViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

async function propose(
  fields: { title: string; author: string },
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  await phone.goto(`${url}/contribuer`);
  await phone.setInputFiles('#file', file);
  await phone.fill('#title', fields.title);
  await phone.fill('#author', fields.author);
  await phone.fill('#description', 'Proposée depuis un téléphone.');
  await phone.check('input[name=credit][value=name]');
  await phone.check('input[name=modify][value=same]');
  await phone.check('input[name=rights]');
  await phone.click('button[type=submit]:has-text("Envoyer")');
  const code = (await phone.textContent('.receipt-code'))?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  return code;
}

async function check(code: string) {
  await phone.goto(`${url}/contribuer/suivi`);
  await phone.fill('#code', code);
  await phone.click('button[type=submit]:has-text("Voir")');
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  box = makeTestBox();
  url = (await box.listen()).url.replace(/\/$/, '');
  const session = await setUpAdmin(box, url);
  browser = await launchBrowser();
  phone = await newPage(browser, { viewport: { width: 390, height: 844 } });
  admin = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const [name, value] = session.cookie.split('=');
  await admin.context().addCookies([{ name: name ?? '', value: value ?? '', url }]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

describe('everyone’s works, in Chromium', () => {
  it('shows clear French errors on an empty form, accessible at 390 px', async () => {
    await phone.goto(`${url}/contribuer`);
    await clean(phone, '/contribuer (390 px)');
    await shot(phone, 'propose-390');
    await phone.fill('#author', 'Zaza');
    await phone.click('button[type=submit]:has-text("Envoyer")');
    expect(await phone.textContent('#form-errors')).toContain('Donnez un titre');
    expect(await phone.inputValue('#author')).toBe('Zaza');
    await clean(phone, '/contribuer with errors');
    await shot(phone, 'propose-errors-390');
  });

  it('proposes a GPS-tagged photo, publishes it, and the downloaded photo has no metadata', async () => {
    const code = await propose(
      { title: 'Le lavoir au matin', author: 'Zaza' },
      { name: 'IMG_2044.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg(320, 240) },
    );
    await clean(phone, 'receipt (390 px)');
    await shot(phone, 'receipt-390');

    // Nothing public before a person checks it.
    const before = await fetch(`${url}/search?q=lavoir`);
    expect(await before.text()).not.toContain('Le lavoir au matin');

    await admin.goto(`${url}/admin/contributions`);
    await clean(admin, '/admin/contributions');
    const natural = await admin.$eval(
      'img.contribution-preview',
      (img) => (img as HTMLImageElement).naturalWidth,
    );
    expect(natural).toBeGreaterThan(0);
    await shot(admin, 'moderation-desktop');
    await admin.fill('input[name=author]', 'Zaza la photographe');
    await admin.click('button:has-text("Enregistrer la fiche")');
    await admin.waitForSelector('.flash');
    await admin.click('button:has-text("Publier dans le fonds local")');
    await admin.waitForSelector('.flash');
    expect(await admin.textContent('.flash')).toContain('publiée');

    const search = await (await fetch(`${url}/search?q=lavoir`)).text();
    expect(search).toContain('Le lavoir au matin');
    const opds = await (await fetch(`${url}/opds/search?q=lavoir`)).text();
    expect(opds).toContain('Le lavoir au matin');
    expect(opds).toMatch(/<rights>CC BY-SA 4\.0 — « Le lavoir au matin », Zaza la photographe/);

    const published = box.ctx.services.get(CONTRIBUTIONS).repo.byReceipt(receiptHash(code));
    expect(published?.status).toBe('published');
    const workPage = await (await fetch(`${url}${workUrl(published?.workId ?? '')}`)).text();
    const href = /href="(\/files\/[^"]+)"/.exec(workPage)?.[1];
    expect(href).toBeDefined();
    const download = await fetch(`${url}${href}`);
    expect(download.status).toBe(200);
    const local = path.join(box.dir, 'downloaded.jpg');
    writeFileSync(local, Buffer.from(await download.arrayBuffer()));
    const tags = exifTags(local);
    expect(tags['File:MIMEType']).toBe('image/jpeg');
    expect(revealingTags(tags)).toEqual([]);

    // A reader says merci, twice the same day: counted once.
    await phone.goto(`${url}${workUrl(published?.workId ?? '')}`);
    await clean(phone, 'work page with the merci button');
    await phone.click('button:has-text("Merci !")');
    expect(await phone.textContent('.thanks')).toContain('Merci envoyé');
    await phone.goto(`${url}${workUrl(published?.workId ?? '')}`);
    await phone.click('button:has-text("Merci !")');
    expect(await phone.textContent('.thanks')).toContain('déjà dit merci');
    await shot(phone, 'work-thanks-390');

    await check(code);
    expect(await phone.textContent('.found')).toContain('Publiée');
    expect(await phone.textContent('.found')).toContain('1 lecteur vous a dit merci');
    await admin.goto(`${url}/admin/stats`);
    const row = admin.locator('li.card', { hasText: 'merci » dits aux auteurs' });
    expect((await row.textContent())?.trim()).toMatch(/^1 /);
    await clean(phone, 'status published');
  });

  it('refuses a proposal with a reason that the receipt code shows', async () => {
    const code = await propose(
      { title: 'Mon poème', author: 'Z.' },
      {
        name: 'poeme.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Il pleut sur la ville <b>comme</b> dans mon cœur.\n'),
      },
    );
    await admin.goto(`${url}/admin/contributions`);
    expect(await admin.textContent('pre.contribution-text')).toContain('<b>comme</b>');
    await admin.fill(
      'textarea[name=reason]',
      'Ce texte est celui de Verlaine : proposez un texte à vous.',
    );
    await admin.click('button:has-text("Refuser")');
    await admin.waitForSelector('.flash');
    await check(code);
    const found = await phone.textContent('.found');
    expect(found).toContain('Refusée');
    expect(found).toContain('celui de Verlaine');
    await clean(phone, 'status refused (390 px)');
    await shot(phone, 'status-refused-390');
    await phone.setViewportSize({ width: 1280, height: 900 });
    await phone.goto(`${url}/contribuer`);
    await clean(phone, '/contribuer (desktop)');
    await shot(phone, 'propose-desktop');
    expect(box.ctx.services.get(CONTRIBUTIONS).waiting()).toEqual([]);
  });
  it('sends the file in pieces and resumes after the connection drops (tus, real browser)', async () => {
    // The first piece is lost on the way, as on weak Wi-Fi: the page asks the box where it
    // stopped and goes on; the visitor only sees "on reprend…" then the receipt.
    let cut = 0;
    await phone.route('**/contribuer/envoi/*', async (route) => {
      if (route.request().method() === 'PATCH' && cut === 0) {
        cut += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const before = box.ctx.services.get(CONTRIBUTIONS).waiting().length;
    const code = await propose(
      { title: 'La rivière', author: 'Zaza' },
      { name: 'riviere.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg(900, 700) },
    );
    await phone.unroute('**/contribuer/envoi/*');
    expect(cut).toBe(1);
    expect(code).not.toBe('');
    const waiting = box.ctx.services.get(CONTRIBUTIONS).waiting();
    expect(waiting).toHaveLength(before + 1);
    const stored = box.ctx.services.get(CONTRIBUTIONS).fileOf(waiting[waiting.length - 1]!);
    expect(revealingTags(exifTags(stored))).toEqual([]);
  });
});
