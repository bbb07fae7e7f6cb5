/** Calendar arithmetic on `YYYY-MM-DD` days (UTC maths, so no DST surprises). */
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 1000; d = addDays(d, 1)) out.push(d);
  return out;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  /** The reference day the picker shows. */
  date: string;
}

/** Longest custom period: the retention (25 months) plus a margin. */
const MAX_DAYS = 800;

/**
 * Reads the period picker's query: a day, the Monday–Sunday week or the calendar month
 * around `date`, or a custom `from`–`to`. Bad input falls back to this month.
 */
export function readPeriod(query: Record<string, string | undefined>, today: string): Period {
  const kind: PeriodKind =
    (['day', 'week', 'month', 'custom'] as const).find((k) => k === query['period']) ?? 'month';
  const date = isDay(query['date']) ? query['date'] : today;
  if (kind === 'day') return { kind, from: date, to: date, date };
  if (kind === 'week') {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const from = addDays(date, -weekday);
    return { kind, from, to: addDays(from, 6), date };
  }
  if (kind === 'custom' && isDay(query['from']) && isDay(query['to'])) {
    let from = query['from'];
    let to = query['to'];
    if (from > to) [from, to] = [to, from];
    if (daysBetween(from, to).length >= MAX_DAYS) from = addDays(to, -(MAX_DAYS - 1));
    return { kind, from, to, date: to };
  }
  const from = `${date.slice(0, 7)}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { kind: 'month', from, to: addDays(next.toISOString().slice(0, 10), -1), date };
}
