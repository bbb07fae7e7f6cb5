import type { Book } from './book.js';
import type { CoverSpec } from './art/covers.js';
import { connectSteps, fourSeasons, hedgehogGarden, nightScene } from './art/pictures.js';
import { bienvenue } from './books/bienvenue.js';
import { herisson } from './books/herisson.js';
import { licenceLibre } from './books/licence-libre.js';
import { lire } from './books/lire.js';
import { poemes } from './books/poemes.js';
import { telecharger } from './books/telecharger.js';
import { welcome } from './books/welcome.js';
import { AFFICHE_TITLE, FICHE_TITLE, afficheLanterne, ficheConnexion } from './documents.js';
import type { DemoLicence } from './licences.js';

/** What every work of the pack shares, whatever its type. */
interface Common {
  id: string;
  title: string;
  description: string;
  language: 'fr' | 'en';
  licence: DemoLicence;
  themes: string[];
}

export interface BookWork extends Common {
  type: 'book';
  book: Book;
  cover: CoverSpec;
}

export interface ImageWork extends Common {
  type: 'image';
  svg: () => string;
}

export interface AudioWork extends Common {
  type: 'audio';
  text: string;
  cover: CoverSpec;
}

export interface VideoWork extends Common {
  type: 'video';
  frames: Array<() => string>;
  cover: CoverSpec;
}

export interface DocumentWork extends Common {
  type: 'document';
  html: () => string;
  cover: CoverSpec;
}

export type Work = BookWork | ImageWork | AudioWork | VideoWork | DocumentWork;

/** Pictures the books use inside their pages. */
export const FIGURES: Record<string, () => string> = {
  connexion: connectSteps,
  jardin: hedgehogGarden,
  nuit: () => nightScene(true),
  saisons: fourSeasons,
};

const BOOK_COVERS: Record<string, Omit<CoverSpec, 'title'>> = {
  bienvenue: {
    subtitle: 'Le guide de la boîte',
    background: '#1d2f57',
    motif: 'lantern',
    kind: 'Guide',
  },
  telecharger: { background: '#bfe3d0', motif: 'phone', kind: 'Guide' },
  lire: {
    subtitle: 'Applications et réglages',
    background: '#f3d7a6',
    motif: 'openBook',
    kind: 'Guide',
  },
  licence: {
    subtitle: 'Le droit d’auteur simplement',
    background: '#cfe0f5',
    motif: 'padlock',
    kind: 'Culture libre',
  },
  herisson: { subtitle: 'Un conte', background: '#f6dcb5', motif: 'hedgehog', kind: 'Conte' },
  poemes: { background: '#d7ecd1', motif: 'autumn', kind: 'Poésie' },
  welcome: { subtitle: 'A short guide', background: '#ffe6a8', motif: 'wifi', kind: 'Guide' },
};

function bookWork(book: Book): BookWork {
  const cover = BOOK_COVERS[book.cover];
  if (!cover) throw new Error(`${book.id}: no cover "${book.cover}"`);
  return {
    id: book.id,
    type: 'book',
    title: book.title,
    description: book.description,
    language: book.language,
    licence: book.licence,
    themes: book.themes,
    book,
    cover: { title: book.title, ...cover },
  };
}

/** Speech is plain text: no bold marks, no guillemets read aloud. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/[«»]/g, '').replace(/\s+/g, ' ').trim();
}

const herissonChapterOne =
  herisson.chapters[0]?.blocks.flatMap((b) => ('p' in b ? [plain(b.p)] : [])) ?? [];

const ALL_WORKS: Work[] = [
  ...[bienvenue, telecharger, lire, licenceLibre, herisson, poemes, welcome].map(bookWork),
  {
    id: 'la-lanterne-dans-la-nuit',
    type: 'image',
    title: 'La lanterne dans la nuit',
    description:
      'Un dessin : la nuit tombe sur un village, une lanterne éclaire le chemin qui mène à une maison. Pour un fond d’écran, un atelier de dessin ou une affiche.',
    language: 'fr',
    licence: 'CC-BY-4.0',
    themes: ['Lanterne', 'Nature'],
    svg: () => nightScene(true),
  },
  {
    id: 'le-herisson-au-jardin',
    type: 'image',
    title: 'Le hérisson au jardin',
    description:
      'Un dessin pour les enfants : un hérisson se promène dans un jardin fleuri, sous le soleil, près d’un pommier. À colorier, à raconter, à afficher.',
    language: 'fr',
    licence: 'CC0-1.0',
    themes: ['Nature', 'Contes'],
    svg: hedgehogGarden,
  },
  {
    id: 'se-connecter-a-lanterne',
    type: 'image',
    title: 'Se connecter à Lanterne en trois étapes',
    description:
      'Une image qui résume comment rejoindre la boîte : choisir le Wi-Fi « Lanterne », ouvrir le navigateur à l’adresse lanterne.lan, choisir une œuvre et la télécharger.',
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    themes: ['Lanterne', 'Numérique'],
    svg: connectSteps,
  },
  {
    id: 'l-arbre-des-quatre-saisons',
    type: 'image',
    title: 'L’arbre des quatre saisons',
    description:
      'Le même arbre au printemps, en été, en automne et en hiver. Un dessin pour parler des saisons avec les plus petits.',
    language: 'fr',
    licence: 'CC0-1.0',
    themes: ['Nature'],
    svg: fourSeasons,
  },
  {
    id: 'message-de-bienvenue',
    type: 'audio',
    title: 'Message de bienvenue',
    description:
      'Un court message à écouter : ce qu’est Lanterne et comment commencer. Lu par une voix de synthèse (espeak-ng), pour celles et ceux qui préfèrent écouter plutôt que lire.',
    language: 'fr',
    licence: 'CC0-1.0',
    themes: ['Lanterne'],
    text: 'Bonjour et bienvenue à la bibliothèque. Vous êtes sur Lanterne, la boîte de la bibliothèque. Ici, vous trouverez des livres, des sons, des images et des notices pratiques. Tout est gratuit et libre : vous pouvez télécharger ce qui vous plaît, et le garder sur votre téléphone. Lanterne ne demande pas de compte, et ne sait pas qui vous êtes. Pour commencer, choisissez un thème, ou tapez un mot dans la zone de recherche. Si vous avez besoin d’aide, les bibliothécaires sont là. Bonne découverte !',
    cover: {
      title: 'Message de bienvenue',
      subtitle: 'À écouter',
      background: '#cfe0f5',
      motif: 'headphones',
      kind: 'Audio',
    },
  },
  {
    id: 'le-herisson-et-la-lanterne-lu',
    type: 'audio',
    title: 'Le Hérisson et la Lanterne, chapitre 1 lu à voix haute',
    description:
      'Le début du conte « Le Hérisson et la Lanterne » : Octave, le jeune hérisson qui a peur du noir. Lu par une voix de synthèse (espeak-ng).',
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    themes: ['Contes', 'Nature'],
    text: [
      plain(herisson.title),
      plain(herisson.chapters[0]?.title ?? ''),
      ...herissonChapterOne,
    ].join('. '),
    cover: {
      title: 'Le Hérisson et la Lanterne',
      subtitle: 'Chapitre 1, à écouter',
      background: '#f6dcb5',
      motif: 'headphones',
      kind: 'Audio',
    },
  },
  {
    id: 'la-lanterne-s-allume',
    type: 'video',
    title: 'La lanterne s’allume',
    description:
      'Une très courte animation sans son : la nuit tombe, la lanterne s’allume et éclaire le chemin de la bibliothèque. Pour l’écran d’accueil ou un atelier.',
    language: 'fr',
    licence: 'CC-BY-4.0',
    themes: ['Lanterne'],
    frames: [
      () => nightScene(false),
      () => nightScene(true),
      () => nightScene(true, 'Bienvenue à la bibliothèque'),
    ],
    cover: {
      title: 'La lanterne s’allume',
      subtitle: 'Une courte animation',
      background: '#1d2f57',
      motif: 'film',
      kind: 'Vidéo',
    },
  },
  {
    id: 'fiche-se-connecter',
    type: 'document',
    title: FICHE_TITLE,
    description:
      'Une fiche A4 à imprimer, en gros caractères : les quatre étapes pour rejoindre la boîte et télécharger une œuvre, une image par étape.',
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    themes: ['Numérique', 'Lanterne'],
    html: ficheConnexion,
    cover: {
      title: 'Se connecter à Lanterne',
      subtitle: 'Fiche à imprimer',
      background: '#fff1c9',
      motif: 'checklist',
      kind: 'Fiche pratique',
    },
  },
  {
    id: 'affiche-lanterne',
    type: 'document',
    title: AFFICHE_TITLE,
    description:
      'Une affiche A4 à imprimer et à poser près de la boîte, pour que chacun sache que la bibliothèque a sa Lanterne et comment la rejoindre.',
    language: 'fr',
    licence: 'CC0-1.0',
    themes: ['Lanterne'],
    html: afficheLanterne,
    cover: {
      title: 'La bibliothèque a sa Lanterne',
      subtitle: 'Affiche à imprimer',
      background: '#1d2f57',
      motif: 'moonAndStars',
      kind: 'Affiche',
    },
  },
];

/** The order a new visitor should meet the works in: welcome first, then a mix of kinds. */
const FIRST_SEEN = [
  'bienvenue-sur-lanterne',
  'le-herisson-et-la-lanterne',
  'message-de-bienvenue',
  'la-lanterne-dans-la-nuit',
  'telecharger-un-livre',
  'la-lanterne-s-allume',
  'fiche-se-connecter',
  'lire-un-livre-numerique',
  'le-herisson-au-jardin',
  'licence-libre',
  'poemes-des-quatre-saisons',
  'le-herisson-et-la-lanterne-lu',
  'se-connecter-a-lanterne',
  'l-arbre-des-quatre-saisons',
  'welcome-to-lanterne',
  'affiche-lanterne',
];

export const WORKS: Work[] = [...ALL_WORKS].sort((a, b) => rank(a.id) - rank(b.id));

function rank(id: string): number {
  const at = FIRST_SEEN.indexOf(id);
  if (at < 0) throw new Error(`${id}: add it to FIRST_SEEN`);
  return at;
}
