/**
 * Kinds of works and their names, for the server and the browser alike (the kiosk app
 * imports this file): the one table of work-type labels. Pure: no Node, no DOM.
 */
export const WORK_TYPES = [
  'book',
  'audio',
  'video',
  'image',
  'document',
  'software',
  // An offline encyclopaedia or dictionary: one ZIM file read through kiwix-serve.
  'encyclopedia',
] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export function isWorkType(value: unknown): value is WorkType {
  return typeof value === 'string' && (WORK_TYPES as readonly string[]).includes(value);
}

type LabelLang = 'fr' | 'en';

/** `[one, many]` per type and language. */
const LABELS: Record<LabelLang, Record<WorkType, readonly [string, string]>> = {
  fr: {
    book: ['Livre', 'Livres'],
    audio: ['Audio', 'Audio'],
    video: ['Vidéo', 'Vidéos'],
    image: ['Image', 'Images'],
    document: ['Document', 'Documents'],
    software: ['Logiciel', 'Logiciels'],
    encyclopedia: ['Encyclopédie', 'Encyclopédies'],
  },
  en: {
    book: ['Book', 'Books'],
    audio: ['Audio', 'Audio'],
    video: ['Video', 'Videos'],
    image: ['Image', 'Images'],
    document: ['Document', 'Documents'],
    software: ['Software', 'Software'],
    encyclopedia: ['Encyclopaedia', 'Encyclopaedias'],
  },
};

/** "Livre" / "Livres", "Book" / "Books"; an unknown type is shown as it is. */
export function workTypeLabel(lang: LabelLang, type: string, plural = false): string {
  const pair = isWorkType(type) ? LABELS[lang][type] : undefined;
  return pair ? pair[plural ? 1 : 0] : type;
}

/** Every type's singular label in one language (for the kiosk's message table). */
export function workTypeLabels(lang: LabelLang): Record<WorkType, string> {
  return Object.fromEntries(WORK_TYPES.map((t) => [t, LABELS[lang][t][0]])) as Record<
    WorkType,
    string
  >;
}
