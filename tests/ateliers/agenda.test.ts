import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATELIERS } from '../../src/server/ateliers/index.js';
import { parisToUtc } from '../../src/server/ateliers/time.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from '../admin/http.js';

let box: TestBox;
let url: string;
let session: { cookie: string; csrf: string };
let nowMs = Date.parse('2026-10-20T08:00:00Z');

const form = (extra: Record<string, string> = {}) => ({
  _csrf: session.csrf,
  title: 'Envoyer un courriel',
  description: 'Pas à pas, avec votre téléphone.',
  date: '2026-10-25',
  time: '14:00',
  duration: '90',
  place: 'Salle du 1er étage',
  level: 'débutant',
  audience: 'Tout public',
  seats: '8',
  ...extra,
});
const post = (path: string, fields: Record<string, string>) =>
  request(`${url}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, origin: url },
    form: fields,
  });

beforeAll(async () => {
  box = makeTestBox({}, { now: () => new Date(nowMs) });
  url = (await box.listen()).url;
  session = await setUpAdmin(box, url);
});
afterAll(async () => {
  await box?.cleanup();
});

describe('Paris wall time', () => {
  it('is right on both sides of the daylight-saving changes', () => {
    const at = (d: string, t: string) => {
      const r = parisToUtc(d, t);
      return r.ok ? r.at.toISOString() : r.reason;
    };
    expect(at('2026-10-24', '14:00')).toBe('2026-10-24T12:00:00.000Z'); // summer time
    expect(at('2026-10-25', '14:00')).toBe('2026-10-25T13:00:00.000Z'); // winter time
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z'); // twice: the first
    expect(at('2027-03-27', '14:00')).toBe('2027-03-27T13:00:00.000Z');
    expect(at('2027-03-28', '14:00')).toBe('2027-03-28T12:00:00.000Z');
    expect(at('2027-03-28', '02:30')).toBe('skipped');
    expect(at('2026-02-30', '14:00')).toBe('invalid');
  });
});

describe('the agenda in the admin', () => {
  it('creates a workshop on 25 October 2026 at 14:00 Paris = 13:00 UTC', async () => {
    const reply = await post('/admin/ateliers/new', form());
    expect(reply.status).toBe(303);
    const id = Number(/\/admin\/ateliers\/(\d+)/.exec(reply.headers.location ?? '')?.[1]);
    const a = box.ctx.services.get(ATELIERS).get(id);
    expect(a?.startsAt.toISOString()).toBe('2026-10-25T13:00:00.000Z');
    expect(a?.seats).toBe(8);
    const page = await request(`${url}/admin/ateliers/${id}`, {
      headers: { cookie: session.cookie },
    });
    expect(page.body).toContain('dimanche 25 octobre 2026 à 14 h');
    const edit = await request(`${url}/admin/ateliers/${id}/edit`, {
      headers: { cookie: session.cookie },
    });
    expect(edit.body).toContain('value="14:00"');
    expect(edit.body).toContain('value="2026-10-25"');
  });

  it('stores 28 March 2027 at 14:00 Paris as 12:00 UTC (summer time)', async () => {
    const reply = await post('/admin/ateliers/new', form({ date: '2027-03-28', title: 'Mars' }));
    const id = Number(/(\d+)\?ok/.exec(reply.headers.location ?? '')?.[1]);
    expect(box.ctx.services.get(ATELIERS).get(id)?.startsAt.toISOString()).toBe(
      '2027-03-28T12:00:00.000Z',
    );
  });

  it('shows French messages next to the fields and keeps everything typed', async () => {
    const reply = await post(
      '/admin/ateliers/new',
      form({
        title: '',
        time: '02:30',
        date: '2027-03-28',
        seats: 'douze',
        description: 'Mon texte <b>à garder</b>',
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('id="title-error"');
    expect(reply.body).toContain('Donnez un titre à l’atelier.');
    expect(reply.body).toContain('passage à l’heure d’été');
    expect(reply.body).toContain('Indiquez un nombre de places entre 1 et 1 000');
    expect(reply.body).toContain('value="douze"');
    expect(reply.body).toContain('Mon texte &lt;b>à garder&lt;/b>');
    expect(reply.body).toContain('value="Salle du 1er étage"');
    expect(reply.body).toMatch(/aria-invalid="true"[^>]*|[^>]*aria-invalid="true"/);
  });

  it('refuses a post without the CSRF token, and without a session', async () => {
    const before = box.ctx.services.get(ATELIERS).all().length;
    const noToken = await post('/admin/ateliers/new', { ...form(), _csrf: 'faux' });
    expect(noToken.status).toBe(403);
    const noSession = await request(`${url}/admin/ateliers/new`, {
      method: 'POST',
      headers: { origin: url },
      form: form(),
    });
    expect([302, 303, 401, 403]).toContain(noSession.status);
    expect(box.ctx.services.get(ATELIERS).all().length).toBe(before);
  });

  it('edits and deletes (only with the confirmation box)', async () => {
    const service = box.ctx.services.get(ATELIERS);
    const id = service.all()[0]!.id;
    const edited = await post(
      `/admin/ateliers/${id}/edit`,
      form({ title: 'Courriel (2)', time: '10:15' }),
    );
    expect(edited.status).toBe(303);
    expect(service.get(id)?.title).toBe('Courriel (2)');
    expect(service.get(id)?.startsAt.toISOString()).toBe('2026-10-25T09:15:00.000Z');
    await post(`/admin/ateliers/${id}/delete`, { _csrf: session.csrf });
    expect(service.get(id)).not.toBeNull();
    await post(`/admin/ateliers/${id}/delete`, { _csrf: session.csrf, confirm: '1' });
    expect(service.get(id)).toBeNull();
  });

  it('says when the box does not know the time, and calls nothing "coming"', async () => {
    const saved = nowMs;
    nowMs = Date.parse('1970-01-02T00:00:00Z');
    try {
      const service = box.ctx.services.get(ATELIERS);
      expect(service.upcoming()).toBeNull();
      expect(service.today()).toBeNull();
      const page = await request(`${url}/admin/ateliers`, { headers: { cookie: session.cookie } });
      expect(page.body).toContain('La boîte ne connaît pas l’heure');
    } finally {
      nowMs = saved;
    }
  });
});
