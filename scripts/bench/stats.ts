/**
 * Statistics benchmark: how many events per second the in-memory aggregator absorbs
 * (HMAC of the visitor included), and how many database write transactions the
 * flusher makes per minute while events keep coming.
 *
 * `benchStats()` is called by `npm run bench`; alone: `npx tsx scripts/bench/stats.ts`.
 * Minutes are simulated (the clock is advanced and the flusher's tick called, as its
 * timer would): the figure is transactions per simulated minute, checked independently
 * with SQLite's `data_version` seen from a second connection (it must not move while
 * events arrive, only at the minute's flush).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { migrate } from '../../src/server/db/migrate.js';
import { openDatabase } from '../../src/server/db/open.js';
import { EventBus, type BoxEvent, type Client } from '../../src/server/events/bus.js';
import { silentLogger } from '../../src/server/log.js';
import { Statistics } from '../../src/server/stats/service.js';

export const STATS_TARGETS = { eventsPerSecond: 20_000, writesPerMinute: 1 };

export interface StatsBenchResult {
  events: number;
  eventsPerSecond: number;
  simulatedMinutes: number;
  writeTransactions: number;
  writesPerMinute: number;
  /** Writes seen by the second connection while events were arriving (must be 0). */
  writesDuringEvents: number;
  /** Mean time of one minute's flush transaction. */
  flushMs: number;
  rowsStored: number;
  pass: boolean;
}

function makeEvents(count: number): BoxEvent[] {
  const clients: Client[] = Array.from({ length: 800 }, (_, i) => ({
    ip: `10.3.${Math.floor(i / 250)}.${i % 250}`,
    userAgent: `Mozilla/5.0 (${i % 3 === 0 ? 'iPhone' : i % 3 === 1 ? 'Linux; Android 14' : 'X11; Linux x86_64'}) Bench/${i % 40}`,
  }));
  const sections = ['home', 'browse', 'search', 'work', 'about', 'notices'];
  const phrases = [
    'foret noire',
    'dragon',
    'permis de conduire',
    'recette crepes',
    'impots en ligne',
    'xyz',
  ];
  const out: BoxEvent[] = [];
  for (let i = 0; i < count; i++) {
    const client = clients[(i * 7919) % clients.length] ?? { ip: '', userAgent: '' };
    const r = i % 100;
    const work = `oeuvre-${(i * 31) % 500}`;
    if (r < 60)
      out.push({
        type: 'page',
        surface: r < 50 ? 'portal' : r < 57 ? 'kiosk' : 'opds',
        section: sections[i % sections.length] ?? 'home',
        client,
      });
    else if (r < 72)
      out.push({
        type: 'search',
        surface: 'portal',
        query: phrases[i % phrases.length] ?? '',
        results: i % 3 === 0 ? 0 : 5,
        client,
      });
    else if (r < 82) out.push({ type: 'download', workId: work, client });
    else if (r < 87) out.push({ type: 'play', workId: work, client });
    else if (r < 93)
      out.push({ type: 'notice-step', noticeId: `notice-${i % 20}`, step: 1 + (i % 8), client });
    else if (r < 97)
      out.push({
        type: 'notice',
        noticeId: `notice-${i % 20}`,
        action: i % 2 ? 'open' : 'finish',
        client,
      });
    else if (r < 99)
      out.push({
        type: 'notice-feedback',
        noticeId: `notice-${i % 20}`,
        face: i % 2 ? 'yes' : 'no',
      });
    else out.push({ type: 'kiosk-session', seconds: (i % 40) * 30, startedAt: new Date() });
  }
  return out;
}

export async function benchStats(
  options: { events?: number; minutes?: number } = {},
): Promise<StatsBenchResult> {
  const total = options.events ?? 600_000;
  const minutes = options.minutes ?? 10;
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-bench-stats-'));
  const dbFile = path.join(dir, 'lanterne.db');
  const db = openDatabase(dbFile);
  migrate(db);
  const watcher = new Database(dbFile, { readonly: true });
  const version = () => watcher.pragma('data_version', { simple: true }) as number;
  let now = new Date(2026, 10, 20, 9, 0).getTime();
  const events = new EventBus();
  const stats = new Statistics(db, events, { now: () => new Date(now) }, silentLogger);
  try {
    // Warm-up: first flush (retention) and the JIT.
    stats.flush();
    for (const e of makeEvents(20_000)) events.emit(e);
    stats.flush();
    const writesBefore = stats.writes;

    const batch = makeEvents(Math.ceil(total / minutes));
    let absorbMs = 0;
    let flushMs = 0;
    let writesDuringEvents = 0;
    for (let m = 0; m < minutes; m++) {
      const before = version();
      const t0 = performance.now();
      for (const e of batch) events.emit(e);
      absorbMs += performance.now() - t0;
      if (version() !== before) writesDuringEvents += 1;
      now += 60_000;
      const t1 = performance.now();
      stats.flush();
      flushMs += performance.now() - t1;
    }
    const writeTransactions = stats.writes - writesBefore;
    const events_ = batch.length * minutes;
    const result: StatsBenchResult = {
      events: events_,
      eventsPerSecond: Math.round(events_ / (absorbMs / 1000)),
      simulatedMinutes: minutes,
      writeTransactions,
      writesPerMinute: writeTransactions / minutes,
      writesDuringEvents,
      flushMs: Math.round((flushMs / minutes) * 10) / 10,
      rowsStored: (db.prepare('SELECT count(*) AS n FROM stats_daily').get() as { n: number }).n,
      pass: false,
    };
    result.pass =
      result.eventsPerSecond >= STATS_TARGETS.eventsPerSecond &&
      result.writesPerMinute <= STATS_TARGETS.writesPerMinute &&
      writesDuringEvents === 0;
    return result;
  } finally {
    watcher.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchStats().then(
    (r) => {
      process.stdout.write(
        `Statistiques : ${r.eventsPerSecond.toLocaleString('fr-FR')} évènements/s absorbés (objectif ≥ ${STATS_TARGETS.eventsPerSecond.toLocaleString('fr-FR')}), ` +
          `${r.writesPerMinute} transaction d'écriture/min sur ${r.simulatedMinutes} min simulées (objectif ≤ 1), ` +
          `${r.writesDuringEvents} écriture pendant l'arrivée des évènements, flush moyen ${r.flushMs} ms, ${r.rowsStored} lignes. ` +
          `${r.pass ? 'PASS' : 'FAIL'}\n`,
      );
      process.exitCode = r.pass ? 0 : 1;
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
