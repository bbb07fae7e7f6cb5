import type { Clock } from '../core/clock.js';
import type { Db } from '../db/open.js';
import type { EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';
import { Aggregator } from './aggregator.js';
import { dayOf } from './classify.js';
import { StatsClock } from './clock.js';
import { StatsRepo } from './repo.js';

/** Counters are written once a minute: a power cut loses at most that minute. */
export const FLUSH_EVERY_MS = 60_000;
/** Aggregates are kept 25 months (CNIL recommendation), then deleted. */
export const RETENTION_MONTHS = 25;

/** The first day still kept on `today`: the same day 25 months earlier. */
export function retentionCutoff(today: string): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 - RETENTION_MONTHS, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, lastDay));
  return date.toISOString().slice(0, 10);
}

export interface StatisticsOptions {
  monotonic?: () => number;
  floor?: Date;
}

/**
 * Anonymous usage statistics: listens to the event bus, aggregates in memory, writes
 * one transaction per minute (and on shutdown), deletes what is older than 25 months.
 */
export class Statistics {
  readonly clock: StatsClock;
  readonly aggregator: Aggregator;
  readonly repo: StatsRepo;
  /** Write transactions committed since start (for the benchmark). */
  writes = 0;
  private retentionDoneFor = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    db: Db,
    events: EventBus,
    clock: Clock,
    private readonly log: Logger,
    options: StatisticsOptions = {},
  ) {
    this.clock = new StatsClock(clock, options.floor);
    this.aggregator = new Aggregator(() => this.clock.now(), options.monotonic);
    this.repo = new StatsRepo(db);
    events.on((event) => this.aggregator.ingest(event));
  }

  /** Writes what the last minute counted. Does nothing while the time is unknown. */
  flush(): void {
    const now = this.clock.now();
    if (!now) return;
    this.aggregator.dateUndated();
    const today = dayOf(now);
    const retention = this.retentionDoneFor === today ? null : retentionCutoff(today);
    const deltas = this.aggregator.drain();
    if (deltas.length === 0 && !retention) return;
    try {
      this.repo.write(deltas, retention);
      this.writes += 1;
      if (retention) this.retentionDoneFor = today;
    } catch (err) {
      this.aggregator.restore(deltas);
      this.log.error(
        `Statistiques non enregistrées (nouvel essai dans une minute) : ${(err as Error).message}`,
      );
    }
  }

  /** Starts the once-a-minute flusher; the returned stop flushes a last time. */
  start(): () => void {
    if (this.timer) return () => this.stop();
    this.flush();
    this.timer = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  /**
   * The most downloaded works of the last `days` days (today included), from the daily
   * counts already written: what the portal's home page shows as popular this week.
   */
  popularWorks(days: number, limit: number): Array<{ workId: string; downloads: number }> {
    const now = this.clock.now();
    if (!now) return [];
    const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
    return this.repo
      .top('downloads', dayOf(from), dayOf(now), limit)
      .map((r) => ({ workId: r.key, downloads: r.value }));
  }

  /** The animateur's browser time, posted from an admin page (see StatsClock). */
  setTimeFromBrowser(ms: number): boolean {
    const used = this.clock.setFromBrowser(ms);
    if (used) {
      this.log.info(
        `Heure de la boîte inconnue : heure du navigateur de l'animateur utilisée (${new Date(ms).toISOString()}).`,
      );
      this.flush();
    }
    return used;
  }
}
