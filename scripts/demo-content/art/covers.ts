import { escapeXml } from '../epub.js';
import { CREAM, INK, MOTIFS, lantern, type MotifName } from './motifs.js';

export interface CoverSpec {
  title: string;
  subtitle?: string;
  /** Background of the picture half. */
  background: string;
  /** The drawing in the upper half: one of our motifs, or a whole landscape picture. */
  motif: MotifName | { picture: string };
  /** A small word over the title: "Guide", "Conte", "Audio"… */
  kind: string;
}

export const COVER_WIDTH = 600;
export const COVER_HEIGHT = 800;

/** Breaks a title into lines that fit: DejaVu Sans Bold is about 0.62 em per letter. */
export function wrap(text: string, fontSize: number, width: number): string[] {
  const max = Math.floor(width / (fontSize * 0.62));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length > max && current) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** A motif, or a landscape picture (1600×1000) shown whole across the top. */
function drawing(motif: CoverSpec['motif']): string {
  if (typeof motif === 'string') {
    return `<g transform="translate(95 55) scale(1.025)">${MOTIFS[motif]()}</g>`;
  }
  const inner = motif.picture.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg x="0" y="70" width="600" height="375" viewBox="0 0 1600 1000">${inner}</svg>`;
}

/** A 600×800 cover: the drawing on a colour, then the title on cream, then our name. */
export function coverSvg(spec: CoverSpec): string {
  let size = 50;
  let lines = wrap(spec.title, size, 520);
  while ((lines.length > 3 || (lines.length > 2 && size > 42)) && size > 24) {
    size -= 4;
    lines = wrap(spec.title, size, 520);
  }
  const titleTop = 540;
  const title = lines
    .map(
      (l, i) =>
        `<text x="40" y="${titleTop + size + i * size * 1.15}" font-size="${size}" font-weight="bold" fill="${INK}">${escapeXml(l)}</text>`,
    )
    .join('');
  const afterTitle = titleTop + size + (lines.length - 1) * size * 1.15;
  const subtitle = spec.subtitle
    ? `<text x="40" y="${afterTitle + 40}" font-size="24" fill="#3b4a66">${escapeXml(spec.subtitle)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" font-family="DejaVu Sans, sans-serif">
<rect width="600" height="800" fill="${CREAM}"/>
<rect width="600" height="500" fill="${spec.background}"/>
${drawing(spec.motif)}
<rect x="40" y="478" width="${Math.max(120, spec.kind.length * 16 + 40)}" height="44" rx="22" fill="${INK}"/>
<text x="60" y="508" font-size="22" font-weight="bold" fill="#ffffff" letter-spacing="1">${escapeXml(spec.kind)}</text>
${title}
${subtitle}
<g transform="translate(40 738) scale(0.1)">${lantern(true)}</g>
<text x="88" y="772" font-size="22" fill="${INK}">Projet Lanterne</text>
</svg>`;
}
