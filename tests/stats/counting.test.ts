import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/server/stats/report.js';
import { readPeriod } from '../../src/server/stats/period.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from '../admin/http.js';
import { visit, visitor } from './traffic.js';

let box: TestBox;
let base: string;
let now: Date;

beforeEach(async () => {
  now = new Date(2026, 10, 20, 14, 30);
  box = makeTestBox({}, { now: () => now });
  addWorks(box.ctx, 'fables', [
    work('la-fontaine-fables', 'Fables choisies'),
    work('chanson-lune', 'Au clair de la lune', {
      type: 'audio',
      files: [{ name: 'lune.mp3', content: Buffer.alloc(2048, 1), mime: 'audio/mpeg' }],
    }),
  ]);
  base = (await box.listen()).url;
});
afterEach(() => box.cleanup());

const rows = (metric: string) =>
  box.ctx.db
    .prepare('SELECT day, key, value FROM stats_daily WHERE metric = ? ORDER BY key')
    .all(metric) as Array<{
    day: string;
    key: string;
    value: number;
  }>;

describe('statistics from real HTTP traffic', () => {
  it('counts page views by section, unique visitors, devices, searches, downloads and plays', async () => {
    const phone = visitor(1);
    const tablet = visitor(2, 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) LanterneFakeTablet/2');
    const laptop = visitor(3, 'Mozilla/5.0 (X11; Linux x86_64) LanterneFakeLaptop/3');
    for (const v of [phone, tablet, laptop]) expect((await visit(base, v, '/')).status).toBe(200);
    await visit(base, phone, '/browse');
    await visit(base, phone, '/works/la-fontaine-fables');
    await visit(base, tablet, '/en/about');
    await visit(base, laptop, '/search?q=fables');
    await visit(base, laptop, '/search?q=introuvable');
    expect((await visit(base, phone, '/files/la-fontaine-fables/0/fables.txt')).status).toBe(200);
    await visit(base, tablet, '/files/la-fontaine-fables/0/fables.txt');
    // A resumed download (later range) is the same download, not a new one.
    await visit(base, tablet, '/files/la-fontaine-fables/0/fables.txt', { range: 'bytes=5-' });
    expect((await visit(base, laptop, '/media/chanson-lune/0/lune.mp3')).status).toBe(200);
    await visit(base, laptop, '/opds');

    // Nothing is written before the minute's flush.
    expect(rows('views')).toEqual([]);
    box.ctx.stats.flush();

    expect(rows('views')).toEqual([
      { day: '2026-11-20', key: 'opds:opds', value: 1 },
      { day: '2026-11-20', key: 'portal:about', value: 1 },
      { day: '2026-11-20', key: 'portal:browse', value: 1 },
      { day: '2026-11-20', key: 'portal:home', value: 3 },
      { day: '2026-11-20', key: 'portal:search', value: 2 },
      { day: '2026-11-20', key: 'portal:work', value: 1 },
    ]);
    expect(rows('visitors')).toEqual([{ day: '2026-11-20', key: '', value: 3 }]);
    expect(rows('devices').map((r) => [r.key, r.value])).toEqual([
      ['computer', 1],
      ['phone', 1],
      ['tablet', 1],
    ]);
    expect(rows('searches')).toEqual([{ day: '2026-11-20', key: 'portal', value: 2 }]);
    expect(rows('searches-empty')).toEqual([{ day: '2026-11-20', key: 'portal', value: 1 }]);
    expect(rows('downloads')).toEqual([{ day: '2026-11-20', key: 'la-fontaine-fables', value: 2 }]);
    expect(rows('plays')).toEqual([{ day: '2026-11-20', key: 'chanson-lune', value: 1 }]);
    // One search without result from one visitor: counted, the phrase is not kept.
    expect(rows('failed-phrase')).toEqual([]);

    // Flushing again adds nothing; new traffic adds to the same day's counters.
    box.ctx.stats.flush();
    await visit(base, phone, '/');
    box.ctx.stats.flush();
    expect(rows('views').find((r) => r.key === 'portal:home')?.value).toBe(4);
    expect(rows('visitors')[0]?.value).toBe(3);

    const report = buildReport(
      box.ctx,
      readPeriod({ period: 'day', date: '2026-11-20' }, '2026-11-20'),
    );
    expect(report.totals).toMatchObject({
      visitorDays: 3,
      views: 10,
      portalViews: 9,
      opdsRequests: 1,
      downloads: 2,
      plays: 1,
      searches: 2,
      searchesWithoutResult: 1,
    });
    expect(report.topWorks[0]).toEqual({
      id: 'la-fontaine-fables',
      title: 'Fables choisies',
      downloads: 2,
      plays: 0,
    });
  });

  it('counts a visitor again on the next day (the salt changes), once per day', async () => {
    const v = visitor(4);
    await visit(base, v, '/');
    await visit(base, v, '/browse');
    now = new Date(2026, 10, 21, 9, 0);
    await visit(base, v, '/');
    box.ctx.stats.flush();
    expect(rows('visitors')).toEqual([
      { day: '2026-11-20', key: '', value: 1 },
      { day: '2026-11-21', key: '', value: 1 },
    ]);
  });

  it('shows the figures on the dashboard and exports them as CSV and JSON', async () => {
    const { cookie } = await setUpAdmin(box, base);
    const v = visitor(5);
    await visit(base, v, '/files/la-fontaine-fables/0/fables.txt');
    const page = await request(`${base}/admin/stats?period=week&date=2026-11-20`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Du 16 au 22 novembre 2026');
    expect(page.body).not.toContain('2026-11-16 au');
    expect(page.body).toContain('Fables choisies');
    // The current minute is shown without being written ahead of the flusher.
    expect(rows('downloads')).toEqual([]);
    expect(page.body).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="chart-visitors-title chart-visitors-desc"/,
    );

    const json = await request(`${base}/admin/stats/export.json?period=month&date=2026-11-05`, {
      headers: { cookie },
    });
    expect(json.headers['content-disposition']).toContain(
      'lanterne-statistiques-2026-11-01_2026-11-30.json',
    );
    const data = JSON.parse(json.body) as {
      format: string;
      totals: { downloads: number };
      daily: unknown[];
    };
    expect(data.format).toBe('lanterne-statistiques/1');
    expect(data.totals.downloads).toBe(1);
    expect(data.daily).toHaveLength(30);

    const csv = await request(
      `${base}/admin/stats/export.csv?period=custom&from=2026-11-19&to=2026-11-20`,
      { headers: { cookie } },
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFsection,champ,valeur')).toBe(true);
    expect(csv.body).toContain('total,downloads,1\r\n');
    expect(csv.body).toContain('2026-11-20,1,0,0,1,0\r\n');
    expect(csv.body).toContain('la-fontaine-fables,Fables choisies,1,0\r\n');
  });
});

describe('other events', () => {
  it('counts notices (opened, finished, where people stop, faces), kiosk sessions and packs', () => {
    const { events } = box.ctx;
    const client = (n: number) => ({ ip: `10.0.0.${n}`, userAgent: 'KioskOrPhone' });
    for (let n = 1; n <= 4; n++) {
      events.emit({
        type: 'notice',
        noticeId: 'envoyer-un-mail',
        action: 'open',
        client: client(n),
      });
      events.emit({ type: 'notice-step', noticeId: 'envoyer-un-mail', step: 1, client: client(n) });
      // The same visitor going back to step 1 is still one visitor at step 1.
      events.emit({ type: 'notice-step', noticeId: 'envoyer-un-mail', step: 1, client: client(n) });
      if (n <= 3)
        events.emit({
          type: 'notice-step',
          noticeId: 'envoyer-un-mail',
          step: 2,
          client: client(n),
        });
      if (n <= 1)
        events.emit({
          type: 'notice-step',
          noticeId: 'envoyer-un-mail',
          step: 3,
          client: client(n),
        });
    }
    events.emit({
      type: 'notice',
      noticeId: 'envoyer-un-mail',
      action: 'finish',
      client: client(1),
    });
    events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'yes' });
    events.emit({ type: 'notice-feedback', noticeId: 'envoyer-un-mail', face: 'no' });
    events.emit({ type: 'kiosk-session', seconds: 200, startedAt: new Date(2026, 10, 20, 14, 27) });
    events.emit({
      type: 'kiosk-session',
      seconds: 30 * 60 + 5,
      startedAt: new Date(2026, 10, 20, 14, 0),
    });
    events.emit({ type: 'pack-imported', packId: 'fables', version: '1.0.0' });
    box.ctx.stats.flush();

    const report = buildReport(
      box.ctx,
      readPeriod({ period: 'day', date: '2026-11-20' }, '2026-11-20'),
    );
    const notice = report.notices[0];
    expect(notice).toMatchObject({
      id: 'envoyer-un-mail',
      opened: 4,
      finished: 1,
      completion: 0.25,
      feedback: { yes: 1, neutral: 0, no: 1 },
    });
    expect(notice?.steps).toEqual([
      { step: 1, reached: 4 },
      { step: 2, reached: 3 },
      { step: 3, reached: 1 },
    ]);
    expect(notice?.stop).toEqual({ step: 2, left: 2 });
    expect(report.totals.kioskSessions).toBe(2);
    expect(report.kioskLengths).toMatchObject({ '1-5min': 1, '30min+': 1 });
    // 14:30 minus 200 s → started at 14 h; minus 30 min 5 s → 13 h.
    expect(report.kioskHours[14]).toBe(1);
    expect(report.kioskHours[13]).toBe(1);
    expect(report.totals.packsImported).toBe(1);
  });
});
