import type { Book } from '../book.js';

export const bienvenue: Book = {
  id: 'bienvenue-sur-lanterne',
  title: 'Bienvenue sur Lanterne',
  subtitle: 'Le guide de la boîte',
  language: 'fr',
  uuid: '6f1c2a3e-5b7d-4c1e-9a2f-0d3b8e4c7a11',
  description:
    'Un petit guide pour découvrir Lanterne, la boîte de la bibliothèque : se connecter à son Wi-Fi, trouver un livre, une musique ou une notice, et repartir avec sur son téléphone. Sans compte, sans publicité, sans Internet.',
  licence: 'CC-BY-SA-4.0',
  themes: ['Lanterne', 'Numérique'],
  cover: 'bienvenue',
  chapters: [
    {
      title: 'Une bibliothèque dans une boîte',
      blocks: [
        {
          p: 'Lanterne est une petite boîte posée dans votre bibliothèque. Elle crée son propre réseau Wi-Fi. Sur ce réseau, vous trouvez des livres, des images, des sons, des vidéos et des notices pratiques.',
        },
        {
          p: 'Toutes ces œuvres sont **libres** : leurs auteurs permettent de les copier et de les partager. Vous pouvez donc les garder sur votre téléphone, les lire chez vous, les offrir à un proche.',
        },
        {
          p: 'Lanterne ne demande ni compte, ni mot de passe, ni adresse électronique. Elle ne montre aucune publicité. Elle ne sait pas qui vous êtes : elle compte seulement combien de livres sont lus, pour aider la bibliothèque à choisir les prochains.',
        },
        {
          tip: 'Lanterne fonctionne sans Internet. Pendant que vous êtes connecté à son Wi-Fi, vos applications qui ont besoin d’Internet (messagerie, réseaux sociaux) peuvent ne plus répondre. C’est normal.',
        },
      ],
    },
    {
      title: 'Se connecter en trois gestes',
      blocks: [
        {
          figure: 'connexion',
          alt: 'Trois étapes : choisir le Wi-Fi Lanterne, ouvrir le navigateur à l’adresse lanterne.lan, puis choisir une œuvre et toucher Télécharger.',
          caption: 'Se connecter à Lanterne.',
        },
        {
          steps: [
            'Ouvrez les **réglages Wi-Fi** de votre téléphone, tablette ou ordinateur.',
            'Choisissez le réseau de la bibliothèque. Son nom est affiché à l’accueil ; souvent, il s’appelle **Lanterne**. Il n’y a pas de mot de passe.',
            'Une page s’ouvre souvent toute seule. Sinon, ouvrez votre navigateur (Chrome, Firefox, Safari…) et tapez l’adresse **lanterne.lan**.',
          ],
        },
        {
          p: 'Vous êtes arrivé sur le portail de Lanterne. Sa première page montre les nouveautés et une zone de recherche.',
        },
        {
          tip: 'Si l’adresse lanterne.lan ne marche pas, demandez à l’accueil l’adresse en chiffres de la boîte : quatre nombres séparés par des points.',
        },
      ],
    },
    {
      title: 'Trouver une œuvre',
      blocks: [
        { p: 'Il y a trois façons de chercher :' },
        {
          list: [
            '**Parcourir les thèmes** : Contes, Nature, Numérique, Culture libre… Touchez un thème pour voir ses œuvres.',
            '**Choisir un type** : livres, sons, images, vidéos ou documents.',
            '**Chercher un mot** : tapez un titre, un auteur ou un sujet dans la zone de recherche, puis touchez « Rechercher ».',
          ],
        },
        {
          p: 'Chaque œuvre a sa page. Vous y trouvez un résumé, l’auteur, la licence expliquée avec des mots simples, et les boutons pour lire, écouter ou télécharger.',
        },
      ],
    },
    {
      title: 'Repartir avec',
      blocks: [
        {
          p: 'Touchez le bouton **Télécharger**. Le fichier arrive dans le dossier « Téléchargements » de votre appareil. Il est à vous : il reste même quand vous quittez la bibliothèque.',
        },
        {
          p: 'Pour lire un livre numérique (un fichier qui finit par « .epub »), il faut une application de lecture. Le livre « Lire un livre numérique », sur cette même boîte, vous explique comment faire.',
        },
        {
          p: 'Les notices pratiques se lisent à l’écran ou s’impriment. À la bibliothèque, la borne tactile permet aussi de les suivre pas à pas, en grand.',
        },
      ],
    },
    {
      title: 'Partager à son tour',
      blocks: [
        {
          p: 'Les œuvres de Lanterne sont sous licence libre. Vous pouvez les envoyer à vos amis, les imprimer pour un atelier, les lire à voix haute à vos petits-enfants.',
        },
        {
          p: 'Une seule règle à retenir pour la plupart d’entre elles : **citez l’auteur et la licence**. Chaque page d’œuvre vous donne la phrase toute prête à copier.',
        },
        {
          p: 'Vous avez une question ? Les bibliothécaires sont là pour vous aider. Bonne découverte !',
        },
      ],
    },
  ],
};
