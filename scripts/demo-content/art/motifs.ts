/**
 * Our drawings, as SVG fragments in a 400×400 box. Flat shapes, thick dark outlines and
 * warm colours: they must read at 96 px wide on a phone and on a black-and-white print.
 */
export const INK = '#1d2f57';
export const GOLD = '#f6c445';
export const CREAM = '#fdf6e3';
export const LEAF = '#2f7d4f';

/** Outline attributes; one place so no element ever gets two `stroke` attributes. */
function ln(colour = INK, width = 8): string {
  return `stroke="${colour}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;
}

export function lantern(lit = true): string {
  // The same gradient id in several lanterns of one picture is harmless: same definition.
  const glow = lit
    ? `<defs><radialGradient id="lantern-glow"><stop offset="0" stop-color="#ffe27a" stop-opacity="0.95"/><stop offset="0.55" stop-color="${GOLD}" stop-opacity="0.45"/><stop offset="1" stop-color="${GOLD}" stop-opacity="0"/></radialGradient></defs><circle cx="200" cy="215" r="185" fill="url(#lantern-glow)"/>`
    : '';
  const flame = lit
    ? `<path d="M200 170 C225 205 230 235 200 262 C170 235 175 205 200 170 Z" fill="#ff9d2e" ${ln()}/><path d="M200 205 C211 222 211 240 200 250 C189 240 189 222 200 205 Z" fill="#fff1a8"/>`
    : `<rect x="194" y="225" width="12" height="35" rx="4" fill="${CREAM}" ${ln()}/>`;
  return `${glow}
<path d="M200 28 a26 26 0 1 1 -0.1 0" fill="none" ${ln()}/>
<path d="M150 100 L250 100 L272 135 L128 135 Z" fill="#c0392b" ${ln()}/>
<rect x="140" y="135" width="120" height="160" rx="10" fill="${lit ? '#fff4c2' : '#cfd8e6'}" ${ln()}/>
${flame}
<line x1="140" y1="175" x2="260" y2="175" ${ln(INK, 5)} opacity="0.5"/>
<path d="M128 295 L272 295 L252 330 L148 330 Z" fill="#c0392b" ${ln()}/>`;
}

export function phone(): string {
  return `<rect x="115" y="40" width="170" height="320" rx="26" fill="#33415c" ${ln()}/>
<rect x="132" y="78" width="136" height="238" rx="6" fill="#ffffff"/>
<circle cx="200" cy="338" r="10" fill="${CREAM}"/>
<rect x="160" y="98" width="80" height="104" rx="4" fill="${GOLD}" ${ln(INK, 5)}/>
<line x1="176" y1="126" x2="224" y2="126" ${ln(INK, 5)}/>
<line x1="176" y1="146" x2="214" y2="146" ${ln(INK, 5)}/>
<path d="M200 218 L200 270 M178 250 L200 272 L222 250" fill="none" ${ln(LEAF, 10)}/>
<line x1="160" y1="292" x2="240" y2="292" ${ln(LEAF, 10)}/>`;
}

export function openBook(): string {
  return `<path d="M40 110 C100 90 160 95 200 125 C240 95 300 90 360 110 L360 310 C300 292 240 296 200 325 C160 296 100 292 40 310 Z" fill="#ffffff" ${ln()}/>
<line x1="200" y1="125" x2="200" y2="325" ${ln()}/>
${[150, 180, 210, 240, 270].map((y) => `<path d="M70 ${y} C110 ${y - 10} 150 ${y - 8} 180 ${y + 5}" fill="none" ${ln(INK, 5)} opacity="0.55"/><path d="M220 ${y + 5} C250 ${y - 8} 290 ${y - 10} 330 ${y}" fill="none" ${ln(INK, 5)} opacity="0.55"/>`).join('')}
<path d="M290 60 L300 85 L326 88 L306 104 L312 130 L290 116 L268 130 L274 104 L254 88 L280 85 Z" fill="${GOLD}" ${ln(INK, 5)}/>`;
}

export function padlock(): string {
  return `<path d="M135 170 L135 120 C135 60 265 60 265 120 L265 135" fill="none" ${ln(INK, 22)}/>
<path d="M135 170 L135 120 C135 60 265 60 265 120 L265 135" fill="none" stroke="#9fb3d1" stroke-width="10" stroke-linecap="round"/>
<rect x="95" y="170" width="210" height="170" rx="24" fill="${GOLD}" ${ln()}/>
<path d="M200 215 a22 22 0 1 1 -0.1 0 Z" fill="${INK}"/>
<path d="M192 250 L208 250 L214 300 L186 300 Z" fill="${INK}"/>
<path d="M300 60 C340 70 360 100 355 140" fill="none" ${ln(LEAF, 10)}/>
<path d="M355 140 L340 118 M355 140 L372 122" fill="none" ${ln(LEAF, 10)}/>
<path d="M100 360 C60 350 40 320 45 280" fill="none" ${ln(LEAF, 10)}/>
<path d="M45 280 L30 302 M45 280 L62 298" fill="none" ${ln(LEAF, 10)}/>`;
}

export function hedgehog(): string {
  const spikes: string[] = [];
  for (let i = 0; i <= 14; i += 1) {
    const a = Math.PI * (1.05 + (i / 14) * 0.95);
    const r1 = 118;
    const r2 = 158;
    const x1 = 200 + r1 * Math.cos(a - 0.1);
    const y1 = 250 + r1 * 0.8 * Math.sin(a - 0.1);
    const x2 = 200 + r2 * Math.cos(a);
    const y2 = 250 + r2 * 0.8 * Math.sin(a);
    const x3 = 200 + r1 * Math.cos(a + 0.1);
    const y3 = 250 + r1 * 0.8 * Math.sin(a + 0.1);
    spikes.push(
      `${x1.toFixed(1)},${y1.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)} ${x3.toFixed(1)},${y3.toFixed(1)}`,
    );
  }
  return `<polygon points="${spikes.join(' ')}" fill="#7a5230" ${ln(INK, 6)}/>
<ellipse cx="200" cy="255" rx="125" ry="85" fill="#8b5e3c" ${ln()}/>
<path d="M300 225 C340 235 362 258 370 272 C350 290 320 292 290 288 Z" fill="#e9c9a1" ${ln()}/>
<circle cx="372" cy="272" r="11" fill="${INK}"/>
<circle cx="322" cy="252" r="8" fill="${INK}"/>
<circle cx="325" cy="249" r="2.5" fill="#ffffff"/>
<path d="M130 330 L125 352 M170 338 L168 358 M240 338 L242 358 M280 328 L286 350" ${ln()}/>
<ellipse cx="200" cy="362" rx="150" ry="10" fill="${INK}" opacity="0.15"/>`;
}

export function tree(season: 'spring' | 'summer' | 'autumn' | 'winter', ground = true): string {
  const crown = { spring: '#8fd18b', summer: LEAF, autumn: '#e07b2e', winter: 'none' }[season];
  const extra = {
    spring: [
      [150, 140],
      [240, 120],
      [205, 190],
      [265, 200],
      [135, 215],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="11" fill="#f7a8c4" ${ln(INK, 4)}/>`)
      .join(''),
    summer: [
      [160, 150],
      [250, 170],
      [205, 215],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="13" fill="#d63a3a" ${ln(INK, 4)}/>`)
      .join(''),
    autumn: [
      [90, 330],
      [300, 345],
      [330, 300],
    ]
      .map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="14" ry="7" fill="#c8581c" ${ln(INK, 4)}/>`)
      .join(''),
    winter: [
      [80, 80],
      [150, 40],
      [260, 60],
      [330, 110],
      [110, 180],
      [300, 210],
      [200, 100],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="8" fill="#ffffff" ${ln(INK, 3)}/>`)
      .join(''),
  }[season];
  const branches = `<path d="M200 360 L200 230 M200 270 L150 210 M200 250 L255 190 M200 230 L200 150 M150 210 L120 180 M255 190 L290 170" fill="none" ${ln('#6b4226', 16)}/>`;
  const leaves =
    crown === 'none'
      ? ''
      : `<path d="M200 60 C270 55 330 100 325 160 C350 200 320 260 260 255 C230 280 170 280 140 255 C80 260 50 200 75 160 C70 100 130 55 200 60 Z" fill="${crown}" ${ln()}/>`;
  const snow =
    season === 'winter'
      ? `<rect x="20" y="355" width="360" height="30" rx="15" fill="#ffffff" ${ln(INK, 5)}/>`
      : `<rect x="20" y="355" width="360" height="22" rx="11" fill="#7cae5a" ${ln(INK, 5)}/>`;
  return `${branches}${leaves}${extra}${ground ? snow : ''}`;
}

export function wifi(): string {
  return `<path d="M60 170 C140 90 260 90 340 170" fill="none" ${ln(INK, 22)}/>
<path d="M110 220 C165 170 235 170 290 220" fill="none" ${ln(INK, 22)}/>
<path d="M160 270 C185 250 215 250 240 270" fill="none" ${ln(INK, 22)}/>
<circle cx="200" cy="318" r="22" fill="${INK}"/>`;
}

export function headphones(): string {
  return `<path d="M90 240 L90 190 C90 110 140 60 200 60 C260 60 310 110 310 190 L310 240" fill="none" ${ln(INK, 20)}/>
<rect x="62" y="220" width="70" height="120" rx="22" fill="#c0392b" ${ln()}/>
<rect x="268" y="220" width="70" height="120" rx="22" fill="#c0392b" ${ln()}/>
<path d="M170 200 L170 300 M200 170 L200 330 M230 210 L230 290" ${ln(LEAF, 14)}/>`;
}

export function checklist(): string {
  const rows = [120, 190, 260]
    .map(
      (
        y,
        i,
      ) => `<rect x="110" y="${y - 22}" width="40" height="40" rx="6" fill="#ffffff" ${ln(INK, 6)}/>
${i < 2 ? `<path d="M118 ${y} L128 ${y + 10} L146 ${y - 14}" fill="none" ${ln(LEAF, 8)}/>` : ''}
<line x1="170" y1="${y}" x2="${i === 1 ? 270 : 295}" y2="${y}" ${ln(INK, 8)} opacity="0.6"/>`,
    )
    .join('');
  return `<path d="M80 40 L280 40 L330 90 L330 360 L80 360 Z" fill="#ffffff" ${ln()}/>
<path d="M280 40 L280 90 L330 90" fill="#e6ecf5" ${ln()}/>
${rows}
<path d="M150 320 L290 320" ${ln(GOLD, 14)}/>`;
}

export function film(): string {
  const holes = [80, 130, 180, 230, 280]
    .map(
      (y) =>
        `<rect x="62" y="${y}" width="22" height="24" rx="4" fill="${CREAM}"/><rect x="316" y="${y}" width="22" height="24" rx="4" fill="${CREAM}"/>`,
    )
    .join('');
  return `<rect x="50" y="60" width="300" height="270" rx="14" fill="#33415c" ${ln()}/>
${holes}
<rect x="100" y="90" width="200" height="210" rx="8" fill="#fff4c2" ${ln(INK, 6)}/>
<path d="M170 145 L250 195 L170 245 Z" fill="#c0392b" ${ln(INK, 6)}/>`;
}

export function moonAndStars(): string {
  const stars = [
    [70, 80, 1],
    [330, 60, 0.8],
    [300, 170, 0.6],
    [90, 230, 0.7],
  ]
    .map(
      ([x, y, s]) =>
        `<path transform="translate(${x} ${y}) scale(${s})" d="M0 -24 L7 -7 L24 0 L7 7 L0 24 L-7 7 L-24 0 L-7 -7 Z" fill="${GOLD}"/>`,
    )
    .join('');
  return `${stars}<path d="M240 90 a110 110 0 1 0 60 200 a90 90 0 1 1 -60 -200 Z" fill="#fff1a8" ${ln()}/>`;
}

export const MOTIFS = {
  lantern: () => lantern(true),
  phone,
  openBook,
  padlock,
  hedgehog,
  spring: () => tree('spring'),
  autumn: () => tree('autumn'),
  wifi,
  headphones,
  checklist,
  film,
  moonAndStars,
} as const;

export type MotifName = keyof typeof MOTIFS;
