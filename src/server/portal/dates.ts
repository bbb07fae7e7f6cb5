import type { Lang } from '../i18n/lang.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    formats.set(key, f);
  }
  return f;
}

/**
 * A date in words for visitors: "2026-11-01" → "1 novembre 2026", "2026-11" →
 * "novembre 2026", "1862" stays "1862"; a full timestamp is shown as its local day.
 * Anything else (a pack may write "vers 1900") is shown as written.
 *
 * @example dateInWords('fr', '2026-11-01') // '1 novembre 2026'
 */
export function dateInWords(lang: Lang, value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return format(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return format(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))
    return format(lang, { dateStyle: 'long' }).format(new Date(value));
  return value;
}
