import { escapeXml } from '../epub.js';
import {
  CREAM,
  GOLD,
  INK,
  LEAF,
  hedgehog,
  lantern,
  moonAndStars,
  phone,
  tree,
  wifi,
} from './motifs.js';

/** Our landscape pictures, 1600×1000. */
export const PICTURE_WIDTH = 1600;
export const PICTURE_HEIGHT = 1000;

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE_WIDTH}" height="${PICTURE_HEIGHT}" viewBox="0 0 1600 1000" font-family="DejaVu Sans, sans-serif">${body}</svg>`;
}

const ln = (colour = INK, width = 8) =>
  `stroke="${colour}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;

function star(x: number, y: number, s: number): string {
  return `<path transform="translate(${x} ${y}) scale(${s})" d="M0 -24 L7 -7 L24 0 L7 7 L0 24 L-7 7 L-24 0 L-7 -7 Z" fill="${GOLD}"/>`;
}

/** A night village: the house's window and the lantern on its post can be lit or not. */
export function nightScene(lit: boolean, caption?: string): string {
  const stars = [
    [120, 110, 0.8],
    [300, 220, 0.5],
    [480, 90, 0.7],
    [700, 180, 0.4],
    [880, 70, 0.9],
    [1050, 200, 0.5],
    [1480, 130, 0.6],
    [1500, 420, 0.4],
    [220, 380, 0.4],
  ]
    .map(([x, y, s]) => star(x ?? 0, y ?? 0, s ?? 1))
    .join('');
  const window = lit ? '#ffd966' : '#2b3a5c';
  const text = caption
    ? `<rect x="280" y="830" width="1040" height="110" rx="55" fill="${CREAM}" ${ln(INK, 6)}/><text x="800" y="902" font-size="50" font-weight="bold" fill="${INK}" text-anchor="middle">${escapeXml(caption)}</text>`
    : '';
  return svg(`<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0f1b3d"/><stop offset="1" stop-color="#2c4a7c"/></linearGradient></defs>
<rect width="1600" height="1000" fill="url(#sky)"/>
${stars}
<g transform="translate(1150 40) scale(0.9)"><path d="M240 90 a110 110 0 1 0 60 200 a90 90 0 1 1 -60 -200 Z" fill="#fff1a8" ${ln()}/></g>
<path d="M0 640 C250 560 450 600 700 650 C950 560 1250 560 1600 640 L1600 1000 L0 1000 Z" fill="#24563a"/>
<path d="M0 760 C300 700 600 720 900 780 C1150 720 1400 720 1600 760 L1600 1000 L0 1000 Z" fill="#2f6b47"/>
<path d="M760 1000 C800 900 860 830 980 780" fill="none" stroke="#c9b48a" stroke-width="46" stroke-linecap="round"/>
<g transform="translate(980 470)">
<rect x="0" y="120" width="300" height="210" fill="#e8d9b5" ${ln()}/>
<path d="M-30 130 L150 0 L330 130 Z" fill="#a8432f" ${ln()}/>
<rect x="40" y="170" width="80" height="70" fill="${window}" ${ln(INK, 6)}/>
<line x1="80" y1="170" x2="80" y2="240" ${ln(INK, 4)}/>
<rect x="180" y="210" width="70" height="120" fill="#6b4226" ${ln(INK, 6)}/>
</g>
<line x1="700" y1="840" x2="700" y2="520" ${ln(INK, 14)}/>
<line x1="700" y1="512" x2="776" y2="512" ${ln(INK, 10)}/>
<g transform="translate(692 500) scale(0.42)">${lantern(lit)}</g>
${text}`);
}

export function hedgehogGarden(): string {
  const flowers = [
    [180, 800, '#f7a8c4'],
    [300, 860, '#ffd966'],
    [1350, 820, '#f7a8c4'],
    [1470, 880, '#9fc5f8'],
    [560, 900, '#9fc5f8'],
  ]
    .map(
      ([x, y, c]) => `<line x1="${x}" y1="${y}" x2="${x}" y2="${Number(y) + 90}" ${ln(LEAF, 8)}/>
${[0, 72, 144, 216, 288].map((a) => `<ellipse cx="${x}" cy="${Number(y) - 22}" rx="14" ry="24" transform="rotate(${a} ${x} ${y})" fill="${c}" ${ln(INK, 4)}/>`).join('')}
<circle cx="${x}" cy="${y}" r="14" fill="${GOLD}" ${ln(INK, 4)}/>`,
    )
    .join('');
  return svg(`<rect width="1600" height="1000" fill="#cfe8f7"/>
<circle cx="1380" cy="170" r="90" fill="${GOLD}" ${ln()}/>
${[0, 45, 90, 135, 180, 225, 270, 315].map((a) => `<line x1="1380" y1="40" x2="1380" y2="0" transform="rotate(${a} 1380 170)" ${ln('#e0a800', 12)}/>`).join('')}
<path d="M0 620 C300 570 700 600 1000 640 C1250 600 1450 590 1600 620 L1600 1000 L0 1000 Z" fill="#8fcf7a"/>
<g transform="translate(80 230) scale(1.1)">${tree('summer', false)}</g>
<g transform="translate(620 420) scale(1.25)">${hedgehog()}</g>
${flowers}`);
}

function panel(x: number, n: number, title: string, body: string): string {
  return `<g transform="translate(${x} 0)">
<rect x="20" y="150" width="460" height="760" rx="30" fill="#ffffff" ${ln(INK, 6)}/>
<circle cx="250" cy="150" r="56" fill="${GOLD}" ${ln(INK, 6)}/>
<text x="250" y="172" font-size="64" font-weight="bold" fill="${INK}" text-anchor="middle">${n}</text>
${body}
${title
  .split('\n')
  .map(
    (l, i) =>
      `<text x="250" y="${800 + i * 50}" font-size="34" font-weight="bold" fill="${INK}" text-anchor="middle">${escapeXml(l)}</text>`,
  )
  .join('')}
</g>`;
}

/** The three steps to reach the box, as a poster. */
export function connectSteps(): string {
  const network = `<g transform="translate(110 250) scale(0.7)">${wifi()}</g>
<rect x="70" y="560" width="360" height="80" rx="14" fill="#fff4c2" ${ln(INK, 5)}/>
<g transform="translate(92 570) scale(0.15)">${wifi()}</g>
<text x="160" y="615" font-size="36" font-weight="bold" fill="${INK}">Lanterne</text>`;
  const address = `<rect x="60" y="300" width="380" height="300" rx="22" fill="#e6ecf5" ${ln(INK, 6)}/>
<rect x="80" y="330" width="340" height="70" rx="35" fill="#ffffff" ${ln(INK, 5)}/>
<text x="250" y="378" font-size="34" font-weight="bold" fill="${INK}" text-anchor="middle">lanterne.lan</text>
<rect x="100" y="430" width="130" height="140" rx="8" fill="${GOLD}" ${ln(INK, 5)}/>
<rect x="270" y="430" width="130" height="140" rx="8" fill="#bfe3d0" ${ln(INK, 5)}/>`;
  const download = `<g transform="translate(30 230) scale(1.1)">${phone()}</g>`;
  return svg(`<rect width="1600" height="1000" fill="${CREAM}"/>
<text x="800" y="80" font-size="56" font-weight="bold" fill="${INK}" text-anchor="middle">Se connecter à Lanterne</text>
${panel(20, 1, 'Choisir le Wi-Fi\n« Lanterne »', network)}
${panel(550, 2, 'Ouvrir le navigateur :\nlanterne.lan', address)}
${panel(1080, 3, 'Choisir une œuvre,\ntoucher Télécharger', download)}`);
}

export function fourSeasons(): string {
  const seasons: Array<['spring' | 'summer' | 'autumn' | 'winter', string, string]> = [
    ['spring', 'Printemps', '#e3f4dc'],
    ['summer', 'Été', '#fff1c9'],
    ['autumn', 'Automne', '#fbe0c8'],
    ['winter', 'Hiver', '#e3ecf7'],
  ];
  return svg(`<rect width="1600" height="1000" fill="${CREAM}"/>
${seasons
  .map(
    ([season, label, bg], i) => `<g transform="translate(${i * 400} 0)">
<rect x="15" y="60" width="370" height="880" rx="30" fill="${bg}" ${ln(INK, 6)}/>
<g transform="translate(20 250) scale(0.9)">${tree(season)}</g>
<text x="200" y="800" font-size="50" font-weight="bold" fill="${INK}" text-anchor="middle">${label}</text>
</g>`,
  )
  .join('')}`);
}

/** The night sky alone: the poems' book uses it as an illustration. */
export function nightSky(): string {
  return svg(
    `<rect width="1600" height="1000" fill="#1d2f57"/><g transform="translate(500 200) scale(1.5)">${moonAndStars()}</g>`,
  );
}
