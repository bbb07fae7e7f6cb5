import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATELIERS } from '../../src/server/ateliers/index.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { PASSWORD } from '../admin/http.js';
import { KIOSK_VIEW, requireBuild } from '../kiosk/fixture.js';
import { gap, touchTargets } from '../kiosk/measure.js';

/** Sunday 28 March 2027, 09:00 in Paris (summer time since 02:00). */
const NOW = Date.parse('2027-03-28T07:00:00Z');
const SHOTS = path.join(tmpdir(), 'ateliers-shots');

let box: TestBox;
let url: string;
let browser: Browser;
let page: Page;
let atelierId = 0;

async function clean(label: string, p: Page = page) {
  const violations = await axeViolations(p);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}
async function shot(name: string, p: Page = page) {
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
/** Desktop and 390 px phone: axe clean, screenshot of each. */
async function bothSizes(p: string, name: string) {
  for (const [w, h] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    const res = await page.goto(`${url}${p}`);
    expect(res?.status(), p).toBe(200);
    await clean(`${p} at ${w}px`);
    await shot(`${name}-${w}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  box = makeTestBox({}, { now: () => new Date(NOW) });
  requireBuild(box);
  url = (await box.listen()).url;
  browser = await launchBrowser();
  page = await newPage(browser);
  page.context().setDefaultTimeout(8000);
  box.ctx.admin.ensureSetupCode();
  await page.goto(`${url}/admin`);
  const code = readFileSync(box.ctx.admin.setupCodeFile, 'utf8').trim();
  await page.getByLabel('Code de mise en service').fill(code);
  await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await page.getByLabel('Le même mot de passe, encore une fois').fill(PASSWORD);
  await page.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
  await page.waitForURL(`${url}/admin`);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

describe('ateliers in Chromium', () => {
  it('creates a workshop through the admin form; a mistake keeps what was typed', async () => {
    await bothSizes('/admin/ateliers/new', 'admin-new');
    await page.goto(`${url}/admin/ateliers/new`);
    await page.getByLabel('Titre').fill('Envoyer un courriel');
    await page.getByLabel('Description').fill('Pas à pas, avec votre téléphone.');
    await page.getByLabel('Date').fill('2027-03-28');
    await page.getByLabel('Heure de début').fill('14:00');
    await page.getByLabel('Lieu').fill('Salle du 1er étage');
    await page.getByLabel('Nombre de places').fill('huit');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(
      page.getByText('Indiquez un nombre de places entre 1 et 1 000').count(),
    ).resolves.toBe(1);
    await clean('form with errors');
    await shot('admin-errors');
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe(
      'Pas à pas, avec votre téléphone.',
    );
    await page.getByLabel('Nombre de places').fill('8');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/admin\/ateliers\/\d+\?ok=1$/);
    atelierId = Number(/ateliers\/(\d+)/.exec(page.url())?.[1]);
    const a = box.ctx.services.get(ATELIERS).get(atelierId);
    expect(a?.startsAt.toISOString()).toBe('2027-03-28T12:00:00.000Z');
    await bothSizes(`/admin/ateliers/${atelierId}`, 'admin-atelier');
    await bothSizes('/admin/ateliers', 'admin-list');
  }, 60_000);

  it('shows it on the portal (list and page) and prints a poster, all axe-clean', async () => {
    await bothSizes('/ateliers', 'portal-list');
    await expect(page.getByText('dimanche 28 mars 2027 à 14 h').count()).resolves.toBe(1);
    await bothSizes(`/ateliers/${atelierId}`, 'portal-atelier');
    await bothSizes(`/en/ateliers/${atelierId}`, 'portal-atelier-en');
    await page.goto(`${url}/ateliers/${atelierId}/affiche`);
    await clean('poster');
    await page.emulateMedia({ media: 'print' });
    await shot('poster-print');
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4' });
    // One A4 page: the poster fits a single sheet.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  }, 60_000);

  it('says "Aujourd’hui à 14 h" on the kiosk’s attract screen', async () => {
    const kiosk = await newPage(browser, KIOSK_VIEW);
    await kiosk.goto(`${url}/kiosk/`);
    await kiosk.getByTestId('attract').waitFor();
    const today = kiosk.getByTestId('ateliers-today');
    await today.waitFor();
    await expect(today.textContent()).resolves.toBe(
      'Aujourd’hui à 14 h : Envoyer un courriel (Salle du 1er étage)',
    );
    await clean('kiosk attract', kiosk);
    await shot('kiosk-attract', kiosk);
    await kiosk.close();
  }, 60_000);

  it('opens the evaluation; phones answer on script-free pages, big targets, axe-clean', async () => {
    await page.goto(`${url}/admin/ateliers/${atelierId}`);
    await page.getByLabel('Question', { exact: true }).fill('Le rythme était bon ?');
    await page.getByLabel('Choix possibles (un par ligne)').fill('Trop lent\nBien\nTrop rapide');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.getByLabel('Question', { exact: true }).fill('Un mot pour l’animateur ?');
    await page.getByLabel('Une réponse libre (texte)').check();
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.getByRole('button', { name: 'Ouvrir l’évaluation' }).click();
    await expect(page.getByText('L’évaluation est ouverte jusqu’à').count()).resolves.toBe(1);
    await clean('admin atelier, evaluation open');
    await shot('admin-eval-open');

    const problems: string[] = [];
    // The screens carry no script at all: plain forms, so they work without JavaScript.
    // (axe and the measures need JavaScript in the page, so it stays on for the test.)
    const measure = async (p: Page, name: string) => {
      expect(await p.locator('script').count(), name).toBe(0);
      const targets = await touchTargets(p);
      for (const t of targets)
        if (t.height < 60 || t.width < 60)
          problems.push(`${name}: "${t.name}" ${Math.round(t.width)}×${Math.round(t.height)}`);
      for (let i = 0; i < targets.length; i++)
        for (let j = i + 1; j < targets.length; j++)
          if (gap(targets[i]!, targets[j]!) < 8)
            problems.push(`${name}: "${targets[i]!.name}" and "${targets[j]!.name}" touch`);
      await clean(name, p);
      await shot(name, p);
    };
    // Three phones answer (k = 3), the middle one twice.
    for (const n of [1, 2, 3]) {
      const ph = await newPage(browser, {
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        userAgent: `Mozilla/5.0 (Linux; Android 14; Pixel-${n}) Mobile`,
      });
      ph.context().setDefaultTimeout(8000);
      await ph.goto(`${url}/ateliers/${atelierId}`);
      await ph.getByRole('link', { name: 'Donner mon avis sur l’atelier' }).click();
      if (n === 1) await measure(ph, 'eval-intro');
      await ph.getByRole('button', { name: 'Commencer' }).click();
      const faces = ['Oui', 'Oui', 'Non', 'Oui', 'Peut-être'];
      for (const [i, label] of faces.entries()) {
        if (n === 1 && i === 0) await measure(ph, 'eval-face');
        await ph
          .getByRole('button', { name: n === 3 && i === 1 ? 'Un peu' : label, exact: true })
          .click();
      }
      if (n === 1) await measure(ph, 'eval-choice');
      await ph.getByRole('button', { name: 'Bien', exact: true }).click();
      if (n === 1) await measure(ph, 'eval-open');
      await ph.getByRole('textbox').fill(`Merci, c’était clair (${n})`);
      await ph.getByRole('button', { name: 'Envoyer' }).click();
      await expect(ph.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Merci pour votre avis !',
      );
      if (n === 1) await measure(ph, 'eval-thanks');
      if (n === 2) {
        await ph.goto(`${url}/ateliers/${atelierId}/avis`);
        await expect(ph.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Vous avez déjà répondu.',
        );
        await measure(ph, 'eval-already');
      }
      await ph.context().close();
    }
    expect(problems).toEqual([]);
    expect(box.ctx.services.get(ATELIERS).repo.answers(atelierId)).toHaveLength(3);

    // The kiosk's attract screen shows the evaluation's QR code while it is open.
    const kiosk = await newPage(browser, KIOSK_VIEW);
    await kiosk.goto(`${url}/kiosk/`);
    const invite = kiosk.getByTestId('ateliers-evaluation');
    await invite.waitFor();
    await expect(invite.locator('[role="img"]').getAttribute('aria-label')).resolves.toBe(
      `QR code de l’évaluation : http://lanterne.lan/ateliers/${atelierId}/avis`,
    );
    await clean('kiosk attract with evaluation', kiosk);
    await shot('kiosk-attract-evaluation', kiosk);
    await kiosk.close();
  }, 120_000);

  it('shows the analysis and prints a one-page summary with the right numbers', async () => {
    await bothSizes(`/admin/ateliers/${atelierId}/analyse`, 'admin-analysis');
    await expect(page.getByText('3 personnes ont progressé').count()).resolves.toBe(1);
    await page.goto(`${url}/admin/ateliers/${atelierId}/synthese`);
    await clean('summary');
    await page.emulateMedia({ media: 'print' });
    await shot('summary-print');
    const text = await page.locator('main').innerText();
    expect(text).toContain('3 personnes ont répondu.');
    expect(text).toContain('Moyenne sur 3 : 1 avant, 3 après.');
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  }, 60_000);
});
