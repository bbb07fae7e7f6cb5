/** Coarse device classes: the only thing a user agent is reduced to (in memory). */
export type DeviceFamily = 'phone' | 'tablet' | 'computer' | 'kiosk';
export const DEVICE_FAMILIES: readonly DeviceFamily[] = ['phone', 'tablet', 'computer', 'kiosk'];

/**
 * Guesses the family from a user agent. iPadOS 13+ claims to be a Mac: it is counted
 * as a computer, which is the honest coarse answer without client-side scripts.
 */
export function deviceFamily(userAgent: string, surface?: string): DeviceFamily {
  if (surface === 'kiosk') return 'kiosk';
  const ua = userAgent.toLowerCase();
  if (
    ua.includes('ipad') ||
    ua.includes('tablet') ||
    (ua.includes('android') && !ua.includes('mobile'))
  )
    return 'tablet';
  if (ua.includes('mobi') || ua.includes('iphone') || ua.includes('ipod') || ua.includes('android'))
    return 'phone';
  return 'computer';
}

/**
 * Folds a search phrase so that « Forêt  Noire » and « foret noire » count as one:
 * accents removed, lower case, spaces collapsed, capped at 80 characters.
 */
export function foldPhrase(query: string): string {
  return query
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{C}]+/gu, ' ')
    .trim()
    .slice(0, 80)
    .trim();
}

/** Kiosk session lengths, in buckets (never the exact length). */
export const KIOSK_BUCKETS = ['<1min', '1-5min', '5-15min', '15-30min', '30min+'] as const;
export type KioskBucket = (typeof KIOSK_BUCKETS)[number];

export function kioskBucket(seconds: number): KioskBucket {
  if (seconds < 60) return '<1min';
  if (seconds < 300) return '1-5min';
  if (seconds < 900) return '5-15min';
  if (seconds < 1800) return '15-30min';
  return '30min+';
}

/** The local calendar day of a date, `YYYY-MM-DD` (the box's time zone). */
export function dayOf(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
