import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { appRoot } from '../../src/server/paths.js';
import { setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };

let browser: Browser;
let box: TestBox;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
afterEach(async () => box?.cleanup());

/** A fresh box with the demo pack (three parcours), listening on a free port. */
async function demoBox(): Promise<string> {
  box = makeTestBox();
  const outcome = await importPack(box.ctx, {
    kind: 'folder',
    path: path.join(appRoot(), 'content'),
    origin: 'bundled',
  });
  expect(outcome.status).toBe('imported');
  return (await box.listen()).url;
}

async function phone(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await newPage(browser, { ...PHONE, ...options });
  page.context().setDefaultTimeout(8000);
  return page;
}

async function clean(page: Page, label: string) {
  const violations = await axeViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}

/** Every request the page sends that could carry an answer to the box. */
function posts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.method() !== 'HEAD') seen.push(`${r.method()} ${r.url()}`);
  });
  return seen;
}

it('passes axe on the list, every parcours, every step and a feedback, at 375 px', async () => {
  const url = await demoBox();
  const page = await phone();
  const ids = ['premiers-pas', 'echanger-avec-ses-proches', 'se-proteger-en-ligne'];
  const paths = ['/fr/', '/fr/apprendre', '/en/apprendre', '/fr/apprendre/code?c=ABCD'];
  for (const id of ids) {
    paths.push(`/fr/apprendre/${id}`);
    const steps = await (await fetch(`${url}/fr/apprendre/${id}`)).text();
    const n = (steps.match(/<li data-step=/g) ?? []).length;
    expect(n, id).toBeGreaterThanOrEqual(5);
    for (let i = 1; i <= n; i += 1) paths.push(`/fr/apprendre/${id}/etapes/${i}`);
  }
  for (const p of paths) {
    const res = await page.goto(`${url}${p}`);
    expect(res?.status(), p).toBe(p.includes('code?') ? 400 : 200);
    await clean(page, p);
  }
  // A feedback shown, with its hint.
  await page.goto(`${url}/fr/apprendre/premiers-pas/etapes/5`);
  await page.getByRole('button', { name: 'Un casque' }).click();
  await expect.poll(() => page.locator('[data-hint]').isVisible()).toBe(true);
  await clean(page, 'feedback');
  // Nothing wider than the phone.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(375);
}, 180_000);

it('with JavaScript: a wrong tap then the right one, checked on the phone, nothing sent; progress kept on the phone and carried by its code to another phone', async () => {
  const url = await demoBox();
  const page = await phone();
  const sent = posts(page);
  await page.goto(`${url}/fr/apprendre/premiers-pas/etapes/2`);
  await page.getByRole('button', { name: 'Cafe-Gratuit' }).tap();
  const main = page.locator('[data-main]');
  await expect.poll(() => main.textContent()).toContain('Pas tout à fait');
  expect(await page.locator('[data-hint]').textContent()).toContain('Cherchez le mot Lanterne');
  expect(await page.locator('[data-detail]').textContent()).toContain('celui d’un café');
  expect(await page.locator('[data-next]').isVisible()).toBe(false);
  await page.getByRole('button', { name: /^Lanterne/ }).tap();
  await expect.poll(() => main.textContent()).toContain('Bravo');
  expect(await page.locator('[data-hint]').isVisible()).toBe(false);
  expect(await page.locator('[data-next] a').textContent()).toBe('Étape suivante');
  // A word: a capital missing, then right.
  await page.goto(`${url}/fr/apprendre/premiers-pas/etapes/4`);
  await page.getByLabel('Le mot à écrire').fill('médiathèque');
  await page.getByRole('button', { name: 'Vérifier' }).tap();
  await expect.poll(() => main.textContent()).toContain('majuscules');
  await page.getByLabel('Le mot à écrire').fill('Médiathèque');
  await page.getByLabel('Le mot à écrire').press('Enter');
  await expect.poll(() => main.textContent()).toContain('Bravo');
  expect(sent).toEqual([]);

  // The parcours page shows what this phone did, after a reload too.
  await page.goto(`${url}/fr/apprendre/premiers-pas`);
  await page.reload();
  const state = (n: number) => page.locator(`li[data-step="${n}"] [data-state]`).textContent();
  await expect.poll(() => state(2)).toBe('Fait');
  expect(await state(4)).toBe('Fait');
  expect(await state(1)).toBe('À faire');
  const code = (await page.locator('[data-code]').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);

  // The booklet is made from that code: what is done, the code, its QR code, one A4 page.
  await page.getByRole('link', { name: 'Imprimer mon carnet' }).tap();
  await page.waitForURL(/\/carnet\?progres=/);
  expect(await page.locator('.progress-code').textContent()).toBe(code);
  expect(await page.locator('.carnet-steps li.is-done').count()).toBe(2);
  expect(await page.locator('.carnet-qr svg').count()).toBe(1);
  await clean(page, 'carnet');
  const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'carnet-')), 'carnet.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841/);
  execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  expect(statSync(pdf.replace(/\.pdf$/, '.png')).size).toBeGreaterThan(2000);
  rmSync(path.dirname(pdf), { recursive: true, force: true });

  // Another phone: a typo is refused kindly, the right code brings the progress back.
  const other = await phone();
  await other.goto(`${url}/fr/apprendre`);
  const typo = code.slice(0, 5) + (code[5] === '7' ? '8' : '7') + code.slice(6);
  await other.getByLabel('Votre code (9 signes)').fill(typo);
  await other.getByRole('button', { name: 'Reprendre' }).tap();
  expect(await other.getByRole('alert').textContent()).toContain('mal recopié');
  expect(await other.getByLabel('Votre code (9 signes)').inputValue()).toBe(typo);
  await other.getByLabel('Votre code (9 signes)').fill(code.toLowerCase());
  await other.getByRole('button', { name: 'Reprendre' }).tap();
  await other.waitForURL(/\/fr\/apprendre\/premiers-pas\?progres=/);
  expect(await other.getByRole('status').first().textContent()).toContain('revenus');
  await other.goto(`${url}/fr/apprendre/premiers-pas`);
  const otherState = (n: number) =>
    other.locator(`li[data-step="${n}"] [data-state]`).textContent();
  await expect.poll(() => otherState(2)).toBe('Fait');
  expect(await otherState(4)).toBe('Fait');
  expect(await other.locator('[data-code]').textContent()).toBe(code);
  await other.context().close();
  await page.context().close();
}, 90_000);

it('without JavaScript: the plain form is checked by the box, wrong then right, and the answer typed stays in the field', async () => {
  const url = await demoBox();
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${url}/fr/apprendre/echanger-avec-ses-proches/etapes/3`);
  const field = page.getByLabel('L’adresse de Marie');
  await field.fill('marie.dupont.exemple.fr');
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.waitForLoadState();
  expect(await page.locator('[data-main]').textContent()).toContain('arobase');
  expect(await page.locator('[data-hint]').isVisible()).toBe(true);
  expect(await field.inputValue()).toBe('marie.dupont.exemple.fr');
  await field.fill('marie.dupont@exemple.fr');
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await page.waitForLoadState();
  expect(await page.locator('[data-main]').textContent()).toContain('Bravo');
  expect(await page.locator('[data-next]').isVisible()).toBe(true);
  // A choice with pictures: each answer is a button of the form. The progress travels
  // in the address from a finished notice on.
  await page.goto(`${url}/fr/apprendre/echanger-avec-ses-proches/etapes/1`);
  await page.getByRole('link', { name: 'J’ai fini cette étape' }).click();
  await page.waitForURL(/\/etapes\/2\?progres=/);
  await page.getByRole('button', { name: /La loupe/ }).click();
  expect(await page.locator('[data-detail]').textContent()).toContain('sert à chercher');
  await page.getByRole('button', { name: /Le trombone/ }).click();
  expect(await page.locator('[data-main]').textContent()).toContain('Bravo');
  await page.locator('[data-next] a').click();
  await page.waitForURL(/\/etapes\/3\?progres=/);
  await page.getByRole('link', { name: 'Écrire à ses proches' }).click();
  const state = (n: number) => page.locator(`li[data-step="${n}"] [data-state]`).textContent();
  expect(await state(1)).toBe('Fait');
  expect(await state(2)).toBe('Fait');
  expect(await state(3)).toBe('À faire');
  expect(await page.locator('[data-code]').textContent()).toMatch(/^[0-9A-Z]{4}-/);
  // A tap, by the zone's own button.
  await page.goto(`${url}/fr/apprendre/echanger-avec-ses-proches/etapes/4`);
  await page.getByRole('button', { name: 'La corbeille' }).click();
  expect(await page.locator('[data-main]').textContent()).toContain('Pas tout à fait');
  await page.getByRole('button', { name: 'Le bouton Envoyer' }).click();
  expect(await page.locator('[data-main]').textContent()).toContain('Bravo');
  await page.context().close();
}, 60_000);

/** Every file under a folder, as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

it('writes nothing about the answers: not in the database, not in the data folder', async () => {
  const url = await demoBox();
  const SECRET = 'Zébulon-Lanterne-4242';
  const WORD = 'Médiathéque-Zut';
  for (const js of [true, false]) {
    const page = await phone({ javaScriptEnabled: js });
    await page.goto(`${url}/fr/apprendre/se-proteger-en-ligne/etapes/4`);
    await page.getByLabel('Choisissez un mot de passe').fill(SECRET);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect.poll(() => page.locator('[data-main]').textContent()).toContain('Bravo');
    await page.goto(`${url}/fr/apprendre/premiers-pas/etapes/4`);
    await page.getByLabel('Le mot à écrire').fill(WORD);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect.poll(() => page.locator('[data-main]').textContent()).toContain('Pas tout');
    await page.context().close();
  }
  box.ctx.stats.flush();
  const db = box.ctx.db;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all();
  for (const { name } of tables) {
    const rows = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
    expect(rows, name).not.toContain('Zébulon');
    expect(rows, name).not.toContain('Zut');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (const file of filesUnder(box.ctx.paths.dataDir)) {
    const bytes = readFileSync(file);
    for (const s of ['Zébulon', 'Zebulon', '4242', 'Zut'])
      expect(bytes.includes(Buffer.from(s)), `${s} in ${file}`).toBe(false);
  }
}, 60_000);

it('shows the animateur the installed parcours, and passes axe', async () => {
  const url = await demoBox();
  const { cookie } = await setUpAdmin(box, url);
  const [name, value] = cookie.split(';')[0]?.split('=') ?? [];
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.context().addCookies([{ name: name ?? '', value: value ?? '', url }]);
  const res = await page.goto(`${url}/admin/parcours`);
  expect(res?.status()).toBe(200);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Parcours');
  expect(await page.locator('tbody tr').count()).toBe(3);
  await clean(page, '/admin/parcours');
  await page.context().close();
}, 60_000);
