import { lazy } from '../core/lazy.js';

/**
 * Europe/Paris wall time ⇄ UTC instants, with the platform's time-zone data (Intl), so
 * a workshop typed "14:00" on the day after a daylight-saving change still starts at
 * 14:00 in Paris. The box stores instants; pages show Paris wall time.
 */
export const ZONE = 'Europe/Paris';

/** Formatters are made on first use (core/lazy.ts: no ICU data held at rest). */

const parts = lazy(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }),
);

/** The Paris wall time of an instant: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function parisWall(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(
    parts()
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p['year']}-${p['month']}-${p['day']}`, time: `${p['hour']}:${p['minute']}` };
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(ms: number): number {
  const w = parisWall(new Date(ms));
  const asUtc = Date.parse(`${w.date}T${w.time}:00Z`);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

export type WallResult = { ok: true; at: Date } | { ok: false; reason: 'invalid' | 'skipped' };

/**
 * The instant at which Paris clocks show `date` `time`. A time that does not exist (the
 * hour skipped in spring, 02:00–02:59 on the last Sunday of March) is refused; a time
 * shown twice (02:00–02:59 on the last Sunday of October) is the first one, summer time.
 */
export function parisToUtc(date: string, time: string): WallResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time))
    return { ok: false, reason: 'invalid' };
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (!Number.isFinite(naive) || new Date(naive).toISOString().slice(0, 10) !== date)
    return { ok: false, reason: 'invalid' };
  // Try both offsets the zone uses around this date; keep those that read back right.
  const candidates = [
    ...new Set([offsetMinutes(naive - 86_400_000), offsetMinutes(naive + 86_400_000)]),
  ]
    .map((off) => naive - off * 60_000)
    .filter((ms) => {
      const w = parisWall(new Date(ms));
      return w.date === date && w.time === time;
    })
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? { ok: false, reason: 'skipped' } : { ok: true, at: new Date(first) };
}

const longDay = lazy(
  () =>
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
);
const longDayEn = lazy(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
);

/** "14 h", "14 h 30" (French typography), or "14:30" in English. */
export function hourLabel(at: Date, lang: 'fr' | 'en' = 'fr'): string {
  const { time } = parisWall(at);
  const [h, m] = time.split(':');
  if (lang === 'en') return time;
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** "samedi 24 octobre 2026 à 14 h 30" / "Saturday 24 October 2026 at 14:30". */
export function dateTimeLabel(at: Date, lang: 'fr' | 'en' = 'fr'): string {
  return lang === 'en'
    ? `${longDayEn().format(at)} at ${hourLabel(at, 'en')}`
    : `${longDay().format(at)} à ${hourLabel(at, 'fr')}`;
}

/** "samedi 24 octobre 2026". */
export function dayLabel(at: Date, lang: 'fr' | 'en' = 'fr'): string {
  return (lang === 'en' ? longDayEn : longDay)().format(at);
}
