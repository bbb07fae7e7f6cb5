import type { Book } from '../book.js';

export const telecharger: Book = {
  id: 'telecharger-un-livre',
  title: 'Télécharger un livre sur son téléphone',
  subtitle: 'Pas à pas, sur Android et sur iPhone',
  language: 'fr',
  uuid: '2b8e4d61-0c3f-4a9e-8d15-7f6a2c9b3e42',
  description:
    'Comment enregistrer un livre numérique de la bibliothèque sur son téléphone, où le retrouver ensuite et comment l’ouvrir. Expliqué étape par étape, pour Android et pour iPhone.',
  licence: 'CC-BY-4.0',
  themes: ['Numérique', 'Lanterne'],
  cover: 'telecharger',
  chapters: [
    {
      title: 'Avant de commencer',
      blocks: [
        {
          p: 'Télécharger, c’est copier un fichier sur votre appareil. Une fois copié, le livre est à vous : vous pouvez le lire sans Wi-Fi, dans le bus, chez vous, où vous voulez.',
        },
        { p: 'Il vous faut :' },
        {
          list: [
            'un téléphone ou une tablette, chargé si possible ;',
            'un peu de place libre : un livre prend en général moins de place qu’une seule photo ;',
            'être connecté au Wi-Fi de la bibliothèque (voir le guide « Bienvenue sur Lanterne »).',
          ],
        },
        {
          tip: 'Si une petite fenêtre s’est ouverte toute seule quand vous vous êtes connecté, fermez-la et ouvrez votre vrai navigateur. Cette petite fenêtre ne sait pas télécharger.',
        },
      ],
    },
    {
      title: 'Sur un téléphone Android',
      blocks: [
        {
          steps: [
            'Ouvrez **Chrome** (ou votre navigateur habituel) et allez sur **lanterne.lan**.',
            'Touchez le livre qui vous intéresse. Sa page s’ouvre.',
            'Touchez le bouton **Télécharger**.',
            'En bas de l’écran, un message indique que le téléchargement est terminé. Touchez **Ouvrir** pour lire tout de suite.',
            'Plus tard, vous retrouverez le livre dans l’application **Fichiers**, dossier **Téléchargements**.',
          ],
        },
        {
          tip: 'Android peut demander avec quelle application ouvrir le fichier. Choisissez votre application de lecture, puis « Toujours ».',
        },
      ],
    },
    {
      title: 'Sur un iPhone ou un iPad',
      blocks: [
        {
          steps: [
            'Ouvrez **Safari** et allez sur **lanterne.lan**.',
            'Touchez le livre qui vous intéresse, puis le bouton **Télécharger**.',
            'Safari demande une confirmation : touchez **Télécharger**.',
            'Touchez la petite flèche bleue en haut de l’écran pour voir vos téléchargements, puis touchez le livre.',
            'Touchez le bouton **Partager** (un carré avec une flèche vers le haut), puis **Livres** : le livre s’ouvre dans l’application Livres d’Apple et il y reste.',
          ],
        },
      ],
    },
    {
      title: 'Quand ça ne marche pas',
      blocks: [
        {
          list: [
            '**La page ne s’affiche pas** : vérifiez que vous êtes bien connecté au Wi-Fi de la bibliothèque, puis tapez de nouveau l’adresse.',
            '**Le téléchargement ne démarre pas** : vous êtes peut-être dans la petite fenêtre de connexion. Ouvrez votre navigateur habituel.',
            '**Le fichier ne s’ouvre pas** : il vous manque sans doute une application de lecture. Lisez le guide « Lire un livre numérique ».',
            '**Le téléchargement s’est arrêté** : rapprochez-vous de la boîte et touchez de nouveau **Télécharger**.',
          ],
        },
        { p: 'Et si vous êtes bloqué, demandez de l’aide à l’accueil : c’est fait pour ça.' },
      ],
    },
  ],
};
