/**
 * A small drawing kit for the starter notices: schematic phone, computer and kiosk
 * screens drawn as plain SVG, so every picture shares one look. Each helper returns
 * its SVG and the pixel box of the thing a marker should point at, so the markers in
 * the notices are computed from the drawing and land exactly on it.
 */

export type Box = [x: number, y: number, w: number, h: number];

export interface Drawn {
  svg: string;
  box: Box;
}

export const INK = '#1b1b1f';
export const MUTED = '#5a5a66';
export const LINE = '#c9c6bb';
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function label(
  x: number,
  y: number,
  s: string,
  size = 16,
  opts: { fill?: string; anchor?: string; bold?: boolean } = {},
): string {
  return `<text x="${x}" y="${y}" ${FONT} font-size="${size}" fill="${opts.fill ?? INK}" text-anchor="${opts.anchor ?? 'start'}"${opts.bold ? ' font-weight="bold"' : ''}>${esc(s)}</text>`;
}

export function rect(
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  opts: { r?: number; stroke?: string } = {},
): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${opts.r ?? 0}" fill="${fill}"${opts.stroke ? ` stroke="${opts.stroke}" stroke-width="2"` : ''}/>`;
}

/** A button with a centred label. */
export function button(
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  fill = '#0b4f8a',
  ink = '#ffffff',
  size = 17,
): Drawn {
  return {
    svg:
      rect(x, y, w, h, fill, { r: 10 }) +
      label(x + w / 2, y + h / 2 + size / 3, text, size, {
        fill: ink,
        anchor: 'middle',
        bold: true,
      }),
    box: [x, y, w, h],
  };
}

/** A square app icon with a glyph and its name underneath. */
export function appIcon(x: number, y: number, name: string, colour: string, glyph: string): Drawn {
  const s = 58;
  return {
    svg:
      rect(x, y, s, s, colour, { r: 14 }) +
      `<g transform="translate(${x + s / 2} ${y + s / 2})" fill="#fff" stroke="#fff">${glyph}</g>` +
      label(x + s / 2, y + s + 18, name, 12, { anchor: 'middle' }),
    box: [x - 6, y - 6, s + 12, s + 28],
  };
}

/** Glyphs drawn around (0,0), about 36 px wide, white on the icon's colour. */
export const GLYPH = {
  gear: '<circle r="11" fill="none" stroke-width="6" stroke-dasharray="5 3"/><circle r="4"/>',
  globe:
    '<circle r="15" fill="none" stroke-width="3"/><ellipse rx="6" ry="15" fill="none" stroke-width="3"/><line x1="-15" x2="15" stroke-width="3"/>',
  book: '<path d="M-15 -12 h13 v26 h-13z M2 -12 h13 v26 h-13z" stroke="none"/>',
  headphones:
    '<path d="M-13 6 v-6 a13 13 0 0 1 26 0 v6" fill="none" stroke-width="4"/><rect x="-16" y="2" width="8" height="12" rx="3"/><rect x="8" y="2" width="8" height="12" rx="3"/>',
  camera:
    '<rect x="-16" y="-9" width="22" height="18" rx="3" stroke="none"/><path d="M8 -3 l9 -6 v18 l-9 -6z" stroke="none"/>',
  bubble: '<path d="M-15 -11 h30 v18 h-18 l-8 7 v-7 h-4z" stroke="none"/>',
  photo:
    '<rect x="-15" y="-11" width="30" height="22" rx="3" fill="none" stroke-width="3"/><path d="M-12 8 l8 -9 l6 6 l4 -4 l6 7z" stroke="none"/><circle cx="7" cy="-4" r="3" stroke="none"/>',
  folder: '<path d="M-15 -10 h11 l4 4 h15 v16 h-30z" stroke="none"/>',
  phone:
    '<path d="M-12 -12 l7 -2 l4 8 l-4 3 a18 18 0 0 0 8 8 l3 -4 l8 4 l-2 7 a24 24 0 0 1 -24 -24z" stroke="none"/>',
  lantern:
    '<path d="M-8 -14 h16 l4 6 v16 l-4 6 h-16 l-4 -6 v-16z" stroke="none"/><circle r="5" fill="#ffd166" stroke="none"/>',
};

export interface Phone {
  /** The screen's origin and size inside the picture. */
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
  height: number;
}

/**
 * A 360×596 phone: frame, a status bar, and a screen area to draw into. The bezels are
 * thin so the picture prints 8 cm wide with its step's text on an A4 column.
 */
export const PHONE: Phone = { x: 22, y: 42, w: 316, h: 520, width: 360, height: 596 };

export function phoneFrame(screen: string, opts: { time?: string; wifi?: boolean } = {}): string {
  const p = PHONE;
  return [
    rect(4, 4, 352, 588, '#2b2b33', { r: 36 }),
    rect(p.x, 14, p.w, p.h + 28, '#fdfcf8', { r: 6 }),
    label(p.x + 12, 34, opts.time ?? '10:30', 14, { bold: true }),
    opts.wifi === false
      ? ''
      : `<path d="M${p.x + p.w - 60} 30 a14 14 0 0 1 20 0 M${p.x + p.w - 55} 34 a7 7 0 0 1 10 0" stroke="${INK}" stroke-width="2.5" fill="none"/>`,
    rect(p.x + p.w - 34, 22, 22, 12, 'none', { r: 2, stroke: INK }),
    rect(p.x + p.w - 32, 24, 15, 8, INK),
    screen,
    rect(150, 572, 60, 6, '#8a8a95', { r: 3 }),
  ].join('');
}

/** A title bar at the top of the phone screen, with an optional back arrow. */
export function appBar(title: string, opts: { back?: boolean; fill?: string } = {}): string {
  const p = PHONE;
  return (
    rect(p.x, p.y, p.w, 52, opts.fill ?? '#123c69') +
    (opts.back
      ? `<path d="M${p.x + 26} ${p.y + 26} l10 -10 M${p.x + 26} ${p.y + 26} l10 10 M${p.x + 26} ${p.y + 26} h20" stroke="#fff" stroke-width="3" fill="none"/>`
      : '') +
    label(p.x + (opts.back ? 60 : 16), p.y + 33, title, 19, { fill: '#fff', bold: true })
  );
}

/** A row of a list (settings, networks, contacts), 64 px high. */
export function listRow(
  index: number,
  title: string,
  sub = '',
  opts: { top?: number; right?: string; icon?: string } = {},
): Drawn {
  const p = PHONE;
  const y = (opts.top ?? p.y + 60) + index * 64;
  const left = opts.icon ? p.x + 64 : p.x + 18;
  return {
    svg:
      (opts.icon ? `<g transform="translate(${p.x + 34} ${y + 32})">${opts.icon}</g>` : '') +
      label(left, y + (sub ? 28 : 38), title, 18) +
      (sub ? label(left, y + 50, sub, 14, { fill: MUTED }) : '') +
      (opts.right
        ? label(p.x + p.w - 16, y + 38, opts.right, 15, { fill: MUTED, anchor: 'end' })
        : '') +
      `<line x1="${p.x + 12}" x2="${p.x + p.w - 12}" y1="${y + 64}" y2="${y + 64}" stroke="${LINE}" stroke-width="1.5"/>`,
    box: [p.x + 4, y + 4, p.w - 8, 56],
  };
}

/** A round avatar with initials in it. */
export function avatar(cx: number, cy: number, r: number, colour: string, letter: string): string {
  return (
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}"/>` +
    label(cx, cy + r / 3, letter, r, { fill: '#fff', anchor: 'middle', bold: true })
  );
}

/** A French AZERTY keyboard at the bottom of the phone screen; returns the Enter key box. */
export function keyboard(enterLabel = 'Aller'): Drawn {
  const p = PHONE;
  const top = p.y + p.h - 200;
  const rows = ['azertyuiop', 'qsdfghjklm', 'wxcvbn'];
  const key = 29;
  let svg = rect(p.x, top, p.w, 200, '#dcdad2');
  rows.forEach((row, r) => {
    const offset = p.x + 6 + r * 12;
    [...row].forEach((ch, i) => {
      const x = offset + i * (key + 2.5);
      svg +=
        rect(x, top + 10 + r * 46, key, 40, '#ffffff', { r: 5 }) +
        label(x + key / 2, top + 36 + r * 46, ch, 16, { anchor: 'middle' });
    });
  });
  svg +=
    rect(p.x + 70, top + 150, 150, 40, '#ffffff', { r: 5 }) +
    label(p.x + 145, top + 176, 'espace', 13, { anchor: 'middle', fill: MUTED });
  const enter = button(p.x + 228, top + 150, 82, 40, enterLabel, '#0b4f8a', '#fff', 15);
  return { svg: svg + enter.svg, box: enter.box };
}

/** A text field with its content (or a placeholder in grey). */
export function field(x: number, y: number, w: number, value: string, placeholder = ''): Drawn {
  return {
    svg:
      rect(x, y, w, 44, '#ffffff', { r: 8, stroke: '#6b6b76' }) +
      (value
        ? label(x + 12, y + 29, value, 17)
        : label(x + 12, y + 29, placeholder, 16, { fill: MUTED })),
    box: [x, y, w, 44],
  };
}

/** A few grey lines standing for text. */
export function textLines(x: number, y: number, w: number, count: number, gap = 18): string {
  let svg = '';
  for (let i = 0; i < count; i += 1)
    svg += rect(x, y + i * gap, i === count - 1 ? w * 0.6 : w, 8, '#d6d3c7', { r: 4 });
  return svg;
}

/** A book cover: coloured block with a title. */
export function cover(
  x: number,
  y: number,
  w: number,
  h: number,
  colour: string,
  title: string,
): Drawn {
  return {
    svg:
      rect(x, y, w, h, colour, { r: 4 }) +
      label(x + w / 2, y + h / 2, title, 13, { fill: '#fff', anchor: 'middle', bold: true }),
    box: [x, y, w, h],
  };
}

/** A 800×500 kiosk screen (the box's touch terminal) with a dark frame. */
export const KIOSK = { x: 20, y: 20, w: 760, h: 460, width: 800, height: 500 };

export function kioskFrame(screen: string): string {
  return (
    rect(0, 0, 800, 500, '#2b2b33', { r: 18 }) +
    rect(KIOSK.x, KIOSK.y, KIOSK.w, KIOSK.h, '#fdfcf8', { r: 4 }) +
    screen
  );
}

/** Wraps drawn parts into a complete SVG document. */
export function svgDocument(width: number, height: number, body: string, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${esc(title)}</title>${body}</svg>\n`
  );
}
