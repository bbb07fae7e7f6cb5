/**
 * Letters and signs that Unicode decomposition does not reduce to ASCII, with the ASCII
 * a French reader expects (typographic apostrophes and dashes above all: titles are
 * full of them). Quotes become `'`, since `"` cannot appear in a quoted filename.
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  ı: 'i',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': "'",
  '\u201d': "'",
  '\u201e': "'",
  '\u00ab': "'",
  '\u00bb': "'",
  '\u2039': "'",
  '\u203a': "'",
  '"': "'",
  '\\': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u00d7': 'x',
  '\u20ac': 'EUR',
  '\u00b0': 'o',
  '\u00b7': '.',
  '\u2022': '-',
};

/**
 * A printable-ASCII form of a file name, for the `filename=` fallback of
 * Content-Disposition: accents dropped (é → e), ligatures spelled (œ → oe), typographic
 * signs replaced by their plain forms (– → -, ’ → '); anything else becomes `_`.
 *
 * @example asciiFileName('L’été – œuvres.epub') // "L'ete - oeuvres.epub"
 */
export function asciiFileName(name: string): string {
  return [...name.normalize('NFC')]
    .map((ch) => TRANSLITERATION[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
}
