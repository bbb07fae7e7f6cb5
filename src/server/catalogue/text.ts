/** Lower case, accents removed: "Forêt" → "foret". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
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
 * through). Every word matches as a prefix so results follow the typing, and the same
 * words as whole words are OR-ed in so that "conte" ranks « Conte de Noël » above
 * « Les Contemplations ». Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = (input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (words.length === 0) return null;
  const quoted = words.map((w) => `"${w}"`);
  return `(${quoted.join(' ')}) OR (${quoted.map((q) => `${q}*`).join(' ')})`;
}
