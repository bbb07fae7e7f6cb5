export type Lang = 'fr' | 'en';

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/**
 * French unless the browser prefers English over French (`Accept-Language`, q-values
 * honoured). The box is French first: anything else falls back to French.
 */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'fr';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const primary = tag.split('-')[0];
    if (!isLang(primary) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'fr';
}

/** A message table per feature: French is the reference, English must have every key. */
export type Messages<T extends Record<string, string>> = Record<Lang, T>;

export function defineMessages<T extends Record<string, string>>(
  fr: T,
  en: { [K in keyof T]: string },
): Messages<T> {
  return { fr, en: en as T };
}
