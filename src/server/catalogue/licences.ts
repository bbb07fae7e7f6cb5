/**
 * The licences the box knows, as SPDX ids (plus `public-domain`), with a plain-language
 * explanation for visitors and a badge we draw ourselves.
 */
export type Lang = 'fr' | 'en';

interface Conditions {
  /** Public domain or a waiver: no conditions at all. */
  pd?: boolean;
  by?: boolean;
  sa?: boolean;
  nc?: boolean;
  nd?: boolean;
}

export interface Licence {
  id: string;
  name: string;
  conditions: Conditions;
  /** Free culture (freedomdefined.org): copy, modify and share for any purpose. */
  freeCulture: boolean;
  /** A Creative Commons licence (or CC0 / the Public Domain Mark). */
  creativeCommons: boolean;
  /** Where the legal text lives (shown as text: the box is offline). */
  url: string;
}

const CC_VARIANTS: Array<[string, Conditions, string]> = [
  ['BY', { by: true }, 'by'],
  ['BY-SA', { by: true, sa: true }, 'by-sa'],
  ['BY-NC', { by: true, nc: true }, 'by-nc'],
  ['BY-NC-SA', { by: true, nc: true, sa: true }, 'by-nc-sa'],
  ['BY-ND', { by: true, nd: true }, 'by-nd'],
  ['BY-NC-ND', { by: true, nc: true, nd: true }, 'by-nc-nd'],
];

function buildLicences(): Map<string, Licence> {
  const list: Licence[] = [
    {
      id: 'public-domain',
      name: 'Domaine public',
      conditions: { pd: true },
      freeCulture: true,
      creativeCommons: true,
      url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    },
    {
      id: 'PDM-1.0',
      // The same public domain as 'public-domain', marked with Creative Commons' label.
      name: 'Domaine public (marque «\u00a0Public Domain Mark 1.0\u00a0»)',
      conditions: { pd: true },
      freeCulture: true,
      creativeCommons: true,
      url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    },
    {
      id: 'CC0-1.0',
      name: 'CC0 1.0',
      conditions: { pd: true },
      freeCulture: true,
      creativeCommons: true,
      url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    },
    {
      id: 'LAL-1.3',
      name: 'Licence Art Libre 1.3',
      conditions: { by: true, sa: true },
      freeCulture: true,
      creativeCommons: false,
      url: 'https://artlibre.org/licence/lal/',
    },
  ];
  for (const version of ['2.0', '3.0', '4.0']) {
    for (const [suffix, conditions, slug] of CC_VARIANTS) {
      list.push({
        id: `CC-${suffix}-${version}`,
        name: `CC ${suffix} ${version}`,
        conditions,
        freeCulture: !conditions.nc && !conditions.nd,
        creativeCommons: true,
        url: `https://creativecommons.org/licenses/${slug}/${version}/`,
      });
    }
  }
  return new Map(list.map((l) => [l.id, l]));
}

const LICENCES = buildLicences();

export function allLicences(): Licence[] {
  return [...LICENCES.values()];
}

export function getLicence(id: string): Licence | undefined {
  return LICENCES.get(id);
}

export function isKnownLicence(id: string): boolean {
  return LICENCES.has(id);
}

/** Whether a pack may publish this licence under the box's licence policy. */
export function allowedByPolicy(id: string, policy: 'free-culture' | 'all-cc'): boolean {
  const licence = LICENCES.get(id);
  if (!licence) return false;
  return policy === 'free-culture'
    ? licence.freeCulture
    : licence.freeCulture || licence.creativeCommons;
}

const TEXT = {
  fr: {
    pd: "Cette œuvre est dans le domaine public : ses droits d'auteur ont pris fin (en France, en général 70 ans après la mort de l'auteur).",
    pdm: "Cette œuvre est dans le domaine public : ses droits d'auteur ont pris fin. «\u00a0Public Domain Mark 1.0\u00a0» n'est pas une licence : c'est l'étiquette de Creative Commons qui signale une œuvre du domaine public, comme «\u00a0Domaine public\u00a0».",
    waiver: "L'auteur a renoncé à tous ses droits sur cette œuvre.",
    pdUse:
      "Vous pouvez la copier, la partager, la modifier et l'utiliser librement, même pour la vendre. Citer l'auteur reste une marque de respect.",
    canAll: 'Vous pouvez copier, partager et modifier cette œuvre',
    canCopy: 'Vous pouvez copier et partager cette œuvre telle quelle',
    commercial: ', même pour un usage commercial',
    nonCommercial: ', mais pas pour un usage commercial (pas de vente, pas de publicité)',
    by: "à condition de citer l'auteur et la licence",
    sa: 'et de partager vos modifications sous la même licence',
    nd: "Vous n'avez pas le droit de la modifier.",
  },
  en: {
    pd: "This work is in the public domain: its copyright has ended (in France, usually 70 years after the author's death).",
    pdm: 'This work is in the public domain: its copyright has ended. “Public Domain Mark 1.0” is not a licence: it is the Creative Commons label for a work in the public domain, like “Public domain”.',
    waiver: 'The author has waived all rights to this work.',
    pdUse:
      'You may copy, share, change and use it freely, even to sell it. Naming the author is still a mark of respect.',
    canAll: 'You may copy, share and change this work',
    canCopy: 'You may copy and share this work as it is',
    commercial: ', even for commercial use',
    nonCommercial: ', but not for commercial use (no selling, no advertising)',
    by: 'as long as you name the author and the licence',
    sa: 'and share your changes under the same licence',
    nd: 'You may not change it.',
  },
} as const;

/** A short explanation in plain words, e.g. "Vous pouvez copier, partager et modifier…". */
export function explainLicence(id: string, lang: Lang): string {
  const licence = LICENCES.get(id);
  const t = TEXT[lang];
  if (!licence) {
    return lang === 'fr'
      ? "La licence de cette œuvre n'est pas connue de la boîte."
      : 'The box does not know the licence of this work.';
  }
  const c = licence.conditions;
  if (c.pd) return `${id === 'CC0-1.0' ? t.waiver : id === 'PDM-1.0' ? t.pdm : t.pd} ${t.pdUse}`;
  const first = (c.nd ? t.canCopy : t.canAll) + (c.nc ? t.nonCommercial : t.commercial);
  const conditions = [c.by ? t.by : '', c.sa ? t.sa : ''].filter(Boolean).join(' ');
  return `${first}, ${conditions}.${c.nd ? ` ${t.nd}` : ''}`;
}

const BADGE_COLOURS = { pd: '#1f5130', free: '#0b4f8a', restricted: '#6b3a00' };

/** Our own licence badge: an SVG with the licence's short name, readable without colour. */
export function licenceBadgeSvg(id: string): string | undefined {
  const licence = LICENCES.get(id);
  if (!licence) return undefined;
  const c = licence.conditions;
  const label = c.pd ? (id === 'CC0-1.0' ? 'CC0' : 'PD') : licence.name.replace(/ \d\.\d$/, '');
  const colour = c.pd
    ? BADGE_COLOURS.pd
    : licence.freeCulture
      ? BADGE_COLOURS.free
      : BADGE_COLOURS.restricted;
  const width = 24 + label.length * 11;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="32" viewBox="0 0 ${width} 32" role="img" aria-label="${licence.name}">` +
    `<rect width="${width}" height="32" rx="6" fill="${colour}"/>` +
    `<text x="${width / 2}" y="21.5" fill="#fff" font-family="DejaVu Sans, sans-serif" font-size="16" font-weight="bold" text-anchor="middle">${label}</text>` +
    `</svg>`
  );
}
