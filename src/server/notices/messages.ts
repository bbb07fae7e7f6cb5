import { defineMessages } from '../i18n/lang.js';

export const noticeText = defineMessages(
  {
    listTitle: 'Notices pas à pas',
    listIntro: 'Des guides simples, une action à la fois, avec une image pour chaque étape.',
    none: 'Aucune notice pour le moment.',
    steps: '{n} étapes',
    minutes: 'environ {n} minutes',
    level: 'Niveau : {v}',
    devices: 'Pour : {v}',
    needs: 'Ce qu’il vous faut',
    step: 'Étape {n}',
    stepOf: 'Étape {n} sur {total}',
    tip: 'Astuce',
    warning: 'Attention',
    result: 'Résultat',
    remember: 'À retenir',
    qrTitle: 'Revenir à cette notice',
    addressTitle: 'L’adresse de cette notice :',
    print: 'Imprimer',
    pdf: 'Télécharger en PDF',
    feedbackTitle: 'Cette notice vous a-t-elle aidé ?',
    yes: 'Oui',
    neutral: 'Un peu',
    no: 'Non',
    thanks: 'Merci ! Votre avis aide la bibliothèque.',
    licence: 'Licence : {v}',
    authors: 'Auteurs : {v}',
    boxAddress: 'Sur le Wi-Fi de la bibliothèque : {v}',
    back: 'Toutes les notices',
    audio: 'Écouter cette étape',
  },
  {
    listTitle: 'Step-by-step guides',
    listIntro: 'Simple guides, one action at a time, with a picture for every step.',
    none: 'No guide yet.',
    steps: '{n} steps',
    minutes: 'about {n} minutes',
    level: 'Level: {v}',
    devices: 'For: {v}',
    needs: 'What you need',
    step: 'Step {n}',
    stepOf: 'Step {n} of {total}',
    tip: 'Tip',
    warning: 'Warning',
    result: 'Result',
    remember: 'Remember',
    qrTitle: 'Come back to this guide',
    addressTitle: 'The address of this guide:',
    print: 'Print',
    pdf: 'Download as PDF',
    feedbackTitle: 'Did this guide help you?',
    yes: 'Yes',
    neutral: 'A little',
    no: 'No',
    thanks: 'Thank you! Your answer helps the library.',
    licence: 'Licence: {v}',
    authors: 'Authors: {v}',
    boxAddress: 'On the library’s Wi-Fi: {v}',
    back: 'All guides',
    audio: 'Listen to this step',
  },
);

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export const DEVICE_NAMES: Record<string, string> = {
  android: 'téléphone Android',
  iphone: 'iPhone',
  ordinateur: 'ordinateur',
  tablette: 'tablette',
  borne: 'borne de la bibliothèque',
  autre: 'autre appareil',
};

/** Device and level names in the page's language (the notice format stores French words). */
export const DEVICE_LABELS: Record<'fr' | 'en', Record<string, string>> = {
  fr: DEVICE_NAMES,
  en: {
    android: 'Android phone',
    iphone: 'iPhone',
    ordinateur: 'computer',
    tablette: 'tablet',
    borne: 'the library’s kiosk',
    autre: 'other device',
  },
};

export const LEVEL_LABELS: Record<'fr' | 'en', Record<string, string>> = {
  fr: { débutant: 'débutant', intermédiaire: 'intermédiaire', confirmé: 'confirmé' },
  en: { débutant: 'beginner', intermédiaire: 'intermediate', confirmé: 'advanced' },
};
