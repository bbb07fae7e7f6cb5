/** Lower case, accents removed: "Forêt" → "foret". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A URL-safe slug: "Démarches en ligne" → "demarches-en-ligne". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const LEADING_ARTICLE = /^(le |la |les |l'|l’|un |une |des |the |a |an )/;

/** The key works are sorted by: folded, leading article dropped ("Le Horla" → "horla"). */
export function sortKey(title: string): string {
  return fold(title).trim().replace(LEADING_ARTICLE, '').trim();
}

/**
 * Turns what a visitor typed into a safe FTS5 query: words only (no FTS syntax can get
 * through), each one a prefix so results follow the typing. Returns null when nothing
 * searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, 8).map((w) => `"${w.replace(/"/g, '')}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}
