/** The three licences of the demo pack, in the words each language needs. */
export type DemoLicence = 'CC-BY-SA-4.0' | 'CC-BY-4.0' | 'CC0-1.0';

interface LicenceText {
  /** The short name used in credit lines: "CC BY-SA 4.0". */
  short: string;
  url: string;
  fr: string;
  en: string;
}

export const LICENCE_TEXT: Record<DemoLicence, LicenceText> = {
  'CC-BY-SA-4.0': {
    short: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    fr: 'Licence Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0). Vous pouvez copier, partager et modifier cette œuvre, même pour un usage commercial, à condition de citer l’auteur et la licence, et de partager vos modifications sous la même licence.',
    en: 'Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0). You may copy, share and change this work, even for commercial use, as long as you name the author and the licence, and share your changes under the same licence.',
  },
  'CC-BY-4.0': {
    short: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    fr: 'Licence Creative Commons Attribution 4.0 International (CC BY 4.0). Vous pouvez copier, partager et modifier cette œuvre, même pour un usage commercial, à condition de citer l’auteur et la licence.',
    en: 'Creative Commons Attribution 4.0 International licence (CC BY 4.0). You may copy, share and change this work, even for commercial use, as long as you name the author and the licence.',
  },
  'CC0-1.0': {
    short: 'CC0 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    fr: 'CC0 1.0 Universel : l’auteur a renoncé à tous ses droits sur cette œuvre. Vous pouvez la copier, la modifier et l’utiliser librement, même pour la vendre.',
    en: 'CC0 1.0 Universal: the author has waived all rights to this work. You may copy, change and use it freely, even to sell it.',
  },
};

export const AUTHOR = 'Projet Lanterne';

/** « Titre », Projet Lanterne, CC BY-SA 4.0 */
export function attribution(title: string, licence: DemoLicence, language: 'fr' | 'en'): string {
  const quoted = language === 'fr' ? `« ${title} »` : `“${title}”`;
  return `${quoted}, ${AUTHOR}, ${LICENCE_TEXT[licence].short}`;
}
