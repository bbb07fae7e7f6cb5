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

/** The longest query a search reads; what comes after is dropped (and the visitor told). */
export const MAX_QUERY_CHARS = 200;
/** At most this many words take part in a search. */
const MAX_WORDS = 8;

/** What a visitor typed, read once: the text kept, its words, and what had to be dropped. */
export interface ReadQuery {
  /** Trimmed and cut to `MAX_QUERY_CHARS` (shown back to the visitor). */
  text: string;
  /** Letters and digits only, NFC: punctuation, emoji and FTS syntax never get through. */
  words: string[];
  /** The query was longer than `MAX_QUERY_CHARS` and was cut. */
  tooLong: boolean;
}

/**
 * Reads a query: `'";--` or `🙂` give no words (an empty search, not the whole catalogue).
 *
 * @example readQuery('  Forêt, enchantée ! ') // { text: 'Forêt, enchantée !', words: ['Forêt', 'enchantée'], tooLong: false }
 */
export function readQuery(input: string): ReadQuery {
  const trimmed = input.trim();
  const tooLong = [...trimmed].length > MAX_QUERY_CHARS;
  const text = tooLong ? [...trimmed].slice(0, MAX_QUERY_CHARS).join('').trim() : trimmed;
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  return { text, words, tooLong };
}

/** A visitor's words as FTS5 strings (see `toFtsQuery`). */
export interface FtsQuery {
  /** Every word as a whole word: `"foret" "ete"`. */
  exact: string;
  /** Every word as the start of a word: `"foret"* "ete"*`. */
  prefix: string;
}

/**
 * Turns what a visitor typed into safe FTS5 strings: words only, quoted (no FTS syntax can
 * get through). Every word matches as a prefix so results follow the typing; the same
 * words as whole words tell the ranking that « Conte de Noël » answers "conte" better
 * than « Les Contemplations ». Returns null when nothing searchable is left.
 *
 * @example toFtsQuery('Forêt été') // { exact: '"Forêt" "été"', prefix: '"Forêt"* "été"*' }
 */
export function toFtsQuery(input: string): FtsQuery | null {
  const { words } = readQuery(input);
  if (words.length === 0) return null;
  const quoted = words.map((w) => `"${w}"`);
  return { exact: quoted.join(' '), prefix: quoted.map((q) => `${q}*`).join(' ') };
}

/**
 * The folded words of a text for matching in memory, with hyphenated words also joined:
 * "Wi-Fi" gives "wi", "fi" and "wifi", so typing "wifi" finds it.
 */
export function foldedWords(text: string): string[] {
  const folded = fold(text.normalize('NFC'));
  const out: string[] = [...(folded.match(/[\p{L}\p{N}]+/gu) ?? [])];
  for (const compound of folded.match(/[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)+/gu) ?? [])
    out.push(compound.replace(/[-‐'’]/g, ''));
  return out;
}
