import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskAnswerReply, KioskEvaluation } from '../../src/shared/ateliers-types.js';
import { ATELIERS } from '../../src/server/ateliers/index.js';
import { CORE } from '../../src/server/ateliers/evaluation.js';
import { EMPTY_FORM } from '../../src/server/ateliers/form.js';
import { setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { kioskPage, requireBuild, tap, typeOnKeyboard } from '../kiosk/fixture.js';
import { gap, touchTargets } from '../kiosk/measure.js';
import { SCREENS, ruleFor, type KioskScreen } from '../kiosk/screens.js';

/** Sunday 28 March 2027, 16:00 in Paris: the workshop is over, its evaluation open. */
const NOW = Date.parse('2027-03-28T14:00:00Z');
const SHOTS = '/tmp/shots-ateliers';

let box: TestBox;
let url: string;
let browser: Browser;
let id = 0;
const screen = (name: string) => SCREENS.find((s) => s.name === name)!;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  box = makeTestBox({ publicUrl: 'http://lanterne.lan' }, { now: () => new Date(NOW) });
  requireBuild(box);
  url = (await box.listen()).url;
  // The password set: the kiosk's set-up code no longer covers its welcome screen.
  await setUpAdmin(box, url);
  const service = box.ctx.services.get(ATELIERS);
  const saved = service.save(null, {
    ...EMPTY_FORM,
    title: 'Envoyer un courriel',
    date: '2027-03-28',
    time: '14:00',
  });
  if (!saved.ok) throw new Error('not saved');
  id = saved.id;
  service.addQuestion(id, {
    kind: 'choice',
    text: 'Le rythme était bon ?',
    choices: ['Trop lent', 'Bien', 'Trop rapide'],
  });
  service.addQuestion(id, { kind: 'open', text: 'Un mot pour l’animateur ?', choices: [] });
  service.open(id, 60);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
});

const answers = () => box.ctx.services.get(ATELIERS).repo.answers(id);

describe('the evaluation answered on the kiosk', () => {
  it('serves the server’s own screens as JSON, and takes answers only from the box’s screen', async () => {
    const res = await fetch(`${url}/api/ateliers/${id}/evaluation`);
    const body = (await res.json()) as KioskEvaluation;
    expect(body.open).toBe(true);
    expect(body.screens.map((s) => s.text)).toEqual([
      ...CORE.map((c) => c.text),
      'Le rythme était bon ?',
      'Un mot pour l’animateur ?',
    ]);
    expect(body.screens[0]!.options.map((o) => o.label)).toEqual(['Oui', 'Un peu', 'Non']);
    expect(body.screens[5]!.options.map((o) => o.label)).toEqual([
      'Trop lent',
      'Bien',
      'Trop rapide',
    ]);
    expect(body.screens[6]!.kind).toBe('open');

    // No socket (not the box's own screen): refused, nothing stored.
    const away = await box.app.request(`/api/ateliers/${id}/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { useful: '3' } }),
    });
    expect(away.status).toBe(403);
    expect(((await away.json()) as KioskAnswerReply).result).toBe('refused');
    // Every screen passed: nothing stored either.
    const empty = await fetch(`${url}/api/ateliers/${id}/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: {} }),
    });
    expect(((await empty.json()) as KioskAnswerReply).result).toBe('empty');
    const bad = await fetch(`${url}/api/ateliers/${id}/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"values": 3}',
    });
    expect(bad.status).toBe(400);
    expect(answers()).toHaveLength(0);
  });

  /** Targets at least the screen's rule (docs/kiosk-screens.md), 1 mm apart, axe-clean. */
  async function check(page: Page, s: KioskScreen, name: string, problems: string[]) {
    const { minTarget, minGap } = ruleFor(s);
    const targets = await touchTargets(page);
    for (const t of targets)
      if (t.width < minTarget || t.height < minTarget)
        problems.push(
          `${name}: "${t.name}" ${Math.round(t.width)}×${Math.round(t.height)} < ${minTarget}`,
        );
    for (let i = 0; i < targets.length; i++)
      for (let j = i + 1; j < targets.length; j++)
        if (targets[i]!.list === targets[j]!.list && gap(targets[i]!, targets[j]!) < minGap)
          problems.push(`${name}: "${targets[i]!.name}" and "${targets[j]!.name}" touch`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight > window.innerHeight + 1,
    );
    if (overflow) problems.push(`${name}: the page scrolls`);
    const violations = await axeViolations(page);
    if (violations.length) problems.push(`${name}: ${describeViolations(violations)}`);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  for (const size of ['800x480', '1280x800']) {
    it(`is answered end to end at ${size}: faces, a choice, typed words, « Merci », then the start`, async () => {
      const s = screen(size);
      const before = answers().length;
      const page = await kioskPage(browser, url, {
        viewport: { width: s.width, height: s.height },
        hasTouch: true,
        isMobile: false,
      });
      page.context().setDefaultTimeout(8000);
      const problems: string[] = [];
      await page.getByTestId('eval-answer-here').waitFor();
      await check(page, s, `kiosk-attract-answer-here-${size}`, problems);
      await page.getByTestId('eval-answer-here').tap();
      await page.clock.runFor(520);
      await page.locator('[data-step="1"]').waitFor();
      await check(page, s, `kiosk-eval-face-${size}`, problems);
      // « Retour » and « Passer » on the way: skip « clair », come back, answer it.
      await tap(page, 'eval-option-3');
      await tap(page, 'eval-skip');
      await page.locator('[data-step="3"]').waitFor();
      await tap(page, 'eval-back');
      await page.locator('[data-step="2"]').waitFor();
      await tap(page, 'eval-option-2');
      await tap(page, 'eval-option-1'); // alone before: non
      await tap(page, 'eval-option-3'); // alone after: oui
      await tap(page, 'eval-option-3'); // again: oui
      await page.locator('[data-step="6"]').waitFor();
      await check(page, s, `kiosk-eval-choice-${size}`, problems);
      await tap(page, 'eval-option-1'); // « Bien »
      await page.locator('[data-step="7"]').waitFor();
      await check(page, s, `kiosk-eval-open-${size}`, problems);
      await typeOnKeyboard(page, 'très clair');
      await expect(page.getByTestId('eval-text').inputValue()).resolves.toBe('très clair');
      // « Valider » changes the screen: it waits half a second after a key, like a person.
      await page.clock.runFor(300);
      await tap(page, 'key-submit');
      await page.getByTestId('eval-thanks').waitFor();
      await expect(page.getByTestId('eval-thanks').getAttribute('data-result')).resolves.toBe(
        'saved',
      );
      await check(page, s, `kiosk-eval-thanks-${size}`, problems);
      await page.getByTestId('eval-done').tap();
      await page.getByTestId('attract').waitFor();
      await page.getByTestId('eval-answer-here').waitFor();
      expect(problems).toEqual([]);
      const mine = answers().slice(before);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        useful: 3,
        clear: 2,
        alone_before: 1,
        alone_after: 3,
        again: 3,
      });
      const items = box.ctx.services
        .get(ATELIERS)
        .repo.items(id)
        .filter((i) => i.answer_id === mine[0]!.id);
      expect(items.map((i) => i.choice ?? i.text)).toEqual(['Bien', 'très clair']);
      await page.context().close();
    }, 120_000);
  }

  it('counts the kiosk’s answers with the phones’: a phone’s second answer refused, both kiosk answers counted', async () => {
    const phone = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    phone.context().setDefaultTimeout(8000);
    for (const round of [1, 2]) {
      await phone.goto(`${url}/ateliers/${id}/avis`);
      if (round === 2) {
        await expect(phone.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Vous avez déjà répondu.',
        );
        break;
      }
      await phone.getByRole('button', { name: 'Commencer' }).click();
      for (const label of ['Non', 'Oui', 'Oui', 'Oui', 'Non'])
        await phone.getByRole('button', { name: label, exact: true }).click();
      await phone.getByRole('button', { name: 'Trop rapide', exact: true }).click();
      await phone.getByRole('button', { name: 'Envoyer' }).click();
      await expect(phone.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Merci pour votre avis !',
      );
    }
    await phone.context().close();
    // Two kiosk answers (one per screen size above, same terminal) and one phone: k = 3.
    const an = box.ctx.services.get(ATELIERS).analysis(box.ctx.services.get(ATELIERS).get(id)!);
    expect(an.reponses).toBe(3);
    expect(an.suffisant).toBe(true);
    expect(an.socle?.useful).toEqual({ oui: 2, moyen: 0, non: 1, sans_reponse: 0 });
    expect(an.socle?.again).toEqual({ oui: 2, moyen: 0, non: 1, sans_reponse: 0 });
    expect(an.progression).toMatchObject({ paires: 3, progres: 2, stable: 1, recul: 0 });
    expect(an.questions?.[0]?.choix).toEqual({ 'Trop lent': 0, Bien: 2, 'Trop rapide': 1 });
  }, 60_000);

  it('keeps the visitor’s place on the kiosk’s usual “still there?”, and looks right at every size', async () => {
    box.ctx.settings.update({ kioskIdleSeconds: 30 });
    for (const [size, big] of [
      ['800x480', false],
      ['1024x600', false],
      ['1280x800', false],
      ['800x480', true],
      ['1280x800', true],
    ] as const) {
      const s = screen(size);
      const page = await kioskPage(browser, url, {
        viewport: { width: s.width, height: s.height },
        hasTouch: true,
        isMobile: false,
      });
      page.context().setDefaultTimeout(8000);
      await page.getByTestId('eval-answer-here').tap();
      await page.clock.runFor(520);
      if (big) {
        await tap(page, 'settings');
        await tap(page, 'size-2');
        await tap(page, 'settings-close');
      }
      const tag = `${size}${big ? '-largest-text' : ''}`;
      await page.screenshot({ path: path.join(SHOTS, `face-${tag}.png`) });
      await tap(page, 'eval-option-3');
      if (!big && size === '800x480') {
        // Nobody touches for a while: the usual warning, not a silent reset.
        await page.clock.runFor(31_000);
        await page.getByTestId('idle-warning').waitFor();
        await tap(page, 'still-here');
        await expect(page.locator('[data-step="2"]').count()).resolves.toBe(1);
      }
      for (let i = 0; i < 4; i++) await tap(page, 'eval-skip');
      await page.locator('[data-step="6"]').waitFor();
      await page.screenshot({ path: path.join(SHOTS, `choice-${tag}.png`) });
      await tap(page, 'eval-skip');
      await page.locator('[data-step="7"]').waitFor();
      await page.screenshot({ path: path.join(SHOTS, `open-${tag}.png`) });
      await tap(page, 'eval-skip');
      await page.getByTestId('eval-thanks').waitFor();
      await page.screenshot({ path: path.join(SHOTS, `thanks-${tag}.png`) });
      await page.context().close();
    }
  }, 180_000);
});
