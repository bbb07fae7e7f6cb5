/**
 * A plain-language (FALC, Easy-to-Read) helper for notice authors. It only warns: the
 * people a notice is written for are the real judges, and some words (the name of a
 * button on the screen) must stay as the phone writes them.
 *
 * What it flags, after Inclusion Europe's "Information for all":
 * - sentences over 12 words (one idea per sentence);
 * - initials and abbreviations (all-capital words, "etc.", "ex.", "M.", "n°"…);
 * - special characters (& # § % @ / \ * _ ~ ^ |) and large numbers or percentages;
 * - jargon from a short list: words a beginner stumbles on, each with a plainer word.
 *   "application", "Wi-Fi", "télécharger" are not in it: a beginner meets them on the
 *   screen itself and must learn to recognise them;
 * - in a step's action, more than one verb of action ("Touchez … et cliquez … puis
 *   téléchargez-le": each verb is flagged, a step is one action);
 * - a colour reference `{1}` whose colour word is not written just before it
 *   ("entouré en rouge {1}" reads naturally; "le bouton {1}" does not say the colour).
 */
import { paletteByNumber, saysColourBefore } from './shared/palette.js';

export type FalcCode =
  | 'long-sentence'
  | 'abbreviation'
  | 'special-character'
  | 'large-number'
  | 'jargon'
  | 'several-actions'
  | 'colour-word';

export interface FalcWarning {
  code: FalcCode;
  message: string;
  /** The word or sentence concerned. */
  excerpt: string;
}

export const MAX_WORDS = 12;

/** Jargon → what to say instead (lower-case, matched on whole words). */
export const JARGON: Record<string, string> = {
  url: 'adresse',
  navigateur: 'Internet (le nom de l’application)',
  'navigateur web': 'Internet (le nom de l’application)',
  paramètres: 'Réglages (comme sur l’écran)',
  cliquez: 'touchez (sur un téléphone) ; « cliquez » seulement pour un ordinateur',
  cliquer: 'toucher (sur un téléphone)',
  onglet: 'page',
  hyperlien: 'lien',
  smartphone: 'téléphone',
  'e-mail': 'courriel, ou message',
  email: 'courriel, ou message',
  login: 'identifiant',
  cookie: 'à expliquer, ou à éviter',
  cache: 'à expliquer, ou à éviter',
  synchroniser: 'à expliquer, ou à éviter',
  interface: 'écran',
  icône: 'dessin, ou bouton',
  sélectionnez: 'touchez, ou choisissez',
  valider: 'touchez le bouton…',
  qr: 'code carré',
};

const ABBREVIATIONS =
  /(^|[\s(])(etc\.|ex\.|cf\.|p\.ex\.|env\.|M\.|Mme|Mlle|n°|tél\.|réf\.|svp|ssi)(?=[\s,;:)]|$)/giu;
const DOTTED_INITIALS = /\b(?:\p{Lu}\.){2,}/u;
const SPECIAL = /[&#§%@\\*_~^|]|(?<![\p{L}\d.])\/(?![\p{L}\d.])/u;

function stripRefs(text: string): string {
  return text.replace(/\{[1-9]\}/g, '');
}

/** Sentences end at . ! ? … followed by a space or the end ("lanterne.lan" is one word). */
export function sentences(text: string): string[] {
  return stripRefs(text)
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function words(sentence: string): string[] {
  return sentence.split(/[\s]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Imperatives that do not end in -ez. */
const IRREGULAR_IMPERATIVES = new Set(['faites', 'dites']);
/** Words in -ez that are not verbs. */
const NOT_VERBS = new Set(['chez', 'nez', 'assez', 'rez']);

/**
 * The verbs of action of a text, in order, once each: French imperatives ("touchez",
 * "téléchargez-le", "n’ouvrez", "faites"), not "vous avez" or "si vous voulez".
 */
export function actionVerbs(text: string): string[] {
  const tokens = stripRefs(text)
    .toLowerCase()
    .split(/[\s,;:!?.()«»"“”…]+/u)
    .filter(Boolean);
  const found: string[] = [];
  tokens.forEach((raw, i) => {
    const token = raw.replace(/^(?:n|l|m|t|s|j|qu|d)['’]/u, '');
    const base = token.replace(/-(?:le|la|les|lui|leur|moi|toi|en|y|nous|vous)$/u, '');
    const previous = (tokens[i - 1] ?? '').replace(/^(?:n|l|m|t|s|j|qu|d)['’]/u, '');
    if (previous === 'vous' || NOT_VERBS.has(base)) return;
    const verb = IRREGULAR_IMPERATIVES.has(base) || /^\p{L}{2,}ez$/u.test(base);
    if (verb && !found.includes(token)) found.push(token);
  });
  return found;
}

/** One step, one action: every verb of action of an action text, when there are several. */
export function checkAction(text: string): FalcWarning[] {
  const out = checkText(text);
  const verbs = actionVerbs(text);
  if (verbs.length > 1) {
    for (const verb of verbs) {
      out.push({
        code: 'several-actions',
        message: `« ${verb} » : une étape a une seule action (ici ${verbs.length} : ${verbs.join(', ')}). Faites une étape par action.`,
        excerpt: verb,
      });
    }
  }
  return out;
}

function colourWordWarnings(text: string): FalcWarning[] {
  const out: FalcWarning[] = [];
  for (const m of text.matchAll(/\{([1-9])\}/g)) {
    const entry = paletteByNumber(Number(m[1]));
    if (!entry || saysColourBefore(text.slice(0, m.index ?? 0), entry.key, 'fr')) continue;
    out.push({
      code: 'colour-word',
      message: `Repère ${m[0]} : écrivez sa couleur juste avant, par exemple « entouré en ${entry.key} ${m[0]} ».`,
      excerpt: m[0],
    });
  }
  return out;
}

export function checkText(text: string): FalcWarning[] {
  const out: FalcWarning[] = colourWordWarnings(text);
  const clean = stripRefs(text);
  for (const s of sentences(clean)) {
    const n = words(s).length;
    if (n > MAX_WORDS) {
      out.push({
        code: 'long-sentence',
        message: `Phrase de ${n} mots : coupez-la (${MAX_WORDS} mots au plus).`,
        excerpt: s,
      });
    }
  }
  for (const w of clean.split(/[\s,;:!?()«»"“”’']+/u)) {
    const bare = w.replace(/^[’'.-]+|[’'.-]+$/gu, '');
    if (/^\p{Lu}{2,}$/u.test(bare)) {
      out.push({
        code: 'abbreviation',
        message: `« ${bare} » : sigle en capitales. Écrivez le mot en entier.`,
        excerpt: bare,
      });
    }
  }
  for (const m of clean.matchAll(ABBREVIATIONS)) {
    const abbr = m[2] ?? '';
    out.push({
      code: 'abbreviation',
      message: `« ${abbr} » : abréviation. Écrivez le mot en entier.`,
      excerpt: abbr,
    });
  }
  const dotted = DOTTED_INITIALS.exec(clean);
  if (dotted)
    out.push({
      code: 'abbreviation',
      message: `« ${dotted[0]} » : initiales. Écrivez les mots.`,
      excerpt: dotted[0],
    });
  const special = SPECIAL.exec(clean);
  if (special) {
    out.push({
      code: 'special-character',
      message: `Caractère « ${special[0]} » : remplacez-le par des mots.`,
      excerpt: special[0],
    });
  }
  for (const m of clean.matchAll(/\d[\d\s.,]*%|\b\d{4,}\b/gu)) {
    if (/^(19|20)\d\d$/.test(m[0])) continue; // a year is fine
    out.push({
      code: 'large-number',
      message: `« ${m[0].trim()} » : grand nombre ou pourcentage. Dites-le simplement.`,
      excerpt: m[0].trim(),
    });
  }
  const lower = ` ${clean.toLowerCase().replace(/[.,;:!?()«»"“”’']/g, ' ')} `;
  for (const [term, instead] of Object.entries(JARGON)) {
    if (lower.includes(` ${term} `)) {
      out.push({
        code: 'jargon',
        message: `« ${term} » : mot difficile. Plutôt : ${instead}.`,
        excerpt: term,
      });
    }
  }
  return out;
}

export interface NoticeFalcWarning extends FalcWarning {
  /** Where: "titre", "résumé", "étape 2 › action"… */
  where: string;
  step?: number | undefined;
  field: string;
}

interface Checkable {
  title: string;
  summary: string;
  needs?: string[] | undefined;
  remember?: string[] | undefined;
  steps: Array<{
    action: string;
    tip?: string | undefined;
    warning?: string | undefined;
    result?: string | undefined;
  }>;
}

const FIELD_NAMES: Record<string, string> = {
  action: 'action',
  tip: 'astuce',
  warning: 'attention',
  result: 'résultat',
};

/** Every warning of a notice, with where it is. */
export function checkNotice(notice: Checkable): NoticeFalcWarning[] {
  const out: NoticeFalcWarning[] = [];
  const add = (text: string | undefined, where: string, field: string, step?: number) => {
    if (!text) return;
    for (const w of checkText(text)) out.push({ ...w, where, field, step });
  };
  add(notice.title, 'titre', 'title');
  add(notice.summary, 'résumé', 'summary');
  (notice.needs ?? []).forEach((n, i) => add(n, `ce qu’il vous faut ${i + 1}`, 'needs'));
  (notice.remember ?? []).forEach((n, i) => add(n, `à retenir ${i + 1}`, 'remember'));
  notice.steps.forEach((s, i) => {
    for (const w of checkAction(s.action))
      out.push({ ...w, where: `étape ${i + 1} › action`, field: 'action', step: i + 1 });
    for (const field of ['tip', 'warning', 'result'] as const) {
      add(s[field], `étape ${i + 1} › ${FIELD_NAMES[field]}`, field, i + 1);
    }
  });
  return out;
}
