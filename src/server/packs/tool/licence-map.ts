import { isKnownLicence } from '../../catalogue/licences.js';

/**
 * Turns the free text a file gives about its rights (EPUB `dc:rights`, an audio tag's
 * copyright, a PDF subject) into a licence id — or into a question for a person.
 * The box publishes what the licence column says, so when the text is not plain and
 * certain, the licence stays empty and the note says what to check: never a silent guess.
 */
export interface LicenceGuess {
  /** An SPDX id the box knows, or '' when a person must decide. */
  licence: string;
  /** '' when certain; otherwise starts with "à confirmer :" (blocks `build`) or "à vérifier :". */
  note: string;
}

const CC_PARTS: Record<string, string> = {
  attribution: 'BY',
  by: 'BY',
  noncommercial: 'NC',
  'non-commercial': 'NC',
  nc: 'NC',
  sharealike: 'SA',
  'share-alike': 'SA',
  sa: 'SA',
  noderivatives: 'ND',
  noderivs: 'ND',
  nd: 'ND',
};
const ORDER = ['BY', 'NC', 'SA', 'ND'];

function ccId(parts: string[], version: string): string | null {
  const codes = [
    ...new Set(
      parts.map((p) => CC_PARTS[p.toLowerCase()]).filter((c): c is string => c !== undefined),
    ),
  ];
  codes.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  if (codes[0] !== 'BY') return null;
  const id = `CC-${codes.join('-')}-${version}`;
  return isKnownLicence(id) ? id : null;
}

/** Every licence the text names explicitly (URL, short name or SPDX id). */
export function licencesNamed(text: string): string[] {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (const m of t.matchAll(/creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/g)) {
    const id = ccId((m[1] ?? '').split('-'), m[2] ?? '');
    if (id) found.add(id);
  }
  for (const m of t.matchAll(
    /\bcc[ -]((?:by|nc|sa|nd)(?:[ -](?:by|nc|sa|nd))*)[ -]v?(\d\.\d)\b/g,
  )) {
    const id = ccId((m[1] ?? '').split(/[ -]/), m[2] ?? '');
    if (id) found.add(id);
  }
  for (const m of t.matchAll(
    /creative commons ((?:attribution|non-?commercial|share-?alike|no ?deriv(?:ative)?s)(?:[ -]+(?:attribution|non-?commercial|share-?alike|no ?deriv(?:ative)?s))*)(?: international)?(?: licen[cs]e)?,? (?:version )?(\d\.\d)/g,
  )) {
    const parts = (m[1] ?? '')
      .replace(/no ?deriv/g, 'noderiv')
      .replace(/share-alike/g, 'sharealike')
      .replace(/non-commercial/g, 'noncommercial')
      .split(/[ -]+/);
    const id = ccId(parts, m[2] ?? '');
    if (id) found.add(id);
  }
  if (/\bcc0\b|cc-zero|publicdomain\/zero\//.test(t)) found.add('CC0-1.0');
  if (/publicdomain\/mark\/|public domain mark/.test(t)) found.add('PDM-1.0');
  if (/art ?libre|artlibre\.org|free art licen[cs]e/.test(t)) found.add('LAL-1.3');
  const exact = text.trim();
  if (isKnownLicence(exact)) found.add(exact);
  return [...found];
}

const PUBLIC_DOMAIN = /domaine public|public[ -]domain/i;
/** Phrases saying the public domain status holds only in some countries. */
const TERRITORIAL =
  /united states public domain|in the united states|other countries|outside (?:of )?the united states|aux [ée]tats-unis|d'autres pays|certains pays/i;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

export function guessLicence(rights: string): LicenceGuess {
  const text = rights.replace(/\s+/g, ' ').trim();
  if (text === '') return { licence: '', note: '' };
  const named = licencesNamed(text);
  const short = text.length <= 80;
  const territorial = TERRITORIAL.test(text);
  if (named.length > 1) {
    return {
      licence: '',
      note: `à confirmer : le texte des droits cite plusieurs licences (${named.join(', ')}) : « ${excerpt(text)} »`,
    };
  }
  const only = named[0];
  if (only !== undefined) {
    if (territorial) {
      return {
        licence: '',
        note:
          `à confirmer : le texte des droits nomme ${only}, mais dit aussi que l'œuvre n'est dans le domaine public ` +
          `que dans certains pays (États-Unis) ; ${only} ne couvre alors que les contributions de l'éditeur. ` +
          `Vérifiez que l'œuvre est libre en France (auteur mort depuis plus de 70 ans…) puis écrivez ${only} ou public-domain.`,
      };
    }
    if (short) return { licence: only, note: '' };
    return {
      licence: only,
      note: `à vérifier : licence lue dans un texte libre : « ${excerpt(text)} »`,
    };
  }
  if (PUBLIC_DOMAIN.test(text)) {
    if (short && !territorial) return { licence: 'public-domain', note: '' };
    return {
      licence: '',
      note: `à confirmer : le texte parle de domaine public sans nommer de licence : « ${excerpt(text)} »`,
    };
  }
  return { licence: '', note: `à confirmer : licence non reconnue : « ${excerpt(text)} »` };
}
