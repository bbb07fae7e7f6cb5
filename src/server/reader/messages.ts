import type { Lang } from '../i18n/lang.js';
import type { Refusal } from './shelf.js';

/** The reader's words, French first. The browser reads the controls' labels from the page. */
export const READER_TEXT = {
  fr: {
    readHere: 'Lire ici',
    readHereHint: 'Le livre s’ouvre dans cette page, sans application à installer.',
    reading: 'Lecture',
    back: 'Retour à la fiche',
    opening: 'Le livre s’ouvre…',
    noScript:
      'Pour lire ce livre dans la page, votre navigateur doit accepter JavaScript. Vous pouvez aussi le télécharger et l’ouvrir avec une application de lecture :',
    download: 'Télécharger le livre',
    failed:
      'Ce livre n’a pas pu s’ouvrir dans la page. Vous pouvez le télécharger et l’ouvrir avec une application de lecture :',
    toc: 'Sommaire',
    searchLabel: 'Chercher dans le livre',
    searchGo: 'Chercher',
    searchBusy: 'Recherche dans le livre…',
    searchNone: 'Aucun passage trouvé.',
    searchCount: '{n} passage(s) trouvé(s) :',
    settings: 'Affichage',
    close: 'Fermer',
    prev: 'Page précédente',
    next: 'Page suivante',
    bookText: 'Texte du livre',
    fontSize: 'Taille du texte',
    smaller: 'Texte plus petit',
    larger: 'Texte plus grand',
    lineSpacing: 'Interligne',
    tighter: 'Lignes plus serrées',
    looser: 'Lignes plus espacées',
    theme: 'Couleurs',
    day: 'Jour',
    night: 'Nuit',
    contrast: 'Contraste élevé',
    mode: 'Défilement',
    paginated: 'Par pages',
    scrolled: 'En continu',
    privacy:
      'L’endroit où vous en êtes reste sur cet appareil : la boîte ne le connaît pas et ne l’enregistre pas.',
    refusedTitle: 'Ce livre ne peut pas être lu ici',
    kioskFailed:
      'Ce livre ne s’ouvre pas sur la borne. Pour le lire, emportez-le sur votre téléphone (« Emporter sur mon téléphone »).',
    noBuild:
      'Le lecteur de la boîte n’est pas installé (pour la personne qui s’occupe de la boîte : npm run build:kiosk).',
  },
  en: {
    readHere: 'Read here',
    readHereHint: 'The book opens in this page, no app to install.',
    reading: 'Reading',
    back: 'Back to the work',
    opening: 'Opening the book…',
    noScript:
      'To read this book in the page, your browser must allow JavaScript. You can also download it and open it in a reading app:',
    download: 'Download the book',
    failed:
      'This book could not open in the page. You can download it and open it in a reading app:',
    toc: 'Contents',
    searchLabel: 'Search the book',
    searchGo: 'Search',
    searchBusy: 'Searching the book…',
    searchNone: 'No passage found.',
    searchCount: '{n} passage(s) found:',
    settings: 'Display',
    close: 'Close',
    prev: 'Previous page',
    next: 'Next page',
    bookText: 'Text of the book',
    fontSize: 'Text size',
    smaller: 'Smaller text',
    larger: 'Larger text',
    lineSpacing: 'Line spacing',
    tighter: 'Tighter lines',
    looser: 'Looser lines',
    theme: 'Colours',
    day: 'Day',
    night: 'Night',
    contrast: 'High contrast',
    mode: 'Scrolling',
    paginated: 'By pages',
    scrolled: 'Continuous',
    privacy:
      'Where you are in the book stays on this device: the box does not know it and keeps nothing.',
    refusedTitle: 'This book cannot be read here',
    kioskFailed:
      'This book does not open on the kiosk. To read it, take it on your phone (“Take it on my phone”).',
    noBuild: 'The box’s reader is not installed (for the person in charge: npm run build:kiosk).',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ReaderText = (typeof READER_TEXT)[Lang];

/** Why a book is refused, for the visitor (and for the entry route's plain-text answers). */
export const REFUSALS: Record<Lang, Record<Refusal, string>> = {
  fr: {
    bomb: 'Ce fichier est anormalement compressé (il pourrait saturer la boîte) : il n’est pas ouvert.',
    names: 'Ce fichier contient des noms de fichiers dangereux : il n’est pas ouvert.',
    'too-big': 'Ce livre est trop gros pour être lu dans la page.',
    chapter: 'Un chapitre de ce livre est trop long pour être lu dans la page.',
    broken: 'Ce fichier EPUB est abîmé : la boîte ne peut pas l’ouvrir.',
    'not-epub': 'Ce fichier n’est pas un livre EPUB lisible.',
  },
  en: {
    bomb: 'This file is abnormally compressed (it could overload the box): it is not opened.',
    names: 'This file contains dangerous file names: it is not opened.',
    'too-big': 'This book is too big to be read in the page.',
    chapter: 'A chapter of this book is too long to be read in the page.',
    broken: 'This EPUB file is damaged: the box cannot open it.',
    'not-epub': 'This file is not a readable EPUB book.',
  },
};

export const LEAVE_TEXT = {
  fr: {
    title: 'Vous quittez la boîte',
    intro: 'Ce lien du livre mène hors de la boîte, sur Internet :',
    offline:
      'La boîte n’est pas reliée à Internet : la page ne s’ouvrira que si votre téléphone a une autre connexion (données mobiles).',
    go: 'Ouvrir quand même ce lien',
    back: 'Revenir au livre',
    bad: 'Ce lien du livre n’est pas une adresse web : il ne peut pas être ouvert.',
  },
  en: {
    title: 'You are leaving the box',
    intro: 'This link in the book leads out of the box, to the Internet:',
    offline:
      'The box is not connected to the Internet: the page will only open if your phone has another connection (mobile data).',
    go: 'Open this link anyway',
    back: 'Back to the book',
    bad: 'This link in the book is not a web address: it cannot be opened.',
  },
} as const satisfies Record<Lang, Record<string, string>>;
