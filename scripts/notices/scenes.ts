/**
 * Screens shared by several starter notices, drawn with the kit. Each returns the
 * picture's SVG body and the boxes markers may point at.
 */
import {
  GLYPH,
  INK,
  MUTED,
  PHONE,
  appBar,
  appIcon,
  avatar,
  button,
  cover,
  field,
  label,
  listRow,
  phoneFrame,
  rect,
  textLines,
  type Box,
} from './kit.js';

const P = PHONE;

/** The phone's home screen with eight apps; returns each icon's box by name. */
export function homeScreen(): { svg: string; icons: Record<string, Box> } {
  const apps: Array<[string, string, string]> = [
    ['Réglages', '#5a5a66', GLYPH.gear],
    ['Internet', '#0b4f8a', GLYPH.globe],
    ['Messages', '#2e7d32', GLYPH.bubble],
    ['Photos', '#b34700', GLYPH.photo],
    ['Appel vidéo', '#6a1b9a', GLYPH.camera],
    ['Lecture', '#8a4b08', GLYPH.book],
    ['Téléphone', '#1d6b3a', GLYPH.phone],
    ['Fichiers', '#38526b', GLYPH.folder],
  ];
  const icons: Record<string, Box> = {};
  let svg = rect(P.x, P.y, P.w, P.h, '#e9eef5');
  apps.forEach(([name, colour, glyph], i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const d = appIcon(P.x + 28 + col * 98, P.y + 40 + row * 110, name, colour, glyph);
    svg += d.svg;
    icons[name] = d.box;
  });
  return { svg: phoneFrame(svg), icons };
}

/** The browser with an address bar; `page` is drawn below it. */
export function browser(address: string, page: string): { svg: string; bar: Box } {
  const bar = field(P.x + 10, P.y + 8, P.w - 20, address, 'Rechercher ou écrire une adresse');
  return { svg: phoneFrame(rect(P.x, P.y, P.w, 60, '#f1efe7') + bar.svg + page), bar: bar.box };
}

/** The box's portal home page, as seen in the phone's browser. */
export function portalPage(): { svg: string; browse: Box; header: Box } {
  const top = P.y + 60;
  const header: Box = [P.x, top, P.w, 56];
  let page =
    rect(P.x, top, P.w, 56, '#123c69') +
    label(P.x + 16, top + 36, 'Lanterne', 22, { fill: '#fff', bold: true });
  const browse = button(P.x + 16, top + 76, 136, 48, 'Parcourir');
  const notices = button(P.x + 164, top + 76, 136, 48, 'Notices');
  page += browse.svg + notices.svg;
  page += label(P.x + 16, top + 160, 'Nouveautés', 19, { bold: true });
  const colours = ['#8a4b08', '#1565c0', '#2e7d32'];
  colours.forEach((c, i) => {
    page += cover(
      P.x + 16 + i * 100,
      top + 176,
      86,
      120,
      c,
      ['Contes', 'Poèmes', 'Jardins'][i] ?? '',
    ).svg;
  });
  page += textLines(P.x + 16, top + 316, P.w - 32, 3);
  return { svg: browser('lanterne.lan', page).svg, browse: browse.box, header };
}

/** A list of books on the portal; returns the first book's row box. */
export function bookList(kind: 'livre' | 'audio'): { svg: string; first: Box } {
  const top = P.y + 60;
  let page = label(P.x + 16, top + 34, kind === 'audio' ? 'Livres audio' : 'Livres', 22, {
    bold: true,
  });
  const titles =
    kind === 'audio'
      ? ['Contes à écouter', 'Histoires du soir', 'Poèmes lus']
      : ['Contes de nos régions', 'Le Jardin facile', 'Poèmes choisis'];
  let first: Box = [0, 0, 0, 0];
  titles.forEach((t, i) => {
    const y = top + 56 + i * 120;
    const c = cover(P.x + 16, y, 70, 100, ['#8a4b08', '#2e7d32', '#1565c0'][i] ?? INK, '');
    page +=
      c.svg +
      label(P.x + 100, y + 36, t, 17, { bold: true }) +
      label(P.x + 100, y + 62, 'Domaine public', 14, { fill: MUTED });
    if (i === 0) first = [P.x + 10, y - 6, P.w - 20, 112];
  });
  return { svg: browser('lanterne.lan', page).svg, first };
}

/** The work page of a book on the portal with its download button. */
export function workPage(
  title: string,
  buttonLabel = 'Télécharger (EPUB)',
): { svg: string; download: Box; play: Box } {
  const top = P.y + 60;
  let page = cover(P.x + 16, top + 16, 110, 160, '#8a4b08', '').svg;
  page += label(P.x + 140, top + 50, title.split(' ').slice(0, 2).join(' '), 18, { bold: true });
  page += label(P.x + 140, top + 74, title.split(' ').slice(2).join(' '), 18, { bold: true });
  page += label(P.x + 140, top + 104, 'Domaine public', 14, { fill: MUTED });
  const dl = button(P.x + 16, top + 200, P.w - 32, 56, buttonLabel);
  page += dl.svg;
  page += textLines(P.x + 16, top + 286, P.w - 32, 5);
  return { svg: browser('lanterne.lan', page).svg, download: dl.box, play: dl.box };
}

/** A settings-style list screen under a title bar. */
export function listScreen(
  title: string,
  rows: Array<[string, string?, string?]>,
  opts: { back?: boolean; extra?: string } = {},
): { svg: string; rows: Box[] } {
  let svg = rect(P.x, P.y, P.w, P.h, '#ffffff') + appBar(title, { back: opts.back ?? true });
  const boxes: Box[] = [];
  rows.forEach(([t, sub, right], i) => {
    const r = listRow(i, t, sub ?? '', right ? { right } : {});
    svg += r.svg;
    boxes.push(r.box);
  });
  return { svg: phoneFrame(svg + (opts.extra ?? '')), rows: boxes };
}

/** A conversation in a messages app, with the bottom bar (photo button, field, send). */
export function conversation(
  name: string,
  bubbles: Array<{ me: boolean; text: string[]; photo?: boolean }>,
  typed = '',
): {
  svg: string;
  photoButton: Box;
  send: Box;
  field: Box;
  bubbles: Box[];
} {
  let svg = rect(P.x, P.y, P.w, P.h, '#ffffff') + appBar(name, { back: true, fill: '#2e7d32' });
  let y = P.y + 72;
  const boxes: Box[] = [];
  for (const b of bubbles) {
    const h = b.photo ? 130 : 16 + b.text.length * 22;
    const w = b.photo ? 170 : 230;
    const x = b.me ? P.x + P.w - w - 12 : P.x + 12;
    svg += rect(x, y, w, h, b.me ? '#d7eed9' : '#eeeeee', { r: 14 });
    if (b.photo)
      svg +=
        rect(x + 10, y + 10, w - 20, h - 20, '#8fb3d9', { r: 6 }) +
        `<path d="M${x + 20} ${y + h - 20} l40 -50 l30 30 l20 -20 l40 40z" fill="#2e7d32"/>`;
    b.text.forEach((line, i) => (svg += label(x + 14, y + 28 + i * 22, line, 16)));
    boxes.push([x, y, w, h]);
    y += h + 14;
  }
  const barY = P.y + P.h - 64;
  svg += rect(P.x, barY, P.w, 64, '#f1efe7');
  const photo: Box = [P.x + 8, barY + 8, 48, 48];
  svg += `<g transform="translate(${P.x + 32} ${barY + 32})" fill="${INK}" stroke="${INK}">${GLYPH.photo}</g>`;
  const f = field(P.x + 62, barY + 10, 196, typed, 'Message');
  const send: Box = [P.x + 264, barY + 8, 48, 48];
  svg +=
    f.svg +
    `<circle cx="${P.x + 288}" cy="${barY + 32}" r="22" fill="#2e7d32"/><path d="M${P.x + 278} ${barY + 22} l22 10 l-22 10 l4 -10z" fill="#fff"/>`;
  return { svg: phoneFrame(svg), photoButton: photo, send, field: f.box, bubbles: boxes };
}

export { avatar, button, cover, field, label, rect, textLines, GLYPH };
