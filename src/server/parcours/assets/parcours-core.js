// The one place exercises are checked and progress codes are made and read: the box's
// server imports this file (for pages without JavaScript), and the visitor's browser
// loads it from /static (answers are then checked on the phone, never sent). Plain
// JavaScript on purpose, so that both run the very same lines; types in parcours-core.d.ts.

/** Crockford's base 32: no I, L, O, U, so a code copied by hand reads back. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 4 symbols for the parcours, 4 for the steps done (one bit each), 1 check symbol. */
const KEY_SYMBOLS = 4;
const STEP_SYMBOLS = 4;
export const MAX_CODE_STEPS = STEP_SYMBOLS * 5;

/** A 20-bit number for a parcours id (FNV-1a over its UTF-8 bytes). */
export function parcoursKey(id) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h ^ (h >>> 20)) & 0xfffff;
}

function symbols(value, count) {
  let out = '';
  for (let i = count - 1; i >= 0; i -= 1) out += ALPHABET[Math.floor(value / 32 ** i) % 32];
  return out;
}

/** Luhn mod 32: catches every single wrong symbol and most swapped neighbours. */
function checkSymbol(data) {
  let sum = 0;
  let factor = 2;
  for (let i = data.length - 1; i >= 0; i -= 1) {
    let addend = factor * ALPHABET.indexOf(data[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32];
}

/**
 * The progress code of a parcours: `ABCD-EFGH-J`. It holds the progress itself (which
 * parcours, which steps are done, a check symbol), so it is no key into anything kept.
 * @example encodeProgress('premiers-pas', [1, 2, 5]) // 'A5GJ-000K-G'
 */
export function encodeProgress(id, done) {
  let mask = 0;
  for (const n of done) if (n >= 1 && n <= MAX_CODE_STEPS) mask |= 1 << (n - 1);
  const data = symbols(parcoursKey(id), KEY_SYMBOLS) + symbols(mask >>> 0, STEP_SYMBOLS);
  const code = data + checkSymbol(data);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Reads a code typed by hand: case, spaces and dashes ignored, O read as 0, I and L as 1. */
export function decodeProgress(typed) {
  const clean = String(typed)
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (clean.length === 0) return { ok: false, reason: 'empty' };
  if (clean.length !== KEY_SYMBOLS + STEP_SYMBOLS + 1) return { ok: false, reason: 'length' };
  for (const ch of clean) if (!ALPHABET.includes(ch)) return { ok: false, reason: 'symbol' };
  const data = clean.slice(0, -1);
  if (checkSymbol(data) !== clean.slice(-1)) return { ok: false, reason: 'check' };
  const value = (s) => [...s].reduce((v, ch) => v * 32 + ALPHABET.indexOf(ch), 0);
  const mask = value(data.slice(KEY_SYMBOLS));
  const steps = [];
  for (let n = 1; n <= MAX_CODE_STEPS; n += 1) if (mask & (1 << (n - 1))) steps.push(n);
  return { ok: true, key: value(data.slice(0, KEY_SYMBOLS)), steps };
}

const COMMON_PASSWORDS = [
  '123456',
  'azerty',
  'qwerty',
  'motdepasse',
  'password',
  'soleil',
  'bonjour',
  'doudou',
  'loulou',
  'marseille',
  'chouchou',
  'nicolas',
  '000000',
  '111111',
  'abcdef',
];

/** Without its accents ("é" → "e"); `fold` also ignores capitals. */
const bare = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const fold = (s) => bare(s).toLowerCase();

function checkPassword(exercise, value) {
  if (value.length === 0) return { ok: false, code: 'empty' };
  const low = fold(value);
  if (exercise.avoid.some((word) => low.includes(fold(word))))
    return { ok: false, code: 'personal' };
  if (COMMON_PASSWORDS.some((word) => low.includes(word))) return { ok: false, code: 'common' };
  if (value.length < exercise.minLength) return { ok: false, code: 'short' };
  const kinds = [/[a-zà-ÿ]/, /[A-ZÀ-Þ]/, /[0-9]/, /[^A-Za-zÀ-ÿ0-9]/].filter((r) =>
    r.test(value),
  ).length;
  if (kinds < 3) return { ok: false, code: 'kinds' };
  return { ok: true, code: 'right' };
}

function checkWord(exercise, value) {
  const typed = value.trim();
  if (typed.length === 0) return { ok: false, code: 'empty' };
  const expected = exercise.answer.trim();
  if (typed === expected) return { ok: true, code: 'right' };
  if (typed.replace(/\s+/g, '') === expected.replace(/\s+/g, ''))
    return { ok: false, code: 'space' };
  if (typed.toLowerCase() === expected.toLowerCase()) return { ok: false, code: 'case' };
  if (bare(typed) === bare(expected)) return { ok: false, code: 'accent' };
  if (fold(typed) === fold(expected)) return { ok: false, code: 'both' };
  if (expected.includes('@') && !typed.includes('@')) return { ok: false, code: 'at' };
  return { ok: false, code: 'wrong' };
}

/**
 * Checks one answer, in memory: `answer` is the option or zone number (from 0) for
 * choices, taps and messages, the text typed for words and passwords.
 * @returns {{ ok: boolean, code: string, chosen?: number }}
 */
export function checkAnswer(exercise, answer) {
  switch (exercise.type) {
    case 'type-word':
      return checkWord(exercise, String(answer ?? ''));
    case 'password':
      return checkPassword(exercise, String(answer ?? ''));
    default: {
      const list = exercise.type === 'tap' ? exercise.zones : exercise.options;
      const chosen = Number.parseInt(String(answer ?? ''), 10);
      if (!Number.isInteger(chosen) || !list[chosen]) return { ok: false, code: 'empty' };
      return {
        ok: list[chosen].correct === true,
        code: list[chosen].correct ? 'right' : 'wrong',
        chosen,
      };
    }
  }
}

/** What the page says after a try, in both languages (the same words with or without JS). */
export const FEEDBACK = {
  fr: {
    right: 'Bravo, c’est juste !',
    wrong: 'Pas tout à fait. Ce n’est pas grave : essayez encore, à votre rythme.',
    empty: 'Vous n’avez encore rien choisi ni écrit. Essayez quand vous voulez.',
    space: 'Presque ! Regardez les espaces entre les mots.',
    case: 'Presque ! Regardez les majuscules et les minuscules.',
    accent: 'Presque ! Il manque un accent, ou il y en a un de trop.',
    both: 'Presque ! Regardez les accents et les majuscules.',
    at: 'Presque ! Il manque l’arobase « @ ».',
    short: 'Ce mot de passe est un peu court. Ajoutez des lettres ou des mots.',
    kinds: 'Mélangez davantage : des minuscules, des majuscules, des chiffres ou des signes.',
    common: 'Ce mot de passe est trop connu : les pirates l’essaient en premier.',
    personal: 'Ce mot de passe contient votre nom ou votre date : c’est facile à deviner.',
    hint: 'Un indice :',
    retry: 'Réessayer',
    next: 'Étape suivante',
  },
  en: {
    right: 'Well done, that’s right!',
    wrong: 'Not quite. That’s fine: try again, at your own pace.',
    empty: 'You have not chosen or written anything yet. Try whenever you like.',
    space: 'Nearly! Look at the spaces between the words.',
    case: 'Nearly! Look at the capital and small letters.',
    accent: 'Nearly! An accent is missing, or there is one too many.',
    both: 'Nearly! Look at the accents and the capital letters.',
    at: 'Nearly! The at sign “@” is missing.',
    short: 'This password is a little short. Add letters or words.',
    kinds: 'Mix more: small letters, capitals, numbers or signs.',
    common: 'This password is too well known: pirates try it first.',
    personal: 'This password holds your name or your date: it is easy to guess.',
    hint: 'A hint:',
    retry: 'Try again',
    next: 'Next step',
  },
};

/**
 * What the feedback box shows after a try: the page rendered by the box (no JavaScript)
 * and the script on the phone both fill the same elements from this.
 */
export function feedbackView(exercise, result, lang) {
  const words = FEEDBACK[lang] || FEEDBACK.fr;
  const list = exercise.type === 'tap' ? exercise.zones : exercise.options;
  const chosen = list && result.chosen !== undefined ? list[result.chosen] : undefined;
  const detail = (chosen && chosen.feedback) || (result.ok ? exercise.success : '');
  return {
    ok: result.ok,
    main: words[result.code] || words.wrong,
    detail,
    hint: !result.ok && result.code !== 'empty',
    clues: result.ok && exercise.type === 'message',
  };
}
