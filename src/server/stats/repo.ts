import type { Db } from '../db/open.js';
import type { Delta, Metric } from './aggregator.js';

export interface Row {
  day: string;
  metric: Metric;
  key: string;
  value: number;
}

/** Prepared statements over `stats_daily`. */
export class StatsRepo {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      add: db.prepare(
        `INSERT INTO stats_daily (day, metric, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (metric, day, key) DO UPDATE SET value = value + excluded.value`,
      ),
      deleteBefore: db.prepare('DELETE FROM stats_daily WHERE day < ?'),
      range: db.prepare(
        'SELECT day, metric, key, value FROM stats_daily WHERE day BETWEEN ? AND ? ORDER BY day, metric, key',
      ),
      sumByKey: db.prepare(
        'SELECT key, sum(value) AS value FROM stats_daily WHERE metric = ? AND day BETWEEN ? AND ? GROUP BY key ORDER BY value DESC, key LIMIT ?',
      ),
      oldest: db.prepare('SELECT min(day) AS day FROM stats_daily'),
    };
  }

  /**
   * Writes a minute of counters and, when due, the retention clean-up, in ONE
   * transaction (one SD-card write per minute at most).
   */
  write(deltas: Delta[], deleteBefore: string | null): void {
    this.db.transaction(() => {
      for (const d of deltas) this.s.add.run(d.day, d.metric, d.key, d.value);
      if (deleteBefore) this.s.deleteBefore.run(deleteBefore);
    })();
  }

  range(from: string, to: string): Row[] {
    return this.s.range.all(from, to) as Row[];
  }

  top(
    metric: Metric,
    from: string,
    to: string,
    limit: number,
  ): Array<{ key: string; value: number }> {
    return this.s.sumByKey.all(metric, from, to, limit) as Array<{ key: string; value: number }>;
  }

  oldestDay(): string | null {
    return (this.s.oldest.get() as { day: string | null }).day;
  }
}
