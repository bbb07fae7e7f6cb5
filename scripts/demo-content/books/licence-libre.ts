import type { Book } from '../book.js';

export const licenceLibre: Book = {
  id: 'licence-libre',
  title: 'Qu’est-ce qu’une licence libre ?',
  subtitle: 'Le droit d’auteur expliqué simplement',
  language: 'fr',
  uuid: '4c7b1e95-2a8d-4f3b-b6e0-1d9a5c3f8e24',
  description:
    'Droit d’auteur, domaine public, licences Creative Commons : ce que l’on a le droit de faire avec une œuvre, et pourquoi les œuvres de Lanterne peuvent être copiées et partagées.',
  licence: 'CC-BY-SA-4.0',
  themes: ['Culture libre'],
  cover: 'licence',
  chapters: [
    {
      title: 'Le droit d’auteur',
      blocks: [
        {
          p: 'Quand une personne écrit un texte, dessine une image ou compose une chanson, elle en devient l’auteur. La loi lui donne des droits sur son œuvre : c’est le **droit d’auteur**.',
        },
        {
          p: 'Par défaut, ces droits sont réservés. Sans l’accord de l’auteur, on peut lire un livre ou écouter une chanson, mais on n’a pas le droit de les copier pour les distribuer, ni de les modifier pour les publier.',
        },
        {
          p: 'En France, ces droits durent toute la vie de l’auteur, puis encore soixante-dix ans après sa mort. Ensuite, l’œuvre entre dans le **domaine public** : tout le monde peut alors la copier, la partager et la transformer.',
        },
      ],
    },
    {
      title: 'Une licence, c’est une permission',
      blocks: [
        {
          p: 'Un auteur peut choisir de donner à l’avance des permissions à tout le monde. Il le fait avec une **licence** : un petit texte qui dit ce que chacun a le droit de faire avec l’œuvre.',
        },
        { p: 'Une licence est dite **libre** quand elle permet à tous, pour tous les usages :' },
        {
          list: [
            'd’utiliser l’œuvre ;',
            'de l’étudier et de la modifier ;',
            'de la copier ;',
            'de partager l’œuvre, modifiée ou non.',
          ],
        },
        {
          p: 'Ces quatre libertés viennent du logiciel libre. Elles ont été reprises pour les livres, la musique, les images : on parle alors de **culture libre**.',
        },
      ],
    },
    {
      title: 'Les licences Creative Commons',
      blocks: [
        {
          p: 'Les licences les plus connues s’appellent **Creative Commons**, que l’on abrège en CC. Elles se combinent à partir de quelques conditions :',
        },
        {
          list: [
            '**BY** (Attribution) : citer l’auteur et la licence ;',
            '**SA** (Partage dans les mêmes conditions) : si vous modifiez l’œuvre, partagez votre version sous la même licence ;',
            '**NC** (Pas d’utilisation commerciale) : interdit de vendre l’œuvre ou de s’en servir pour gagner de l’argent ;',
            '**ND** (Pas de modification) : interdit de modifier l’œuvre.',
          ],
        },
        {
          p: 'Les licences **CC BY** et **CC BY-SA** sont libres. Les licences qui contiennent NC ou ND ne le sont pas tout à fait : elles permettent le partage, mais en retirent certaines libertés.',
        },
        {
          p: 'Enfin, **CC0** permet à un auteur de renoncer à tous ses droits : son œuvre est alors utilisable comme si elle était dans le domaine public.',
        },
      ],
    },
    {
      title: 'Citer l’auteur, comment faire ?',
      blocks: [
        { p: 'Quand une licence demande d’être cité, il suffit d’indiquer, près de l’œuvre :' },
        {
          steps: [
            'le titre de l’œuvre ;',
            'le nom de son auteur ;',
            'la licence, avec si possible son adresse sur le web.',
          ],
        },
        { p: 'Par exemple : « Qu’est-ce qu’une licence libre ? », Projet Lanterne, CC BY-SA 4.0.' },
        {
          tip: 'Sur Lanterne, chaque page d’œuvre affiche cette phrase toute prête. Il ne reste qu’à la copier.',
        },
      ],
    },
    {
      title: 'Pourquoi c’est important pour une bibliothèque',
      blocks: [
        {
          p: 'Grâce aux licences libres, une bibliothèque peut offrir des copies de livres, de musiques et de films, sans limite de nombre et sans date de retour.',
        },
        {
          p: 'Les animateurs peuvent adapter une notice à leur public, la traduire, l’imprimer en gros caractères, puis la partager avec d’autres bibliothèques. Chacun profite du travail des autres, et l’améliore à son tour.',
        },
        { p: 'Ce livre lui-même est sous licence libre : copiez-le, corrigez-le, améliorez-le !' },
      ],
    },
  ],
};
