/**
 * The ten starter e-notices, written in French Easy-to-Read (FALC) and illustrated
 * with the drawing kit. Run `npx tsx scripts/notices/build.ts` to write them into
 * `content/notices/<id>/` (notice.json + one SVG per step).
 */
import { MESSAGES } from '../../src/kiosk-ui/lib/i18n.js';
import type { Gesture, Shape, ColourKey, NoticeInput } from '../../src/server/notices/format.js';
import {
  GLYPH,
  INK,
  KIOSK,
  MUTED,
  PHONE,
  appBar,
  button,
  cover,
  field,
  keyboard,
  kioskFrame,
  label,
  listRow,
  phoneFrame,
  rect,
  textLines,
  type Box,
} from './kit.js';
import {
  bookList,
  browser,
  conversation,
  homeScreen,
  listScreen,
  portalPage,
  workPage,
} from './scenes.js';

export interface DraftMarker {
  box: Box;
  shape: Shape;
  gesture: Gesture;
  colour: ColourKey;
  direction?: 'left' | 'right' | 'up' | 'down';
}

export interface DraftStep {
  action: string;
  svg: string;
  size: 'phone' | 'kiosk';
  alt: string;
  markers: DraftMarker[];
  tip?: string;
  warning?: string;
  result?: string;
}

export type DraftNotice = Omit<
  NoticeInput,
  'steps' | 'format' | 'version' | 'language' | 'licence' | 'authors'
> & {
  steps: DraftStep[];
};

const P = PHONE;
const tap = (box: Box, colour: ColourKey = 'rouge', shape: Shape = 'circle'): DraftMarker => ({
  box,
  shape,
  gesture: 'tap',
  colour,
});
const look = (box: Box, colour: ColourKey = 'rouge'): DraftMarker => ({
  box,
  shape: 'rectangle',
  gesture: 'look',
  colour,
});
const phone = (
  action: string,
  svg: string,
  alt: string,
  markers: DraftMarker[],
  extra: Partial<DraftStep> = {},
): DraftStep => ({
  action,
  svg,
  alt,
  markers,
  size: 'phone',
  ...extra,
});

function wifi(): DraftNotice {
  const home = homeScreen();
  const settings = listScreen(
    'Réglages',
    [['Wi-Fi', 'Pas connecté'], ['Bluetooth'], ['Son'], ['Affichage'], ['Batterie']],
    { back: false },
  );
  const networks = listScreen('Wi-Fi', [
    ['Lanterne', 'Ouvert'],
    ['Voisin-5G', 'Protégé'],
    ['Café du port', 'Protégé'],
  ]);
  const connected = listScreen('Wi-Fi', [
    ['Lanterne', 'Connecté'],
    ['Voisin-5G', 'Protégé'],
    ['Café du port', 'Protégé'],
  ]);
  const lanterne = connected.rows[0] ?? [0, 0, 0, 0];
  return {
    id: 'wifi-de-la-boite',
    title: 'Se connecter au Wi-Fi de la bibliothèque',
    summary: 'Votre téléphone se connecte au réseau Lanterne. Ce réseau est gratuit.',
    level: 'débutant',
    themes: ['smartphone', 'Wi-Fi'],
    devices: ['android', 'iphone'],
    duration: 3,
    needs: ['Votre téléphone allumé.'],
    steps: [
      phone(
        'Touchez Réglages, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone avec ses applications.',
        [tap(home.icons['Réglages'] ?? [0, 0, 0, 0])],
        {
          tip: 'Réglages a souvent le dessin d’une roue.',
        },
      ),
      phone(
        'Touchez Wi-Fi, encadré en rouge {1}.',
        settings.svg,
        'La liste des réglages du téléphone.',
        [tap(settings.rows[0] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez le nom Lanterne, encadré en rouge {1}.',
        networks.svg,
        'La liste des réseaux Wi-Fi.',
        [tap(networks.rows[0] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
        {
          tip: 'Lanterne est le réseau de la bibliothèque. Il n’a pas de mot de passe.',
        },
      ),
      phone(
        'Regardez le mot sous Lanterne, encadré en rouge {1}.',
        connected.svg,
        'Le réseau Lanterne est connecté.',
        [look([lanterne[0], lanterne[1] + 26, 160, 30])],
        {
          result: 'Vous voyez maintenant le mot Connecté.',
        },
      ),
    ],
  };
}

function portal(): DraftNotice {
  const home = homeScreen();
  const empty = browser('', textLines(P.x + 16, P.y + 90, P.w - 32, 4));
  const kb = keyboard('Aller');
  const typing = browser('lanterne.lan', kb.svg);
  const page = portalPage();
  return {
    id: 'ouvrir-le-portail',
    title: 'Ouvrir le site de la bibliothèque',
    summary:
      'Vous ouvrez le site Lanterne sur votre téléphone. Vous y trouvez les livres et les notices.',
    level: 'débutant',
    themes: ['smartphone', 'Internet'],
    devices: ['android', 'iphone'],
    duration: 3,
    needs: ['Votre téléphone connecté au Wi-Fi Lanterne.'],
    steps: [
      phone(
        'Touchez Internet, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone.',
        [tap(home.icons['Internet'] ?? [0, 0, 0, 0])],
        {
          tip: 'Sur un iPhone, Internet s’appelle Safari.',
        },
      ),
      phone(
        'Touchez la barre d’adresse, encadrée en rouge {1}.',
        empty.svg,
        'Le navigateur avec la barre d’adresse vide.',
        [tap(empty.bar, 'rouge', 'rectangle')],
      ),
      phone(
        'Écrivez lanterne.lan dans la barre encadrée en rouge {1}.',
        typing.svg,
        'Le clavier est ouvert. L’adresse est écrite.',
        [{ box: typing.bar, shape: 'rectangle', gesture: 'type-text', colour: 'rouge' }],
      ),
      phone(
        'Touchez Aller, entouré en rouge {1}.',
        typing.svg,
        'Le clavier avec la touche Aller.',
        [tap(kb.box)],
      ),
      phone(
        'Regardez le haut de la page, encadré en rouge {1}.',
        page.svg,
        'La page d’accueil du site Lanterne.',
        [look(page.header)],
        {
          result: 'Vous voyez maintenant le nom Lanterne.',
          tip: 'Vous pouvez aussi scanner le code carré affiché dans la bibliothèque.',
        },
      ),
    ],
  };
}

function bookAndroid(): DraftNotice {
  const page = portalPage();
  const list = bookList('livre');
  const work = workPage('Contes de nos régions');
  const shade = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#e9eef5') +
      rect(P.x, P.y, P.w, 150, '#ffffff') +
      label(P.x + 16, P.y + 40, 'Téléchargement terminé', 17, { bold: true }) +
      label(P.x + 16, P.y + 68, 'contes-de-nos-regions.epub', 15, { fill: MUTED }),
  );
  const notif: Box = [P.x + 6, P.y + 8, P.w - 12, 80];
  const swipe: Box = [P.x + 120, P.y + 4, 80, 220];
  return {
    id: 'livre-android',
    title: 'Télécharger un livre sur un téléphone Android',
    summary: 'Vous prenez un livre gratuit de la bibliothèque. Il reste sur votre téléphone.',
    level: 'débutant',
    themes: ['smartphone', 'livres'],
    devices: ['android'],
    duration: 5,
    needs: ['Votre téléphone connecté au Wi-Fi Lanterne.', 'Le site Lanterne ouvert.'],
    steps: [
      phone(
        'Touchez Parcourir, encadré en rouge {1}.',
        page.svg,
        'La page d’accueil du site Lanterne.',
        [tap(page.browse, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez le livre que vous voulez, encadré en rouge {1}.',
        list.svg,
        'La liste des livres.',
        [tap(list.first, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez Télécharger, encadré en rouge {1}.',
        work.svg,
        'La page du livre avec le bouton Télécharger.',
        [tap(work.download, 'rouge', 'rectangle')],
        {
          result: 'Le téléphone garde le livre.',
        },
      ),
      phone(
        'Glissez un doigt du haut vers le bas, comme la flèche rouge {1}.',
        homeScreen().svg,
        'Le doigt glisse depuis le haut de l’écran.',
        [{ box: swipe, shape: 'arrow', gesture: 'swipe-down', colour: 'rouge' }],
      ),
      phone(
        'Touchez Téléchargement terminé, encadré en rouge {1}.',
        shade,
        'Le message Téléchargement terminé.',
        [tap(notif, 'rouge', 'rectangle')],
        {
          result: 'Vous voyez maintenant la première page du livre.',
          tip: 'Il faut une application pour lire le livre.',
        },
      ),
    ],
  };
}

function bookIphone(): DraftNotice {
  const page = portalPage();
  const list = bookList('livre');
  const work = workPage('Contes de nos régions');
  const ask = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#8a8a95') +
      rect(P.x + 30, P.y + 180, P.w - 60, 170, '#ffffff', { r: 14 }) +
      label(P.x + P.w / 2, P.y + 220, 'Voulez-vous télécharger', 16, { anchor: 'middle' }) +
      label(P.x + P.w / 2, P.y + 244, 'ce fichier ?', 16, { anchor: 'middle' }) +
      button(P.x + 46, P.y + 276, 110, 52, 'Annuler', '#eeeeee', INK, 15).svg +
      button(P.x + 164, P.y + 276, 126, 52, 'Télécharger', '#0b4f8a', '#fff', 15).svg,
  );
  const askYes: Box = [P.x + 164, P.y + 276, 126, 52];
  const share = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#e9eef5') +
      rect(P.x, P.y + 300, P.w, 220, '#ffffff', { r: 14 }) +
      label(P.x + 16, P.y + 336, 'Ouvrir avec', 17, { bold: true }) +
      `<g transform="translate(${P.x + 60} ${P.y + 400})">${rect(-29, -29, 58, 58, '#b34700', { r: 14 })}<g fill="#fff" stroke="#fff">${GLYPH.book}</g></g>` +
      label(P.x + 60, P.y + 450, 'Livres', 13, { anchor: 'middle' }) +
      `<g transform="translate(${P.x + 160} ${P.y + 400})">${rect(-29, -29, 58, 58, '#38526b', { r: 14 })}<g fill="#fff" stroke="#fff">${GLYPH.folder}</g></g>` +
      label(P.x + 160, P.y + 450, 'Fichiers', 13, { anchor: 'middle' }),
  );
  const livres: Box = [P.x + 24, P.y + 364, 72, 96];
  return {
    id: 'livre-iphone',
    title: 'Télécharger un livre sur un iPhone',
    summary:
      'Vous prenez un livre gratuit de la bibliothèque. Vous le lisez avec l’application Livres.',
    level: 'débutant',
    themes: ['smartphone', 'livres'],
    devices: ['iphone'],
    duration: 5,
    needs: ['Votre iPhone connecté au Wi-Fi Lanterne.', 'Le site Lanterne ouvert dans Safari.'],
    steps: [
      phone(
        'Touchez Parcourir, encadré en rouge {1}.',
        page.svg,
        'La page d’accueil du site Lanterne.',
        [tap(page.browse, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez le livre que vous voulez, encadré en rouge {1}.',
        list.svg,
        'La liste des livres.',
        [tap(list.first, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez Télécharger, encadré en rouge {1}.',
        work.svg,
        'La page du livre avec le bouton Télécharger.',
        [tap(work.download, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez encore Télécharger, encadré en rouge {1}.',
        ask,
        'Le téléphone demande une confirmation.',
        [tap(askYes, 'rouge', 'rectangle')],
        {
          warning: 'Ne touchez pas Annuler. Sinon, le livre ne vient pas.',
        },
      ),
      phone(
        'Touchez Livres, entouré en rouge {1}.',
        share,
        'Le choix de l’application pour ouvrir le livre.',
        [tap(livres)],
        {
          result: 'Vous voyez maintenant le livre dans l’application Livres.',
        },
      ),
    ],
  };
}

function readEpub(): DraftNotice {
  const home = homeScreen();
  const shelf = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#ffffff') +
      appBar('Ma bibliothèque', { fill: '#8a4b08' }) +
      cover(P.x + 20, P.y + 80, 130, 190, '#8a4b08', 'Contes').svg +
      cover(P.x + 166, P.y + 80, 130, 190, '#1565c0', 'Poèmes').svg,
  );
  const first: Box = [P.x + 14, P.y + 74, 142, 202];
  const pageText = (n: number, bar: boolean) =>
    phoneFrame(
      rect(P.x, P.y, P.w, P.h, '#fffdf5') +
        label(P.x + 24, P.y + 50, 'Il était une fois,', 19) +
        label(P.x + 24, P.y + 80, 'dans un petit village,', 19) +
        label(P.x + 24, P.y + 110, 'une vieille dame.', 19) +
        textLines(P.x + 24, P.y + 140, P.w - 48, 10, 26) +
        label(P.x + P.w / 2, P.y + P.h - 16, `page ${n}`, 14, { fill: MUTED, anchor: 'middle' }) +
        (bar
          ? rect(P.x, P.y, P.w, 60, '#123c69') +
            label(P.x + 16, P.y + 38, 'Contes', 19, { fill: '#fff', bold: true }) +
            button(P.x + P.w - 72, P.y + 6, 60, 48, 'Aa', '#ffd166', INK, 20).svg
          : ''),
    );
  const size = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#fffdf5') +
      textLines(P.x + 24, P.y + 60, P.w - 48, 8, 26) +
      rect(P.x, P.y + 300, P.w, 220, '#ffffff', { r: 14 }) +
      label(P.x + 16, P.y + 340, 'Taille du texte', 17, { bold: true }) +
      button(P.x + 30, P.y + 370, 110, 70, 'A', '#eeeeee', INK, 18).svg +
      button(P.x + 176, P.y + 370, 110, 70, 'A', '#eeeeee', INK, 34).svg,
  );
  return {
    id: 'lire-un-livre',
    title: 'Lire un livre numérique sur le téléphone',
    summary: 'Vous ouvrez un livre téléchargé. Vous tournez les pages. Vous grossissez le texte.',
    level: 'débutant',
    themes: ['smartphone', 'livres', 'lecture'],
    devices: ['android', 'iphone', 'tablette'],
    duration: 5,
    needs: ['Un livre téléchargé sur votre téléphone.', 'Une application de lecture.'],
    steps: [
      phone(
        'Touchez Lecture, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone.',
        [tap(home.icons['Lecture'] ?? [0, 0, 0, 0])],
        {
          tip: 'Sur un iPhone, l’application s’appelle Livres.',
        },
      ),
      phone(
        'Touchez la couverture du livre, encadrée en rouge {1}.',
        shelf,
        'Les livres rangés dans l’application.',
        [tap(first, 'rouge', 'rectangle')],
      ),
      phone(
        'Pour tourner la page, glissez le doigt comme la flèche rouge {1}.',
        pageText(1, false),
        'Une page du livre.',
        [
          {
            box: [P.x + 60, P.y + 380, 200, 70],
            shape: 'arrow',
            gesture: 'swipe-left',
            colour: 'rouge',
          },
        ],
        { tip: 'Pour revenir en arrière, glissez vers la droite.' },
      ),
      phone(
        'Touchez le milieu de la page, entouré en rouge {1}.',
        pageText(2, false),
        'Une page du livre.',
        [tap([P.x + 108, P.y + 210, 100, 100])],
        {
          result: 'Vous voyez maintenant des boutons en haut.',
        },
      ),
      phone(
        'Touchez Aa, entouré en rouge {1}.',
        pageText(2, true),
        'Les boutons du livre sont affichés.',
        [tap([P.x + P.w - 72, P.y + 6, 60, 48])],
      ),
      phone(
        'Touchez le grand A, encadré en rouge {1}.',
        size,
        'Le choix de la taille du texte.',
        [tap([P.x + 176, P.y + 370, 110, 70], 'rouge', 'rectangle')],
        {
          result: 'Vous voyez maintenant le texte en plus grand.',
        },
      ),
    ],
  };
}

function audioBook(): DraftNotice {
  const list = bookList('audio');
  const player = (playing: boolean) => {
    const top = P.y + 60;
    let page = cover(P.x + 78, top + 20, 160, 160, '#2e7d32', 'Contes').svg;
    page += label(P.x + P.w / 2, top + 214, 'Contes à écouter', 19, {
      anchor: 'middle',
      bold: true,
    });
    page +=
      rect(P.x + 24, top + 250, P.w - 48, 8, '#d6d3c7', { r: 4 }) +
      rect(P.x + 24, top + 250, 90, 8, '#0b4f8a', { r: 4 });
    page += `<circle cx="${P.x + 114}" cy="${top + 254}" r="12" fill="#0b4f8a"/>`;
    page +=
      label(P.x + 24, top + 284, '3:12', 14, { fill: MUTED }) +
      label(P.x + P.w - 24, top + 284, '12:40', 14, { fill: MUTED, anchor: 'end' });
    page += `<circle cx="${P.x + P.w / 2}" cy="${top + 350}" r="44" fill="#0b4f8a"/>`;
    page += playing
      ? rect(P.x + P.w / 2 - 16, top + 330, 11, 40, '#fff') +
        rect(P.x + P.w / 2 + 5, top + 330, 11, 40, '#fff')
      : `<path d="M${P.x + P.w / 2 - 12} ${top + 328} l34 22 l-34 22z" fill="#fff"/>`;
    return {
      svg: browser('lanterne.lan', page).svg,
      play: [P.x + P.w / 2 - 48, top + 302, 96, 96] as Box,
      bar: [P.x + 100, top + 236, 200, 36] as Box,
    };
  };
  const stopped = player(false);
  const playing = player(true);
  const sideFrame =
    playing.svg.replace('</svg>', '') + rect(356, 180, 4, 60, INK) + rect(356, 260, 4, 60, INK);
  return {
    id: 'livre-audio',
    title: 'Écouter un livre audio',
    summary: 'Vous écoutez un livre lu à voix haute. Vous réglez le son.',
    level: 'débutant',
    themes: ['smartphone', 'écouter'],
    devices: ['android', 'iphone'],
    duration: 4,
    needs: ['Votre téléphone connecté au Wi-Fi Lanterne.', 'Des écouteurs, si vous le voulez.'],
    steps: [
      phone(
        'Touchez le livre audio que vous voulez, encadré en rouge {1}.',
        list.svg,
        'La liste des livres audio.',
        [tap(list.first, 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez le bouton Lecture, entouré en rouge {1}.',
        stopped.svg,
        'Le lecteur du livre audio.',
        [tap(stopped.play)],
        {
          result: 'Vous entendez maintenant la voix.',
        },
      ),
      phone(
        'Pour faire une pause, touchez le même bouton, entouré en rouge {1}.',
        playing.svg,
        'Le lecteur pendant l’écoute.',
        [tap(playing.play)],
      ),
      phone(
        'Pour avancer, faites glisser le rond comme la flèche rouge {1}.',
        playing.svg,
        'La barre du temps du lecteur.',
        [{ box: playing.bar, shape: 'arrow', gesture: 'swipe-right', colour: 'rouge' }],
      ),
      phone(
        'Pour régler le son, appuyez sur les boutons encadrés en rouge {1}.',
        sideFrame,
        'Les boutons du son sur le côté du téléphone.',
        [{ box: [318, 170, 40, 160], shape: 'rectangle', gesture: 'tap', colour: 'rouge' }],
        { tip: 'Le bouton du haut monte le son. Le bouton du bas baisse le son.' },
      ),
    ],
  };
}

function kiosk(): DraftNotice {
  // The kiosk's own words (src/kiosk-ui/lib/i18n.ts): the pictures show its real buttons.
  const t = MESSAGES.fr;
  const K = KIOSK;
  const welcome = kioskFrame(
    rect(K.x, K.y, K.w, K.h, '#123c69') +
      label(400, 170, 'Bibliothèque', 48, { fill: '#fff', anchor: 'middle', bold: true }) +
      label(400, 270, t.touchToStart, 28, { fill: '#fff', anchor: 'middle' }),
  );
  const callBox: Box = [130, 234, 540, 50];
  const bar = (x: number, w: number, text: string) =>
    button(x, K.y + 10, w, 50, text, '#ffffff', INK, 18);
  const backBtn = bar(K.x + 10, 96, t.back);
  const homeBtn = bar(K.x + 114, 104, t.home);
  const settingsBtn = bar(K.x + K.w - 244, 112, t.settings);
  const finishBtn = bar(K.x + K.w - 122, 112, t.finish);
  const topBar =
    rect(K.x, K.y, K.w, 70, '#123c69') +
    label(400, K.y + 44, 'Bibliothèque', 20, { fill: '#fff', anchor: 'middle', bold: true }) +
    backBtn.svg +
    homeBtn.svg +
    settingsBtn.svg +
    finishBtn.svg;
  // The home tiles, in the kiosk's order.
  const tiles: Array<[string, string]> = [
    [t.books, '#8a4b08'],
    [t.listen, '#2e7d32'],
    [t.watch, '#1565c0'],
    [t.learn, '#6a1b9a'],
    [t.search, '#0b4f8a'],
    [t.infos, '#38526b'],
  ];
  let home = topBar;
  const tileBoxes: Box[] = [];
  tiles.forEach(([name, colour], i) => {
    const x = K.x + 24 + (i % 3) * 244;
    const y = K.y + 100 + Math.floor(i / 3) * 170;
    home += button(x, y, 224, 150, name, colour, '#fff', 24).svg;
    tileBoxes.push([x, y, 224, 150]);
  });
  const homeSvg = kioskFrame(home);
  let kb = topBar + field(K.x + 24, K.y + 96, 540, 'jard').svg;
  const submit = button(K.x + 580, K.y + 90, 156, 56, t.showResults, '#0b4f8a', '#fff', 20);
  kb += submit.svg;
  const kbTop = K.y + 170;
  ['azertyuiop', 'qsdfghjklm', 'wxcvbn'].forEach((row, r) => {
    [...row].forEach((ch, i) => {
      const x = K.x + 24 + i * 71;
      kb +=
        rect(x, kbTop + r * 80, 64, 70, '#ffffff', { r: 8, stroke: '#6b6b76' }) +
        label(x + 32, kbTop + r * 80 + 45, ch, 26, { anchor: 'middle' });
    });
  });
  const kbSvg = kioskFrame(kb);
  const keyboardBox: Box = [K.x + 24, kbTop, 702, 230];
  const kioskStep = (
    action: string,
    svg: string,
    alt: string,
    markers: DraftMarker[],
    extra: Partial<DraftStep> = {},
  ): DraftStep => ({ action, svg, alt, markers, size: 'kiosk', ...extra });
  return {
    id: 'utiliser-la-borne',
    title: 'Utiliser la borne de la bibliothèque',
    summary: 'La borne est un grand écran tactile. Vous touchez l’écran avec le doigt.',
    level: 'débutant',
    themes: ['borne', 'découvrir'],
    devices: ['borne'],
    duration: 3,
    needs: ['Rien. La borne est prête.'],
    steps: [
      kioskStep(
        'Pour commencer, touchez la phrase encadrée en rouge {1}.',
        welcome,
        'L’écran d’accueil de la borne.',
        [tap(callBox, 'rouge', 'rectangle')],
      ),
      kioskStep(
        'Touchez une grande case, par exemple « Livres », encadrée en rouge {1}.',
        homeSvg,
        'Les grandes cases de la borne.',
        [tap(tileBoxes[0] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      kioskStep(
        'Pour chercher un titre, touchez « Chercher », encadré en rouge {1}.',
        homeSvg,
        'Les grandes cases de la borne.',
        [tap(tileBoxes[4] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      kioskStep(
        'Écrivez le titre avec le clavier de l’écran, encadré en rouge {1}.',
        kbSvg,
        'Le clavier affiché sur l’écran.',
        [{ box: keyboardBox, shape: 'rectangle', gesture: 'type-text', colour: 'rouge' }],
      ),
      kioskStep(
        'Touchez « Rechercher », encadré en rouge {1}.',
        kbSvg,
        'Le bouton pour voir les titres trouvés.',
        [tap(submit.box, 'rouge', 'rectangle')],
        { result: 'Vous voyez maintenant les titres trouvés.' },
      ),
      kioskStep(
        'Pour grossir le texte, touchez « Réglages », encadré en rouge {1}.',
        homeSvg,
        'Le bouton Réglages en haut de l’écran.',
        [tap(settingsBtn.box, 'rouge', 'rectangle')],
        { tip: 'Choisissez ensuite « Très grand ».' },
      ),
      kioskStep(
        'Quand vous partez, touchez « Terminer », encadré en rouge {1}.',
        homeSvg,
        'Le bouton Terminer en haut de l’écran.',
        [tap(finishBtn.box, 'rouge', 'rectangle')],
        {
          result: 'La borne efface tout. La personne suivante ne voit rien.',
          tip: '« Accueil » ramène aux grandes cases. Il n’efface rien.',
        },
      ),
    ],
  };
}

function fraud(): DraftNotice {
  const home = homeScreen();
  const messages: Array<[string, string]> = [
    ['06 12 34 56 78', 'Votre colis est bloqué.'],
    ['Marie', 'À demain !'],
    ['Pharmacie', 'Votre commande est prête.'],
  ];
  const list = listScreen('Messages', messages, { back: false });
  const listDel = listScreen('Messages', messages, {
    back: false,
    extra:
      rect(P.x + 60, P.y + 120, 220, 110, '#ffffff', { r: 12, stroke: '#6b6b76' }) +
      button(P.x + 76, P.y + 140, 188, 70, 'Supprimer', '#c62828', '#fff', 18).svg,
  });
  return {
    id: 'message-frauduleux',
    title: 'Reconnaître un faux message',
    summary:
      'Des escrocs envoient de faux messages. Ils veulent votre argent. Vous apprenez à les reconnaître et à les effacer.',
    level: 'débutant',
    themes: ['sécurité', 'smartphone'],
    devices: ['android', 'iphone', 'ordinateur'],
    duration: 5,
    needs: ['Un message qui vous semble bizarre.'],
    remember: [
      'Un numéro inconnu doit vous rendre prudent.',
      'Un escroc veut que vous alliez vite. Prenez votre temps.',
      'Ne touchez pas le lien d’un message bizarre. Il ouvre un faux site.',
      'Ne donnez jamais votre code secret. Votre banque ne le demande jamais.',
      'Vous avez un doute ? Montrez le message à la bibliothèque.',
    ],
    steps: [
      phone(
        'Touchez Messages, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone.',
        [tap(home.icons['Messages'] ?? [0, 0, 0, 0])],
      ),
      phone(
        'Gardez le doigt appuyé sur le faux message, encadré en rouge {1}.',
        list.svg,
        'La liste des messages.',
        [
          {
            box: [P.x + 4, P.y + 64, P.w - 8, 56],
            shape: 'rectangle',
            gesture: 'long-press',
            colour: 'rouge',
          },
        ],
      ),
      phone(
        'Touchez Supprimer, encadré en rouge {1}.',
        listDel.svg,
        'Le bouton Supprimer.',
        [tap([P.x + 76, P.y + 140, 188, 70], 'rouge', 'rectangle')],
        { result: 'Le faux message est effacé.' },
      ),
    ],
  };
}

function videoCall(): DraftNotice {
  const home = homeScreen();
  const contacts = listScreen(
    'Appel vidéo',
    [
      ['Marie', 'Ma fille'],
      ['Paul', 'Mon voisin'],
      ['Sophie', 'Ma petite-fille'],
    ],
    { back: false },
  );
  const contact = phoneFrame(
    rect(P.x, P.y, P.w, P.h, '#ffffff') +
      appBar('Marie', { back: true, fill: '#6a1b9a' }) +
      `<circle cx="${P.x + P.w / 2}" cy="${P.y + 160}" r="60" fill="#6a1b9a"/>` +
      label(P.x + P.w / 2, P.y + 180, 'M', 56, { fill: '#fff', anchor: 'middle', bold: true }) +
      label(P.x + P.w / 2, P.y + 260, 'Marie', 24, { anchor: 'middle', bold: true }) +
      button(P.x + 40, P.y + 300, 110, 80, 'Voix', '#eeeeee', INK, 18).svg +
      button(P.x + 166, P.y + 300, 110, 80, 'Vidéo', '#6a1b9a', '#fff', 18).svg,
  );
  const inCall = (ringing: boolean) =>
    phoneFrame(
      rect(P.x, P.y, P.w, P.h, '#2b2b33') +
        (ringing
          ? label(P.x + P.w / 2, P.y + 200, 'Appel de Marie…', 22, {
              fill: '#fff',
              anchor: 'middle',
            })
          : `<circle cx="${P.x + P.w / 2}" cy="${P.y + 190}" r="80" fill="#d9b38c"/><circle cx="${P.x + P.w / 2}" cy="${P.y + 340}" r="110" fill="#6a1b9a"/>`) +
        rect(P.x + P.w - 110, P.y + 20, 90, 130, '#8fb3d9', { r: 8 }) +
        `<circle cx="${P.x + P.w / 2}" cy="${P.y + P.h - 70}" r="40" fill="#c62828"/>` +
        `<path d="M${P.x + P.w / 2 - 22} ${P.y + P.h - 66} q22 -16 44 0" stroke="#fff" stroke-width="8" fill="none"/>`,
    );
  const hang: Box = [P.x + P.w / 2 - 44, P.y + P.h - 114, 88, 88];
  return {
    id: 'appel-video',
    title: 'Faire un appel vidéo',
    summary: 'Vous appelez un proche. Vous le voyez sur l’écran. Il vous voit aussi.',
    level: 'débutant',
    themes: ['smartphone', 'famille'],
    devices: ['android', 'iphone', 'tablette'],
    duration: 5,
    needs: ['Votre téléphone connecté à Internet.', 'La personne dans vos contacts.'],
    steps: [
      phone(
        'Touchez Appel vidéo, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone.',
        [tap(home.icons['Appel vidéo'] ?? [0, 0, 0, 0])],
      ),
      phone(
        'Touchez le nom de la personne, encadré en rouge {1}.',
        contacts.svg,
        'La liste des personnes.',
        [tap(contacts.rows[0] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez Vidéo, encadré en rouge {1}.',
        contact,
        'La fiche de Marie avec le bouton Vidéo.',
        [tap([P.x + 166, P.y + 300, 110, 80], 'rouge', 'rectangle')],
      ),
      phone(
        'Attendez la réponse, dans le cadre rouge {1}.',
        inCall(true),
        'Le téléphone appelle Marie.',
        [look([P.x + 40, P.y + 170, P.w - 80, 50])],
        {
          result: 'Vous voyez maintenant le visage de la personne.',
          tip: 'Votre image est dans le petit carré.',
        },
      ),
      phone(
        'Pour finir, touchez le bouton rouge {1}.',
        inCall(false),
        'L’appel en cours.',
        [tap(hang)],
        {
          result: 'L’appel est fini.',
        },
      ),
    ],
  };
}

function sendPhoto(): DraftNotice {
  const home = homeScreen();
  const list = listScreen(
    'Messages',
    [
      ['Marie', 'À demain !'],
      ['Paul', 'Merci beaucoup.'],
      ['Pharmacie', 'Votre commande est prête.'],
    ],
    { back: false },
  );
  const conv = conversation('Marie', [
    { me: false, text: ['Tu m’envoies une photo', 'du jardin ?'] },
  ]);
  let grid = rect(P.x, P.y, P.w, P.h, '#ffffff') + appBar('Photos', { fill: '#b34700' });
  const cells: Box[] = [];
  for (let i = 0; i < 9; i += 1) {
    const x = P.x + 8 + (i % 3) * 102;
    const y = P.y + 64 + Math.floor(i / 3) * 102;
    grid += rect(x, y, 96, 96, ['#8fb3d9', '#b7d3a8', '#e7c9a9'][i % 3] ?? '#ccc', { r: 4 });
    if (i === 4)
      grid += `<path d="M${x + 8} ${y + 88} l30 -40 l20 20 l14 -14 l20 34z" fill="#2e7d32"/><circle cx="${x + 70}" cy="${y + 24}" r="10" fill="#ffd166"/>`;
    cells.push([x, y, 96, 96]);
  }
  const picked = conversation(
    'Marie',
    [{ me: false, text: ['Tu m’envoies une photo', 'du jardin ?'] }],
    'photo choisie',
  );
  const sent = conversation('Marie', [
    { me: false, text: ['Tu m’envoies une photo', 'du jardin ?'] },
    { me: true, text: [], photo: true },
  ]);
  return {
    id: 'envoyer-une-photo',
    title: 'Envoyer une photo par message',
    summary: 'Vous envoyez une photo de votre téléphone à un proche.',
    level: 'débutant',
    themes: ['smartphone', 'photos', 'famille'],
    devices: ['android', 'iphone'],
    duration: 4,
    needs: ['Votre téléphone.', 'Une photo déjà prise.'],
    steps: [
      phone(
        'Touchez Messages, entouré en rouge {1}.',
        home.svg,
        'L’écran d’accueil du téléphone.',
        [tap(home.icons['Messages'] ?? [0, 0, 0, 0])],
      ),
      phone(
        'Touchez le nom de la personne, encadré en rouge {1}.',
        list.svg,
        'La liste des messages.',
        [tap(list.rows[0] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      phone(
        'Touchez le bouton photo, entouré en rouge {1}.',
        conv.svg,
        'La discussion avec Marie.',
        [tap(conv.photoButton)],
      ),
      phone(
        'Touchez la photo que vous voulez, encadrée en rouge {1}.',
        phoneFrame(grid),
        'Les photos du téléphone.',
        [tap(cells[4] ?? [0, 0, 0, 0], 'rouge', 'rectangle')],
      ),
      phone('Touchez Envoyer, entouré en rouge {1}.', picked.svg, 'La photo est prête à partir.', [
        tap(picked.send),
      ]),
      phone(
        'Regardez la photo, encadrée en rouge {1}.',
        sent.svg,
        'La photo est dans la discussion.',
        [look(sent.bubbles[1] ?? [0, 0, 0, 0])],
        {
          result: 'Vous voyez maintenant la photo dans la discussion.',
        },
      ),
    ],
  };
}

export const STARTERS: Array<() => DraftNotice> = [
  wifi,
  portal,
  bookAndroid,
  bookIphone,
  readEpub,
  audioBook,
  kiosk,
  fraud,
  videoCall,
  sendPhoto,
];

export { listRow };
