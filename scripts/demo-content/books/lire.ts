import type { Book } from '../book.js';

export const lire: Book = {
  id: 'lire-un-livre-numerique',
  title: 'Lire un livre numérique',
  subtitle: 'Applications, réglages et petits conforts',
  language: 'fr',
  uuid: '9d3f7a20-4e6b-4b8c-a1d2-5c8e0f6b2d73',
  description:
    'Qu’est-ce qu’un fichier EPUB, quelle application choisir pour le lire, et comment agrandir le texte, changer la police ou lire la nuit sans fatiguer ses yeux.',
  licence: 'CC-BY-4.0',
  themes: ['Numérique'],
  cover: 'lire',
  chapters: [
    {
      title: 'Un livre qui s’adapte à vous',
      blocks: [
        {
          p: 'Un livre numérique est un fichier. Le plus souvent, son nom finit par **.epub**. Contrairement à une page imprimée, son texte s’adapte à votre écran : si vous grossissez les lettres, les lignes se recomposent et les pages se renumérotent.',
        },
        {
          p: 'On peut donc lire un livre numérique sur un petit téléphone comme sur une grande tablette, avec des lettres aussi grandes qu’on le souhaite.',
        },
        {
          p: 'Certains documents sont au format **PDF**. Ce sont des pages fixes, comme une photocopie : parfaits pour imprimer une fiche, moins pratiques pour lire un roman sur un petit écran.',
        },
      ],
    },
    {
      title: 'Choisir une application',
      blocks: [
        {
          p: 'Pour ouvrir un fichier EPUB, il faut une application de lecture. Beaucoup sont gratuites. Quelques pistes :',
        },
        {
          list: [
            'sur **iPhone et iPad**, l’application **Livres** est déjà installée ;',
            'sur **Android**, cherchez « lecteur EPUB » dans votre magasin d’applications ; il existe des applications libres et sans publicité ;',
            'sur **ordinateur**, il existe des logiciels libres de lecture et de gestion de bibliothèque numérique ;',
            'les **liseuses** (des appareils faits pour la lecture, à l’écran qui ne brille pas) lisent presque toutes le format EPUB.',
          ],
        },
        {
          tip: 'Demandez conseil à la bibliothèque : les bibliothécaires connaissent les applications qui marchent bien sur les appareils courants.',
        },
      ],
    },
    {
      title: 'Régler sa lecture',
      blocks: [
        {
          p: 'Touchez le milieu de la page : un menu apparaît. On y trouve presque toujours un bouton **Aa**. Il permet de :',
        },
        {
          list: [
            '**agrandir le texte** : c’est le réglage le plus utile, n’hésitez pas ;',
            '**changer la police** : certaines sont plus faciles à lire que d’autres ;',
            '**espacer les lignes** ;',
            '**passer en mode nuit** : lettres claires sur fond sombre, plus doux le soir.',
          ],
        },
        {
          p: 'Pour tourner la page, touchez le bord droit de l’écran ou faites glisser votre doigt de droite à gauche. Pour revenir en arrière, faites l’inverse.',
        },
      ],
    },
    {
      title: 'Marque-pages et sommaire',
      blocks: [
        {
          p: 'L’application retient la page où vous vous êtes arrêté. En rouvrant le livre, vous reprenez votre lecture au bon endroit.',
        },
        {
          p: 'Le **sommaire** permet de sauter directement à un chapitre. Le **marque-page** garde une page importante. Beaucoup d’applications permettent aussi de surligner une phrase ou de chercher un mot dans tout le livre.',
        },
        {
          p: 'Enfin, certaines applications savent lire le texte à voix haute. Cherchez une option « lecture audio » ou « synthèse vocale » dans leurs réglages.',
        },
      ],
    },
  ],
};
