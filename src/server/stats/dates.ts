import { lazy } from '../core/lazy.js';
import { addDays, daysBetween, type Period } from './period.js';

/** French dates in words for the dashboard; days are `YYYY-MM-DD`, read in UTC. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);
/** Formats are made on first use (core/lazy.ts: no ICU data held while nobody looks). */
const fmt = (options: Intl.DateTimeFormatOptions) => {
  const made = lazy(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', ...options }));
  return { format: (d: Date) => made().format(d) };
};
const FULL = fmt({ day: 'numeric', month: 'long', year: 'numeric' });
const DAY_MONTH = fmt({ day: 'numeric', month: 'long' });
const WEEKDAY = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const SHORT = fmt({ weekday: 'short', day: 'numeric', month: 'short' });

/** `2026-11-03` → « 3 novembre 2026 ». */
export function dayInWords(day: string): string {
  return FULL.format(at(day));
}

/** `2026-11-03` → « mar. 3 nov. » (table rows). */
export function shortDayInWords(day: string): string {
  return SHORT.format(at(day));
}

/**
 * A period in words, as a heading says it: « le mardi 3 novembre 2026 »,
 * « du 1 au 30 novembre 2026 », « du 30 novembre au 6 décembre 2026 »,
 * « du 28 décembre 2026 au 3 janvier 2027 ».
 */
export function periodInWords(from: string, to: string): string {
  if (from === to) return `le ${WEEKDAY.format(at(from))}`;
  const [fy, fm] = [from.slice(0, 4), from.slice(5, 7)];
  const [ty, tm] = [to.slice(0, 4), to.slice(5, 7)];
  if (fy === ty && fm === tm) return `du ${Number(from.slice(8, 10))} au ${FULL.format(at(to))}`;
  if (fy === ty) return `du ${DAY_MONTH.format(at(from))} au ${FULL.format(at(to))}`;
  return `du ${FULL.format(at(from))} au ${FULL.format(at(to))}`;
}

/** The same with a capital, for a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface PeriodLink {
  label: string;
  query: Record<string, string>;
  current: boolean;
}

/** The first day of the month `months` months away from `day`'s month. */
function monthStart(day: string, months: number): string {
  const d = at(`${day.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The period buttons: today, this week, this month, last month, the last 12 months. */
export function periodChoices(p: Period, today: string): PeriodLink[] {
  const lastMonth = monthStart(today, -1);
  const twelveFrom = monthStart(today, -11);
  const month = (day: string) => p.kind === 'month' && p.from === monthStart(day, 0);
  return [
    {
      label: 'Aujourd’hui',
      query: { period: 'day', date: today },
      current: p.kind === 'day' && p.from === today,
    },
    {
      label: 'Cette semaine',
      query: { period: 'week', date: today },
      current: p.kind === 'week' && p.from <= today && today <= p.to,
    },
    { label: 'Ce mois-ci', query: { period: 'month', date: today }, current: month(today) },
    {
      label: 'Le mois dernier',
      query: { period: 'month', date: lastMonth },
      current: month(lastMonth),
    },
    {
      label: 'Les 12 derniers mois',
      query: { period: 'custom', from: twelveFrom, to: today },
      current: p.kind === 'custom' && p.from === twelveFrom && p.to === today,
    },
  ];
}

const STEP_WORDS: Record<Period['kind'], readonly [string, string]> = {
  day: ['Jour précédent', 'Jour suivant'],
  week: ['Semaine précédente', 'Semaine suivante'],
  month: ['Mois précédent', 'Mois suivant'],
  custom: ['Période précédente', 'Période suivante'],
};

/** The same length of time just before (-1) or after (+1) the period shown. */
export function stepPeriod(p: Period, direction: -1 | 1): PeriodLink {
  const label = STEP_WORDS[p.kind][direction < 0 ? 0 : 1];
  const link = (query: Record<string, string>) => ({ label, query, current: false });
  if (p.kind === 'day') return link({ period: 'day', date: addDays(p.from, direction) });
  if (p.kind === 'week') return link({ period: 'week', date: addDays(p.from, 7 * direction) });
  if (p.kind === 'month') return link({ period: 'month', date: monthStart(p.from, direction) });
  const n = daysBetween(p.from, p.to).length;
  return direction < 0
    ? link({ period: 'custom', from: addDays(p.from, -n), to: addDays(p.from, -1) })
    : link({ period: 'custom', from: addDays(p.to, 1), to: addDays(p.to, n) });
}
