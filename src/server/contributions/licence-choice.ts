import { allowedByPolicy } from '../catalogue/licences.js';

/** The three answers of the licence chooser, in plain French (docs/contributions.md). */
export interface LicenceAnswers {
  /** 'name': people must say who made it; 'free': no condition at all (CC0). */
  credit: string;
  /** 'yes' | 'same' (modified versions under the same licence) | 'no'. */
  modify: string;
  /** 'yes' | 'no'. */
  commercial: string;
}

export type LicenceChoice =
  { ok: true; licence: string } | { ok: false; field: keyof LicenceAnswers; message: string };

/**
 * Turns the answers into a licence: CC0, CC BY or CC BY-SA; the "no" answers (ND, NC)
 * only when the box's licence policy accepts non-free Creative Commons licences.
 */
export function chooseLicence(a: LicenceAnswers, policy: 'free-culture' | 'all-cc'): LicenceChoice {
  if (a.credit !== 'name' && a.credit !== 'free')
    return { ok: false, field: 'credit', message: 'Dites si l’on doit citer votre nom.' };
  if (a.credit === 'free') return { ok: true, licence: 'CC0-1.0' };
  if (!['yes', 'same', 'no'].includes(a.modify))
    return { ok: false, field: 'modify', message: 'Dites si l’on peut modifier votre œuvre.' };
  if (!['yes', 'no'].includes(a.commercial))
    return {
      ok: false,
      field: 'commercial',
      message: 'Dites si l’on peut l’utiliser pour gagner de l’argent.',
    };
  const parts = ['BY'];
  if (a.commercial === 'no') parts.push('NC');
  if (a.modify === 'same') parts.push('SA');
  if (a.modify === 'no') parts.push('ND');
  const licence = `CC-${parts.join('-')}-4.0`;
  if (!allowedByPolicy(licence, policy)) {
    const field = a.modify === 'no' ? 'modify' : 'commercial';
    return {
      ok: false,
      field,
      message:
        'Cette bibliothèque ne publie que des œuvres libres : choisissez « oui », ou gardez cette œuvre pour vous.',
    };
  }
  return { ok: true, licence };
}

/** The licence chosen, said the way the form says it (shown on the receipt). */
export function licenceInWords(id: string): string {
  switch (id) {
    case 'CC0-1.0':
      return 'CC0 : chacun peut tout faire de votre œuvre, même sans vous citer.';
    case 'CC-BY-4.0':
      return 'CC BY : chacun peut la partager, la modifier et l’utiliser, en citant votre nom.';
    case 'CC-BY-SA-4.0':
      return 'CC BY-SA : chacun peut la partager et la modifier en citant votre nom ; les versions modifiées restent sous la même licence.';
    default:
      return `${id.replace(/^CC-/, 'CC ').replace(/-4\.0$/, ' 4.0')} : partage en citant votre nom, avec vos restrictions.`;
  }
}
