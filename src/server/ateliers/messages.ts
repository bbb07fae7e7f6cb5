import type { Lang } from '../i18n/lang.js';

/** The ateliers' visitor-facing words, French first. */
export const words = {
  fr: {
    title: 'Ateliers',
    intro: 'Les ateliers à venir à la bibliothèque. Ils sont gratuits.',
    none: 'Aucun atelier n’est prévu pour l’instant.',
    clockUnknown:
      'La boîte ne connaît pas la date du jour : demandez le programme des ateliers à l’accueil.',
    when: 'Quand',
    place: 'Lieu',
    level: 'Niveau',
    audience: 'Public',
    seats: 'Places',
    seatsN: '{n} places',
    noLimit: 'sans limite',
    minutes: '{n} min',
    notices: 'Pour s’y préparer',
    addOne: 'Ajouter à mon agenda',
    addAll: 'Tous les ateliers dans mon agenda',
    back: 'Tous les ateliers',
    evaluate: 'Donner mon avis sur l’atelier',
    next: 'Prochain atelier',
    seeAll: 'Tous les ateliers à venir',
  },
  en: {
    title: 'Workshops',
    intro: 'Coming workshops at the library. They are free.',
    none: 'No workshop is planned for now.',
    clockUnknown: 'The box does not know today’s date: ask at the desk for the workshop programme.',
    when: 'When',
    place: 'Place',
    level: 'Level',
    audience: 'For',
    seats: 'Seats',
    seatsN: '{n} seats',
    noLimit: 'no limit',
    minutes: '{n} min',
    notices: 'To get ready',
    addOne: 'Add to my calendar',
    addAll: 'All workshops in my calendar',
    back: 'All workshops',
    evaluate: 'Give my opinion on the workshop',
    next: 'Next workshop',
    seeAll: 'All coming workshops',
  },
} satisfies Record<Lang, Record<string, string>>;

export const fillN = (s: string, n: number) => s.replace('{n}', String(n));
