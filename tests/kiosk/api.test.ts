import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import type { KioskInfo, KioskWork, KioskWorkList } from '../../src/server/kiosk/types.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { seed } from './fixture.js';
import { explainLicence, getLicence } from '../../src/server/catalogue/licences.js';

const NOW = Date.parse('2026-11-20T10:00:00Z');

describe('/api/kiosk', () => {
  let box: TestBox;
  const events: BoxEvent[] = [];
  const get = async <T>(url: string) => {
    const res = await box.app.request(url);
    return { status: res.status, body: (await res.json()) as T, res };
  };

  beforeAll(() => {
    box = makeTestBox({ publicUrl: 'http://biblio.lan/' }, { now: () => new Date(NOW) });
    seed(box);
    box.ctx.settings.update({
      libraryName: 'Médiathèque',
      wifiName: 'Biblio-WiFi',
      kioskIdleSeconds: 90,
    });
    box.ctx.events.on((e) => events.push(e));
  });
  afterAll(() => box.cleanup());
  // Each test sees only its own events.
  beforeEach(() => {
    events.length = 0;
  });

  it('tells the kiosk its settings, never cached', async () => {
    const { body, res } = await get<KioskInfo>('/api/kiosk/info');
    expect(body).toMatchObject({
      libraryName: 'Médiathèque',
      wifiName: 'Biblio-WiFi',
      publicUrl: 'http://biblio.lan',
      idleSeconds: 90,
    });
    expect(body.warningSeconds).toBeGreaterThanOrEqual(20);
    expect(body.portalQr).toMatch(/^<svg[^>]*>/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('lists by type, six per page, and searches without minding accents', async () => {
    const books = (await get<KioskWorkList>('/api/kiosk/works?type=book')).body;
    expect(books.items).toHaveLength(6);
    expect(books.pages).toBe(2);
    const page2 = (await get<KioskWorkList>('/api/kiosk/works?type=book&page=2')).body;
    expect(page2.items.length).toBe(books.total - 6);
    const audio = (await get<KioskWorkList>('/api/kiosk/works?type=audio')).body;
    expect(audio.items.map((w) => w.id)).toEqual(['chansons']);
    expect(audio.items[0]).toMatchObject({ kind: 'work', cover: '/covers/chansons' });
    for (const q of ['foret', 'forêt', 'FORET']) {
      const found = (await get<KioskWorkList>(`/api/kiosk/works?q=${encodeURIComponent(q)}`)).body;
      expect(
        found.items.map((w) => w.id),
        q,
      ).toEqual(['la-foret']);
    }
    expect((await get('/api/kiosk/works?page=0')).status).toBe(400);
  });

  it('counts a search once the visitor asks for results, not while typing', async () => {
    events.length = 0;
    await box.app.request('/api/kiosk/works?q=for&live=1');
    expect(events.filter((e) => e.type === 'search')).toHaveLength(0);
    await box.app.request('/api/kiosk/works?q=for%C3%AAt');
    expect(events.filter((e) => e.type === 'search')).toEqual([
      expect.objectContaining({ type: 'search', surface: 'kiosk', query: 'forêt', results: 1 }),
    ]);
  });

  it('describes a work: what plays on the kiosk, what goes to the phone, and the QR code', async () => {
    const { body } = await get<KioskWork>('/api/kiosk/works/la-foret');
    expect(body.portalUrl).toBe('http://biblio.lan/works/la-foret');
    expect(body.views).toEqual([
      {
        kind: 'text',
        url: expect.stringMatching(/^\/media\/la-foret\/\d+\/la-foret\.txt$/),
        name: 'la-foret.txt',
        mime: 'text/plain',
      },
    ]);
    expect((await box.app.request(body.views[0]!.url)).status).toBe(200);
    expect(body.takeAway).toEqual(['la-foret.epub']);
    expect(body.qr).toMatch(/^<svg/);
    expect(body.qr).not.toMatch(/<script|on\w+=/i);
    // Every work shows its licence in plain words and how to credit it.
    expect(body.licenceName).toBe(getLicence(body.licence)?.name);
    expect(body.licenceText.fr).toBe(explainLicence(body.licence, 'fr'));
    expect(body.licenceText.en).toBe(explainLicence(body.licence, 'en'));
    expect(body.attribution.length).toBeGreaterThan(0);
    const audio = (await get<KioskWork>('/api/kiosk/works/chansons')).body;
    expect(audio.views[0]?.kind).toBe('audio');
    expect((await get('/api/kiosk/works/nope')).status).toBe(404);
    expect((await get('/api/kiosk/works/..%2F..')).status).toBe(404);
  });

  it('takes page and session events with no identifiers, and refuses anything else', async () => {
    events.length = 0;
    const post = (body: unknown) =>
      box.app.request('/api/kiosk/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ type: 'page', section: 'infos' })).status).toBe(204);
    expect((await post({ type: 'kiosk-session', seconds: 75 })).status).toBe(204);
    expect((await post({ type: 'page', section: '<script>' })).status).toBe(400);
    expect((await post({ type: 'kiosk-session', seconds: -1 })).status).toBe(400);
    expect((await post({ type: 'download', workId: 'x' })).status).toBe(400);
    expect(events[0]).toMatchObject({ type: 'page', surface: 'kiosk', section: 'infos' });
    const session = events[1] as Extract<BoxEvent, { type: 'kiosk-session' }>;
    expect(session.seconds).toBe(75);
    // The box's clock decides: the session began exactly 75 s before "now".
    expect(session.startedAt.toISOString()).toBe(new Date(NOW - 75_000).toISOString());
    expect(events).toHaveLength(2);
  });
});
