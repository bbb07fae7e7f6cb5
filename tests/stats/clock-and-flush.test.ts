import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src/server/events/bus.js';
import { silentLogger } from '../../src/server/log.js';
import { startFeatures } from '../../src/server/start.js';
import { BUILD_DATE } from '../../src/server/stats/clock.js';
import { FLUSH_EVERY_MS, Statistics } from '../../src/server/stats/service.js';
import { startStats } from '../../src/server/stats/start.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin } from '../admin/http.js';
import { visit, visitor } from './traffic.js';

let box: TestBox | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await box?.cleanup();
  box = undefined;
});

const allDays = (b: TestBox) =>
  (
    b.ctx.db.prepare('SELECT DISTINCT day FROM stats_daily ORDER BY day').all() as Array<{
      day: string;
    }>
  ).map((r) => r.day);
const value = (b: TestBox, metric: string, key = '') =>
  (
    b.ctx.db
      .prepare('SELECT sum(value) AS v FROM stats_daily WHERE metric = ? AND key = ?')
      .get(metric, key) as { v: number | null }
  ).v;

describe('the box does not know the time', () => {
  it('keeps events in memory, never under 1970, and dates them with the animateur’s browser time', async () => {
    let now = new Date(0);
    box = makeTestBox({}, { now: () => now });
    const base = (await box.listen()).url;
    expect(box.ctx.stats.clock.isSane()).toBe(false);
    const session = await setUpAdmin(box, base);

    for (let n = 1; n <= 3; n++) await visit(base, visitor(n), '/');
    box.ctx.stats.flush();
    expect(allDays(box)).toEqual([]);
    expect(box.ctx.stats.aggregator.undatedCount).toBe(3);

    const page = await request(`${base}/admin/stats`, { headers: { cookie: session.cookie } });
    expect(page.body).toContain("La boîte ne connaît pas l'heure");
    expect(page.body).toContain('data-auto="1"');

    // A browser whose own clock is wrong is not believed.
    const wrong = await request(`${base}/admin/stats/clock`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: base, 'x-csrf-token': session.csrf },
      form: { browserTime: String(Date.parse('2001-01-01T10:00:00Z')) },
    });
    expect(wrong.headers.location).toBe('/admin/stats?clock=refused');
    expect(allDays(box)).toEqual([]);

    // Without a session, the time is not taken.
    const anonymous = await request(`${base}/admin/stats/clock`, {
      method: 'POST',
      headers: { origin: base },
      form: { browserTime: String(new Date(2026, 10, 20, 15, 0).getTime()) },
    });
    expect(anonymous.status).toBe(302);
    expect(box.ctx.stats.clock.isSane()).toBe(false);

    const ok = await request(`${base}/admin/stats/clock`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        origin: base,
        'x-csrf-token': session.csrf,
        accept: 'application/json',
      },
      form: { browserTime: String(new Date(2026, 10, 20, 15, 0).getTime()) },
    });
    expect(JSON.parse(ok.body)).toEqual({ used: true, known: true });
    expect(allDays(box)).toEqual(['2026-11-20']);
    expect(value(box, 'views', 'portal:home')).toBe(3);
    expect(value(box, 'visitors')).toBe(3);

    // Later traffic is dated with the corrected time too.
    await visit(base, visitor(9), '/browse');
    box.ctx.stats.flush();
    expect(allDays(box)).toEqual(['2026-11-20']);

    // When NTP sets the box clock, it wins over the browser's correction.
    now = new Date(2026, 10, 22, 9, 0);
    await visit(base, visitor(9), '/browse');
    box.ctx.stats.flush();
    expect(allDays(box)).toEqual(['2026-11-20', '2026-11-22']);
  });

  it('places undated events back in time by the monotonic clock when the time becomes known', () => {
    let wall = new Date(0);
    let mono = 1_000;
    box = makeTestBox({}, { now: () => wall });
    const events = new EventBus();
    const stats = new Statistics(box.ctx.db, events, { now: () => wall }, silentLogger, {
      monotonic: () => mono,
    });
    const client = { ip: '10.1.2.3', userAgent: 'Test/1' };
    events.emit({ type: 'page', surface: 'portal', section: 'home', client });
    mono += 3600_000;
    events.emit({ type: 'page', surface: 'portal', section: 'home', client });
    mono += 24 * 3600_000;
    events.emit({ type: 'page', surface: 'portal', section: 'browse', client });
    mono += 3600_000;
    events.emit({ type: 'page', surface: 'portal', section: 'browse', client });
    stats.flush();
    expect(allDays(box)).toEqual([]);
    // NTP answers: it is 21 November, 12:00; the first page was seen 26 h earlier.
    wall = new Date(2026, 10, 21, 12, 0);
    stats.flush();
    const rows = box.ctx.db
      .prepare(
        "SELECT day, metric, key, value FROM stats_daily WHERE metric IN ('views', 'visitors') ORDER BY day, metric",
      )
      .all();
    expect(rows).toEqual([
      { day: '2026-11-20', metric: 'views', key: 'portal:home', value: 2 },
      { day: '2026-11-20', metric: 'visitors', key: '', value: 1 },
      { day: '2026-11-21', metric: 'views', key: 'portal:browse', value: 2 },
      { day: '2026-11-21', metric: 'visitors', key: '', value: 1 },
    ]);
  });

  it('has a build date that is not in the future', () => {
    expect(BUILD_DATE.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('one write transaction per minute, and a last one at shutdown', () => {
  it('writes nothing when events arrive, once per minute when there is something to write', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const now = new Date(2026, 10, 20, 10, 0);
    box = makeTestBox({}, { now: () => now });
    const watcher = new Database(box.ctx.paths.dbFile, { readonly: true });
    const version = () => watcher.pragma('data_version', { simple: true }) as number;
    try {
      const stop = startStats(box.ctx);
      const startWrites = box.ctx.stats.writes;
      const client = { ip: '10.9.9.9', userAgent: 'Flush/1' };
      for (let minute = 1; minute <= 5; minute++) {
        const before = version();
        for (let i = 0; i < 1000; i++)
          box.ctx.events.emit({ type: 'page', surface: 'portal', section: 'home', client });
        expect(version(), `minute ${minute}: no write on events`).toBe(before);
        vi.advanceTimersByTime(FLUSH_EVERY_MS);
        expect(version(), `minute ${minute}: written`).not.toBe(before);
        expect(box.ctx.stats.writes - startWrites).toBe(minute);
        expect(value(box, 'views', 'portal:home')).toBe(minute * 1000);
      }
      // A quiet minute writes nothing.
      const quiet = version();
      vi.advanceTimersByTime(FLUSH_EVERY_MS);
      expect(version()).toBe(quiet);
      expect(box.ctx.stats.writes - startWrites).toBe(5);

      // Shutdown: what the current minute counted is written.
      box.ctx.events.emit({ type: 'page', surface: 'portal', section: 'home', client });
      stop();
      expect(value(box, 'views', 'portal:home')).toBe(5001);
    } finally {
      watcher.close();
    }
  });

  it('keeps the minute in memory when the write fails, and writes it at the next flush', () => {
    box = makeTestBox({}, { now: () => new Date(2026, 10, 20, 10, 0) });
    const client = { ip: '10.0.0.2', userAgent: 'y' };
    box.ctx.stats.flush();
    box.ctx.events.emit({ type: 'play', workId: 'chanson', client });
    box.ctx.db.exec('ALTER TABLE stats_daily RENAME TO stats_daily_away');
    box.ctx.stats.flush();
    box.ctx.db.exec('ALTER TABLE stats_daily_away RENAME TO stats_daily');
    box.ctx.events.emit({ type: 'play', workId: 'chanson', client });
    box.ctx.stats.flush();
    expect(value(box, 'plays', 'chanson')).toBe(2);
  });

  it('is registered among the box’s starters: stopping the box flushes', async () => {
    box = makeTestBox({}, { now: () => new Date(2026, 10, 20, 10, 0) });
    const stopAll = await startFeatures(box.ctx);
    box.ctx.events.emit({
      type: 'download',
      workId: 'une-oeuvre',
      client: { ip: '10.0.0.1', userAgent: 'x' },
    });
    expect(value(box, 'downloads', 'une-oeuvre')).toBeNull();
    await stopAll();
    expect(value(box, 'downloads', 'une-oeuvre')).toBe(1);
  });
});
