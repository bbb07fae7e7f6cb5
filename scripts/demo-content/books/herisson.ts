import type { Book } from '../book.js';

export const herisson: Book = {
  id: 'le-herisson-et-la-lanterne',
  title: 'Le Hérisson et la Lanterne',
  subtitle: 'Un conte pour les petits et les grands',
  language: 'fr',
  uuid: '7a2e9c14-6d3b-4e8f-9b5a-3f1c7d2e6a85',
  description:
    'Octave, un jeune hérisson, a peur du noir. Un soir d’automne, il trouve une vieille lanterne au fond du jardin. Un conte original sur la peur, le partage et la lumière que l’on se passe de main en main.',
  licence: 'CC-BY-SA-4.0',
  themes: ['Contes', 'Nature'],
  cover: 'herisson',
  chapters: [
    {
      title: 'Octave a peur du noir',
      blocks: [
        {
          figure: 'jardin',
          alt: 'Un hérisson marche dans un jardin fleuri, sous un grand soleil, près d’un pommier.',
        },
        {
          p: 'Au fond d’un jardin, sous une haie de noisetiers, vivait un jeune hérisson nommé Octave. Le jour, il dormait en boule dans son nid de feuilles. Le soir, comme tous les hérissons, il aurait dû sortir chercher des limaces et des scarabées.',
        },
        { p: 'Mais Octave avait un secret : il avait peur du noir.' },
        {
          p: '« Un hérisson qui a peur du noir ! se moquait la pie depuis sa branche. Autant dire un poisson qui a peur de l’eau ! »',
        },
        {
          p: 'Alors Octave attendait. Il attendait que la lune soit bien ronde et bien haute, et il ne sortait que les nuits de pleine lune. Les autres nuits, il avait faim, et il se tournait et se retournait dans son nid.',
        },
      ],
    },
    {
      title: 'La lanterne du vieux banc',
      blocks: [
        {
          p: 'Un soir d’automne, le vent souffla si fort qu’il renversa le vieux banc du jardin. Quand Octave risqua le bout de son nez dehors, il aperçut quelque chose qui brillait faiblement dans l’herbe.',
        },
        {
          p: 'C’était une lanterne. Une petite lanterne rouge, cabossée, avec une poignée ronde et une vitre un peu sale. Au fond, une flamme minuscule tremblait encore.',
        },
        {
          p: '« Bonsoir, dit la lanterne d’une toute petite voix. Tu veux bien me redresser ? Couchée comme ça, je vais m’éteindre. »',
        },
        {
          p: 'Octave hésita. Puis, du bout du museau, il poussa la lanterne jusqu’à ce qu’elle tienne debout. Aussitôt, la flamme grandit, et un cercle doré s’étala autour d’eux. Dans ce cercle, Octave vit les brins d’herbe, une feuille de chêne, un scarabée tout surpris. Il n’avait plus peur du tout.',
        },
      ],
    },
    {
      title: 'Une lumière qui se partage',
      blocks: [
        {
          figure: 'nuit',
          alt: 'La nuit, une lanterne allumée éclaire un chemin qui mène à une maison. La fenêtre est allumée, des étoiles brillent.',
        },
        {
          p: 'Chaque soir, désormais, Octave sortait avec la lanterne. Il la poussait devant lui, et le jardin se dévoilait pas à pas.',
        },
        {
          p: 'Une nuit, il entendit pleurer près de la mare. C’était une jeune grenouille qui ne retrouvait plus son nénuphar. Octave leva la lanterne, et le nénuphar apparut, tout près. Une autre nuit, ce fut un vieux crapaud qui avait perdu ses lunettes, puis une souris qui cherchait son chemin vers la grange.',
        },
        { p: '« Tu ne veux pas garder ta lumière pour toi ? demanda la souris.' },
        {
          p: '— Elle ne diminue pas quand je la partage, répondit Octave, étonné lui-même. Regarde : elle éclaire autant pour toi que pour moi. »',
        },
      ],
    },
    {
      title: 'Le soir où la pie se perdit',
      blocks: [
        {
          p: 'Un soir de brouillard, on entendit un cri au-dessus du jardin. La pie, surprise par la nuit, tournait en rond sans retrouver son arbre.',
        },
        {
          p: 'Octave posa la lanterne sur la plus haute pierre du muret. La petite flamme perça le brouillard, et la pie, guidée par la lueur, se posa enfin sur sa branche.',
        },
        {
          p: '« Merci, hérisson, dit-elle, un peu honteuse. Je croyais que tu avais peur du noir.',
        },
        {
          p: '— J’ai encore un peu peur, dit Octave. Mais avec une lumière, on peut avoir peur et avancer quand même. »',
        },
        {
          p: 'Depuis ce soir-là, quand vient l’automne, les animaux du jardin se passent la lanterne de l’un à l’autre. Chacun éclaire un bout de chemin, puis la confie au suivant. Et si, un soir, vous voyez une petite lueur rouge qui danse au fond d’un jardin, ne faites pas de bruit : c’est peut-être Octave qui aide quelqu’un à rentrer chez lui.',
        },
      ],
    },
  ],
};
