import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ATELIERS, NextAtelier, nextAtelier } from '../../src/server/ateliers/index.js';
import { EMPTY_FORM } from '../../src/server/ateliers/form.js';
import type { KioskAteliersToday } from '../../src/shared/ateliers-types.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request } from '../admin/http.js';

let box: TestBox;
let url: string;
// Sunday 28 March 2027, 09:00 in Paris: summer time began at 02:00 that night.
const NOW = Date.parse('2027-03-28T07:00:00Z');
let nowMs = NOW;
let ids: number[] = [];

function add(title: string, date: string, time: string, extra: Partial<typeof EMPTY_FORM> = {}) {
  const saved = box.ctx.services
    .get(ATELIERS)
    .save(null, { ...EMPTY_FORM, title, date, time, place: 'Salle 1', ...extra });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
}

/** Events of an iCalendar text as a real parser reads them (VTIMEZONE registered). */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: e.startDate.zone?.tzid,
      location: e.location,
    };
  });
}

beforeAll(async () => {
  box = makeTestBox({ publicUrl: 'http://lanterne.local/' }, { now: () => new Date(nowMs) });
  url = (await box.listen()).url;
  ids = [
    add('Hier', '2027-03-27', '14:00'),
    add('Courriel, pas à pas', '2027-03-28', '14:00', { description: 'Apportez votre téléphone.' }),
    add('Octobre', '2027-10-31', '14:30'),
    add('Automne passé', '2026-10-25', '14:00'),
  ];
});
afterAll(async () => {
  await box?.cleanup();
});

describe('the ateliers on the portal', () => {
  it('lists what is coming, in French and English, and gives each workshop a page', async () => {
    const list = await request(`${url}/fr/ateliers`);
    expect(list.status).toBe(200);
    expect(list.body).toContain('Courriel, pas à pas');
    expect(list.body).toContain('dimanche 28 mars 2027 à 14 h');
    expect(list.body).toContain('dimanche 31 octobre 2027 à 14 h 30');
    expect(list.body).not.toContain('Hier');
    expect(list.body).not.toContain('Automne passé');
    const en = await request(`${url}/en/ateliers`);
    expect(en.body).toContain('Sunday, 28 March 2027 at 14:00');
    const one = await request(`${url}/ateliers/${ids[1]}`);
    expect(one.status).toBe(200);
    expect(one.body).toContain('Apportez votre téléphone.');
    expect((await request(`${url}/ateliers/999`)).status).toBe(404);
  });

  it('writes an iCalendar feed in Europe/Paris that a real parser reads at the right instants', async () => {
    const reply = await request(`${url}/ateliers.ics`);
    expect(reply.headers['content-type']).toMatch(/^text\/calendar/);
    expect(reply.body).toContain('BEGIN:VTIMEZONE');
    expect(reply.body).toContain('DTSTART;TZID=Europe/Paris:20270328T140000');
    const events = parse(reply.body);
    expect(events).toEqual([
      {
        summary: 'Courriel, pas à pas',
        start: '2027-03-28T12:00:00.000Z',
        end: '2027-03-28T13:30:00.000Z',
        tzid: 'Europe/Paris',
        location: 'Salle 1',
      },
      {
        summary: 'Octobre',
        start: '2027-10-31T13:30:00.000Z',
        end: '2027-10-31T15:00:00.000Z',
        tzid: 'Europe/Paris',
        location: 'Salle 1',
      },
    ]);
    // 25 October 2026, the day winter time came back: 14:00 in Paris is 13:00 UTC.
    const single = parse((await request(`${url}/ateliers/${ids[3]}.ics`)).body);
    expect(single.map((e) => [e.start, e.end])).toEqual([
      ['2026-10-25T13:00:00.000Z', '2026-10-25T14:30:00.000Z'],
    ]);
  });

  it('prints an A4 poster with a QR code to the workshop page', async () => {
    const reply = await request(`${url}/ateliers/${ids[1]}/affiche`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<svg');
    expect(reply.body).toContain(`http://lanterne.local/ateliers/${ids[1]}`);
  });

  it('gives the kiosk today’s workshops as "14 h", and nothing when the clock is unknown', async () => {
    const today = (await (await fetch(`${url}/api/ateliers/today`)).json()) as KioskAteliersToday;
    expect(today).toEqual({
      clockKnown: true,
      today: [
        {
          id: ids[1],
          title: 'Courriel, pas à pas',
          hour: { fr: '14 h', en: '14:00' },
          place: 'Salle 1',
        },
      ],
      evaluations: [],
    });
    // An open evaluation: the kiosk gets its address and QR code.
    box.ctx.services.get(ATELIERS).open(ids[1]!, 30);
    const open = (await (await fetch(`${url}/api/ateliers/today`)).json()) as KioskAteliersToday;
    expect(open.evaluations.map((e) => e.url)).toEqual([
      `http://lanterne.local/ateliers/${ids[1]}/avis`,
    ]);
    expect(open.evaluations[0]?.qr).toContain('<svg');
    box.ctx.services.get(ATELIERS).close(ids[1]!);
    nowMs = 0;
    const unknown = (await (await fetch(`${url}/api/ateliers/today`)).json()) as KioskAteliersToday;
    expect(unknown).toEqual({ clockKnown: false, today: [], evaluations: [] });
    const list = await request(`${url}/fr/ateliers`);
    expect(list.body).toContain('ne connaît pas la date du jour');
    expect(list.body).not.toContain('Courriel');
    nowMs = NOW;
  });

  it('gives the portal home page its "next workshop" (nothing when the date is unknown)', () => {
    const page = { lang: 'fr' as const, base: '', path: '/', search: '', libraryName: 'L' };
    const next = nextAtelier(box.ctx);
    expect(next?.title).toBe('Courriel, pas à pas');
    const html = renderToString(h(NextAtelier, { page, a: next }));
    expect(html).toContain('Prochain atelier');
    expect(html).toContain(`href="/ateliers/${ids[1]}"`);
    expect(html).toContain('dimanche 28 mars 2027 à 14 h');
    nowMs = 0;
    expect(nextAtelier(box.ctx)).toBeNull();
    expect(renderToString(h(NextAtelier, { page, a: null }))).toBe('');
    nowMs = NOW;
  });
});
