import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATELIERS } from '../../src/server/ateliers/index.js';
import { EMPTY_FORM } from '../../src/server/ateliers/form.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { request, setUpAdmin } from '../admin/http.js';

// The month's evaluation (issue 16, "per period"): every workshop of a Paris month together,
// with the same k ≥ 3 rule as one workshop, over all the month's answers.
const NOW = Date.parse('2027-04-20T10:00:00Z');
let box: TestBox;
let url: string;
let session: { cookie: string; csrf: string };

const get = (p: string) => request(`${url}${p}`, { headers: { cookie: session.cookie } });

beforeAll(async () => {
  box = makeTestBox({}, { now: () => new Date(NOW) });
  url = (await box.listen()).url.replace(/\/$/, '');
  session = await setUpAdmin(box, url);
  const service = box.ctx.services.get(ATELIERS);
  const add = (title: string, date: string, time: string) => {
    const saved = service.save(null, { ...EMPTY_FORM, title, date, time });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return saved.id;
  };
  // 1 March 00:30 in Paris is still 28 February in UTC: it belongs to March.
  const early = add('Premier courriel', '2027-03-01', '00:30');
  const late = add('Photos du téléphone', '2027-03-31', '18:00');
  const april = add('Visio avec la famille', '2027-04-02', '14:00');
  const answer = (id: number, before: number, after: number) =>
    service.repo.addAnswer(
      id,
      { useful: 3, clear: 2, alone_before: before, alone_after: after, again: 3 },
      [],
    );
  answer(early, 1, 3);
  answer(early, 2, 2);
  answer(late, 1, 2);
  answer(late, 3, 1);
  answer(april, 1, 3);
});
afterAll(() => box.cleanup());

describe('the evaluation of a month, all workshops together', () => {
  it('adds up the core answers of the month (each workshop alone is under 3)', async () => {
    const page = await get('/admin/ateliers/periode?mois=2027-03');
    expect(page.status).toBe(200);
    expect(page.body).toContain('mars 2027');
    expect(page.body).toContain('4 personnes ont répondu.');
    expect(page.body).toContain(
      '2 personnes ont progressé, 1 est restée au même niveau, 1 en recul',
    );
    expect(page.body).toContain('Premier courriel · 2 réponses');
    expect(page.body).toContain('Photos du téléphone · 2 réponses');
    expect(page.body).not.toContain('Visio avec la famille');
    // Each workshop's own page still says there are not enough answers.
    const [first] = box.ctx.services.get(ATELIERS).all();
    const own = await get(`/admin/ateliers/${first!.id}/analyse`);
    expect(own.body).toContain('Pas assez de réponses');
  });

  it('hides a month under 3 answers, and opens on this month by default', async () => {
    const april = await get('/admin/ateliers/periode');
    expect(april.status).toBe(200);
    expect(april.body).toContain('avril 2027');
    expect(april.body).toContain('Pas assez de réponses : 1 pour l’instant');
    expect(april.body).not.toContain('personnes ont répondu');
    for (const bad of ['2027-13', 'mars', '../../etc']) {
      expect((await get(`/admin/ateliers/periode?mois=${encodeURIComponent(bad)}`)).status).toBe(
        404,
      );
    }
  });

  it('exports the month as JSON and prints it on one page', async () => {
    const json = await get('/admin/ateliers/periode/export.json?mois=2027-03');
    const data = JSON.parse(json.body) as {
      schema: string;
      reponses: number;
      suffisant: boolean;
      socle: { useful: { oui: number }; clear: { moyen: number } };
      progression: { paires: number; progres: number; moyenne_avant: number };
      ateliers: Array<{ titre: string; reponses: number }>;
    };
    expect(data.schema).toBe('lanterne-ateliers-periode/1');
    expect(data).toMatchObject({ reponses: 4, suffisant: true });
    expect(data.socle.useful.oui).toBe(4);
    expect(data.socle.clear.moyen).toBe(4);
    expect(data.progression).toMatchObject({ paires: 4, progres: 2, moyenne_avant: 1.75 });
    expect(data.ateliers.map((w) => w.reponses)).toEqual([2, 2]);
    const print = await get('/admin/ateliers/periode/synthese?mois=2027-03');
    expect(print.status).toBe(200);
    expect(print.body).toContain('Bilan de mars 2027');
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  it('the month page and its printable summary are axe-clean, on a desktop and a phone', async () => {
    for (const width of [1280, 375]) {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      const [name, value] = session.cookie.split('=');
      await page.context().addCookies([{ name: name ?? '', value: value ?? '', url }]);
      for (const p of [
        '/admin/ateliers/periode?mois=2027-03',
        '/admin/ateliers/periode/synthese?mois=2027-03',
      ]) {
        await page.goto(`${url}${p}`);
        const violations = await axeViolations(page);
        expect(violations, `${p} at ${width}px\n${describeViolations(violations)}`).toEqual([]);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide, `${p} at ${width}px`).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: `/tmp/period-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
