import type { Book } from '../book.js';

export const poemes: Book = {
  id: 'poemes-des-quatre-saisons',
  title: 'Petits poèmes des quatre saisons',
  language: 'fr',
  uuid: '1e5d8b37-9f2a-4c6d-8e3b-6a4f2c1d9b56',
  description:
    'Huit courts poèmes, deux pour chaque saison, à lire seul ou à voix haute, à recopier, à apprendre par cœur ou à mettre en musique. Dédiés au domaine public.',
  licence: 'CC0-1.0',
  themes: ['Nature', 'Poésie'],
  cover: 'poemes',
  chapters: [
    {
      title: 'Printemps',
      blocks: [
        {
          figure: 'saisons',
          alt: 'Quatre arbres côte à côte : en fleurs au printemps, vert avec des fruits en été, orange en automne, nu sous la neige en hiver.',
        },
        { h: 'Le bourgeon' },
        {
          verse: [
            'Un bourgeon sur la branche',
            'hésite encore un peu :',
            'est-ce déjà dimanche',
            'ou le ciel est-il bleu ?',
          ],
        },
        {
          verse: [
            'Il ouvre une paupière,',
            'il s’étire au soleil,',
            'et toute la lumière',
            'lui dit : « Bonjour, réveil ! »',
          ],
        },
        { h: 'Averse' },
        {
          verse: [
            'La pluie tape aux carreaux',
            'avec ses doigts mouillés.',
            'Les escargots, là-haut,',
            'sortent se promener.',
          ],
        },
      ],
    },
    {
      title: 'Été',
      blocks: [
        { h: 'Midi' },
        {
          verse: [
            'Le chat dort sur le mur,',
            'la cigale s’entête,',
            'la prune est presque mûre',
            'et le jardin fait la sieste.',
          ],
        },
        { h: 'Nuit d’août' },
        {
          verse: [
            'Couchés dans l’herbe fraîche,',
            'on compte les étoiles.',
            'Une filante se dépêche :',
            'fais un vœu, vite, avant qu’elle',
            'ne disparaisse au fond du ciel !',
          ],
        },
      ],
    },
    {
      title: 'Automne',
      blocks: [
        { h: 'Les feuilles' },
        {
          verse: [
            'Rousses, jaunes, cuivrées,',
            'les feuilles font la ronde ;',
            'le vent les a invitées',
            'au plus grand bal du monde.',
          ],
        },
        { h: 'Le hérisson' },
        {
          verse: [
            'Sous la haie de noisetiers,',
            'un hérisson fait son lit :',
            'trois feuilles, un peu de mousse,',
            'et bonne nuit jusqu’à l’avril !',
          ],
        },
      ],
    },
    {
      title: 'Hiver',
      blocks: [
        { h: 'Première neige' },
        {
          verse: [
            'Ce matin, sans un bruit,',
            'la neige est arrivée.',
            'Elle a couvert la nuit',
            'd’un grand drap tout brodé.',
          ],
        },
        { h: 'La lanterne' },
        {
          verse: [
            'Quand le jour s’en va tôt',
            'et que le froid se fait grand,',
            'une lanterne au carreau',
            'dit : « Entrez donc, il fait bon dedans. »',
          ],
        },
        { p: 'Ces poèmes sont à vous. Recopiez-les, changez-en les mots, ajoutez-y vos saisons.' },
      ],
    },
  ],
};
