import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { manifestSchema } from '../../src/server/packs/manifest.js';
import type { RunningServer } from '../../src/server/server.js';
import { PASSWORD, setUpAdmin } from '../admin/http.js';
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
  const ID = 'allumer-la-tablette';
  const edit = `/admin/notices/${ID}/edit`;
  const shot = async (p: Page, name: string) => {
    const dir = process.env['NOTICE_SHOTS'];
    if (dir) await p.screenshot({ path: path.join(dir, name), fullPage: true });
  };
  /** What visitors can reach: the portal page, the kiosk's list and JSON. */
  const visitorSees = async (id: string) => {
    const pageStatus = (await fetch(`${server.url}/notices/${id}`)).status;
    const api = (await (await fetch(`${server.url}/api/notices`)).json()) as {
      notices: Array<{ id: string }>;
    };
    const one = (await fetch(`${server.url}/api/notices/${id}`)).status;
    const print = (await fetch(`${server.url}/notices/${id}/print`)).status;
    const listed = api.notices.some((n) => n.id === id);
    expect(
      [pageStatus, one, print].every((s) => s === 200) ||
        ![pageStatus, one, print].some((s) => s === 200),
      `${id}: ${pageStatus} ${one} ${print}`,
    ).toBe(true);
    return pageStatus === 200 && listed;
  };

  it('creates a draft, keeps typed text through uploads and a refused file, publishes it', async () => {
    await page.goto(`${server.url}/admin/notices`);
    expect(await page.locator('h1').textContent()).toBe('Notices');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.getByRole('link', { name: 'Écrire une nouvelle notice' }).click();
    await page.getByLabel('Titre de la notice').fill('Allumer la tablette');
    await page.getByRole('button', { name: 'Créer la notice' }).click();
    await page.waitForURL(/\/admin\/notices\/allumer-la-tablette\/edit/);
    expect(await page.locator('.notice-status').textContent()).toContain('Brouillon');
    // What is missing is said in French, next to its field, never as a validator path.
    expect(await page.locator('[id="champ-s1.picture"] .field-error').textContent()).toBe(
      'Ajoutez une image pour cette étape.',
    );
    expect(await page.locator('[id="champ-summary"] .field-error').textContent()).toContain(
      'Écrivez un résumé',
    );
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/Too small|expected|picture ›|steps|›/);
    expect(await visitorSees(ID)).toBe(false);

    // Typed, not saved, then a file that only claims to be a PNG: refused beside the
    // picture field, and every typed text is still there.
    const png = path.join(work, 'capture.png');
    writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } }));
    const fake = path.join(work, 'faux.png');
    writeFileSync(fake, '<script>alert(1)</script>');
    await page.locator('textarea[name="summary"]').fill('Vous allumez la tablette.');
    await page.locator('textarea[name="s1.action"]').fill('Appuyez sur le bouton du côté.');
    await page.locator('input[name="s1.picture"]').setInputFiles(fake);
    await page.getByRole('button', { name: 'Envoyer l’image de l’étape 1' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.flash-error').textContent()).toContain(
      'Vos textes sont enregistrés',
    );
    expect(await page.locator('[id="champ-s1.picture"] .field-error').textContent()).toContain(
      'n’est pas une image',
    );
    expect(await page.locator('textarea[name="summary"]').inputValue()).toBe(
      'Vous allumez la tablette.',
    );
    expect(await page.locator('textarea[name="s1.action"]').inputValue()).toBe(
      'Appuyez sur le bouton du côté.',
    );

    // Typed again (not saved), then a real picture: the text is still there after the upload.
    await page.locator('input[name="s1.alt"]').fill('La tablette éteinte.');
    await page.locator('textarea[name="s1.tip"]').fill('Le bouton est petit.');
    await page.locator('input[name="s1.picture"]').setInputFiles(png);
    await page.getByRole('button', { name: 'Envoyer l’image de l’étape 1' }).click();
    await page.waitForURL(/ok=1/);
    const picture = page.locator('#etape-1 svg.notice-picture');
    await picture.waitFor();
    expect(await picture.getAttribute('viewBox')).toBe('0 0 400 300');
    expect(await page.locator('input[name="s1.alt"]').inputValue()).toBe('La tablette éteinte.');
    expect(await page.locator('textarea[name="s1.tip"]').inputValue()).toBe('Le bouton est petit.');
    expect(await page.locator('textarea[name="summary"]').inputValue()).toBe(
      'Vous allumez la tablette.',
    );
    expect(await page.locator('textarea[name="s1.action"]').inputValue()).toBe(
      'Appuyez sur le bouton du côté.',
    );

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

    // FALC warnings show inline, without blocking the save; several actions are flagged.
    await page
      .locator('textarea[name="s1.action"]')
      .fill(
        'Touchez le bouton, entouré en rouge {1}, et tournez la tablette puis attendez un peu.',
      );
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

    await page.waitForURL(/ok=1/);
    const falc = (await page.locator('#etape-1 .falc-warnings').textContent()) ?? '';
    expect(falc).toContain('Phrase de 14 mots');
    for (const verb of ['touchez', 'tournez', 'attendez']) expect(falc).toContain(`« ${verb} »`);
    await page
      .locator('textarea[name="s1.action"]')
      .fill('Appuyez sur le bouton du côté, entouré en rouge {1}.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('.falc-warnings').count()).toBe(0);
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(describeViolations(await axeViolations(page))).toBe('');
    await shot(page, 'admin-editor-draft.png');

    // Valid, saved, previewed by the animateur, and still not shown to visitors.
    expect(await visitorSees(ID)).toBe(false);
    await page.getByRole('link', { name: 'téléphone' }).click();
    expect(await page.locator('.preview-banner').textContent()).toContain('Aperçu du brouillon');
    const src = await page.locator('svg.notice-picture image').getAttribute('href');
    expect((await page.request.get(`${server.url}${src ?? ''}`)).status()).toBe(200);
    await page.goto(`${server.url}${edit}`);

    // Published: visitors see it, with the marker where the animateur put it.
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.waitForURL(/publiee=1/);
    expect(await page.locator('.notice-status').textContent()).toContain('Publiée');
    expect(await visitorSees(ID)).toBe(true);
    const visitor = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await visitor.goto(`${server.url}/notices/${ID}`);
    expect(await visitor.locator('.notice-step').count()).toBe(1);
    const drawn = await measureMarkers(visitor);
    expect(drawn).toHaveLength(1);
    expect(markerError(drawn[0]!)).toBeLessThan(0.015);

    // A later edit stays in the draft until it is published again.
    await page
      .locator('textarea[name="summary"]')
      .fill('Vous allumez la tablette de la bibliothèque.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('.notice-status').textContent()).toContain('pas encore publiées');
    await visitor.reload();
    expect(await visitor.locator('.lead').first().textContent()).toBe('Vous allumez la tablette.');
    await page.getByRole('button', { name: 'Publier les modifications' }).click();
    await page.waitForURL(/publiee=1/);
    await visitor.reload();
    expect(await visitor.locator('.lead').first().textContent()).toBe(
      'Vous allumez la tablette de la bibliothèque.',
    );

    // Unpublished: gone for visitors, the draft stays; published again for what follows.
    await page.getByRole('button', { name: 'Retirer des visiteurs' }).click();
    await page.waitForURL(/retiree=1/);
    expect(await visitorSees(ID)).toBe(false);
    expect(await page.locator('textarea[name="summary"]').inputValue()).toContain('bibliothèque');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.waitForURL(/publiee=1/);
    expect(await visitorSees(ID)).toBe(true);
    await visitor.context().close();
  }, 120_000);

  it('keeps every field when publishing is refused, with the reason next to the field', async () => {
    await page.goto(`${server.url}${edit}`);
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.waitForURL(/ok=1/);
    const typed: Record<string, string> = {
      'textarea[name="summary"]': 'Un résumé changé.',
      'textarea[name="needs"]': 'La tablette.\nSon chargeur.',
      'textarea[name="remember"]': 'La tablette s’éteint seule.',
      'textarea[name="s1.tip"]': 'Une astuce changée.',
      'textarea[name="s2.action"]': 'Attendez le logo.',
      'textarea[name="s2.result"]': 'Vous voyez le logo.',
    };
    for (const [sel, value] of Object.entries(typed)) await page.locator(sel).fill(value);
    await page.getByRole('button', { name: 'Publier les modifications' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.flash-error').textContent()).toContain('Pas encore publiée');
    expect(await page.locator('[id="champ-s2.picture"] .field-error').textContent()).toBe(
      'Ajoutez une image pour cette étape.',
    );
    for (const [sel, value] of Object.entries(typed))
      expect(await page.locator(sel).inputValue(), sel).toBe(value);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/Too small|›/);
    await shot(page, 'admin-editor-error.png');
    // Visitors still see the published version, without the new step.
    const api = (await (await fetch(`${server.url}/api/notices/${ID}`)).json()) as {
      notice: { steps: unknown[]; summary: string };
    };
    expect(api.notice.steps).toHaveLength(1);
    expect(api.notice.summary).toBe('Vous allumez la tablette de la bibliothèque.');
    await page.getByRole('button', { name: 'Supprimer l’étape 2' }).click();
    await page.waitForURL(/ok=1/);
  }, 60_000);

  it('gives back what was typed when the session expired before saving', async () => {
    await page.goto(`${server.url}${edit}`);
    await page.locator('textarea[name="s1.result"]').fill('La tablette est allumée.');
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: /Se connecter|Entrer/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'));
    await page.goto(`${server.url}${edit}`);
    expect(await page.locator('textarea[name="s1.result"]').inputValue()).toBe(
      'La tablette est allumée.',
    );
    expect(await page.locator('.restored-note').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('.restored-note').isVisible()).toBe(false);
    expect(
      JSON.parse(
        readFileSync(path.join(box.ctx.paths.dataDir, 'notices-local', ID, 'notice.json'), 'utf8'),
      ).steps[0].result,
    ).toBe('La tablette est allumée.');
  }, 60_000);

  it('never lets one tab silently overwrite another: both texts are kept', async () => {
    const other = await page.context().newPage();
    await page.goto(`${server.url}${edit}`);
    await other.goto(`${server.url}${edit}`);
    await page.locator('textarea[name="s1.tip"]').fill('Le texte du premier onglet.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/ok=1/);
    await other.locator('textarea[name="s1.tip"]').fill('Le texte du second onglet.');
    await other.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await other.waitForLoadState();
    expect(await other.locator('.flash-error').textContent()).toContain('autre onglet');
    expect(await other.locator('textarea[name="s1.tip"]').inputValue()).toBe(
      'Le texte du second onglet.',
    );
    expect(await other.locator('[id="champ-s1.tip"] .other-text').textContent()).toContain(
      'Le texte du premier onglet.',
    );
    const saved = () =>
      JSON.parse(
        readFileSync(path.join(box.ctx.paths.dataDir, 'notices-local', ID, 'notice.json'), 'utf8'),
      ).steps[0].tip as string;
    expect(saved()).toBe('Le texte du premier onglet.');
    await shot(other, 'admin-editor-two-tabs.png');
    // Having seen both, the second tab saves deliberately.
    await other.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await other.waitForURL(/ok=1/);
    expect(saved()).toBe('Le texte du second onglet.');
    await other.close();
  }, 60_000);

  it('adds and reorders steps, previews as kiosk, exports a pack other boxes can read', async () => {
    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/edit`);
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.waitForURL(/ok=1/);
    await page.locator('textarea[name="s2.action"]').fill('Attendez le logo.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/ok=1/);
    await page.getByRole('button', { name: 'Monter l’étape 2' }).click();
    await page.waitForURL(/ok=1/);
    expect(await page.locator('textarea[name="s1.action"]').inputValue()).toBe('Attendez le logo.');
    expect(await page.locator('textarea[name="s2.action"]').inputValue()).toBe(
      'Appuyez sur le bouton du côté, entouré en rouge {1}.',
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
    // A copy is a draft: visitors see it once it is published.
    expect(box.ctx.notices.get(id)).toBeUndefined();
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.waitForURL(/publiee=1/);
    const copy = box.ctx.notices.get(id);
    expect(copy?.packId).toBe('notices-locales');
    expect(copy?.notice.steps).toHaveLength(4);
    expect((await fetch(`${server.url}/notices/${id}/pictures/4`)).status).toBe(200);
    expect(box.ctx.notices.get('wifi-de-la-boite')?.packId).toBe('demo');
  });

  it('takes a notice of a pack away from visitors and gives it back', async () => {
    await page.goto(`${server.url}/admin/notices`);
    const name = 'Se connecter au Wi-Fi de la bibliothèque';
    await page.getByRole('button', { name: `Retirer des visiteurs : ${name}` }).click();
    await page.waitForURL(/masquee=1/);
    expect((await fetch(`${server.url}/notices/wifi-de-la-boite`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/notices/wifi-de-la-boite`)).status).toBe(404);
    const list = (await (await fetch(`${server.url}/api/notices`)).json()) as {
      notices: Array<{ id: string }>;
    };
    expect(list.notices.map((n) => n.id)).not.toContain('wifi-de-la-boite');
    expect(box.ctx.notices.getAny('wifi-de-la-boite')?.packId).toBe('demo');
    await page.getByRole('button', { name: `Remontrer aux visiteurs : ${name}` }).click();
    await page.waitForURL(/montree=1/);
    expect((await fetch(`${server.url}/notices/wifi-de-la-boite`)).status).toBe(200);
  });

  it('deletes a notice of the box', async () => {
    await page.goto(`${server.url}/admin/notices/allumer-la-tablette/edit`);
    await page.getByRole('button', { name: 'Supprimer cette notice' }).click();
    await page.waitForURL(/supprimee=1/);
    expect(box.ctx.notices.get('allumer-la-tablette')).toBeUndefined();
    expect(box.ctx.notices.get('wifi-de-la-boite')).toBeDefined();
  });
});
