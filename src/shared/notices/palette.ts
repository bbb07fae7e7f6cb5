/* Pure module (no Node, no zod): shared by the server views and the kiosk bundle. */

/**
 * The fixed marker palette. Every colour stays readable on any picture because it is
 * drawn over a white halo, and carries a number, a word and a stroke pattern so a
 * black-and-white print or a colour-blind reader loses nothing.
 */
export const PALETTE = [
  { key: 'rouge', number: 1, hex: '#c62828', dash: '', en: 'red', sign: 'disc' },
  { key: 'bleu', number: 2, hex: '#1565c0', dash: '14 7', en: 'blue', sign: 'square' },
  { key: 'vert', number: 3, hex: '#2e7d32', dash: '3 6', en: 'green', sign: 'triangle' },
  { key: 'orange', number: 4, hex: '#b34700', dash: '14 5 3 5', en: 'orange', sign: 'diamond' },
  { key: 'violet', number: 5, hex: '#6a1b9a', dash: '24 8', en: 'purple', sign: 'star' },
  { key: 'noir', number: 6, hex: '#1b1b1f', dash: '6 4 6 4 18 4', en: 'black', sign: 'cross' },
] as const;

/**
 * The badge of a marker is its colour's sign (a filled shape), never a digit: a digit
 * beside a picture reads as a step number. The number only names the colour in `{n}`.
 */
export type Sign = (typeof PALETTE)[number]['sign'];

/** The sign as an SVG path centred on (cx, cy), fitting a circle of radius r. */
export function signPath(sign: Sign, cx: number, cy: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  const pts = (list: Array<[number, number]>) =>
    `M${list.map(([x, y]) => `${f(cx + x * r)} ${f(cy + y * r)}`).join(' L')} Z`;
  if (sign === 'disc')
    return `M${f(cx - r)} ${f(cy)} a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0 a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0 Z`;
  if (sign === 'square')
    return pts([
      [-0.8, -0.8],
      [0.8, -0.8],
      [0.8, 0.8],
      [-0.8, 0.8],
    ]);
  if (sign === 'triangle')
    return pts([
      [0, -1],
      [0.95, 0.75],
      [-0.95, 0.75],
    ]);
  if (sign === 'diamond')
    return pts([
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
  if (sign === 'star') {
    const list: Array<[number, number]> = [];
    for (let i = 0; i < 10; i += 1) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const k = i % 2 === 0 ? 1 : 0.45;
      list.push([Math.cos(a) * k, Math.sin(a) * k]);
    }
    return pts(list);
  }
  const t = 0.32;
  return pts([
    [-t, -1],
    [t, -1],
    [t, -t],
    [1, -t],
    [1, t],
    [t, t],
    [t, 1],
    [-t, 1],
    [-t, t],
    [-1, t],
    [-1, -t],
    [-t, -t],
  ]);
}

export type ColourKey = (typeof PALETTE)[number]['key'];
export type PaletteEntry = (typeof PALETTE)[number];
export const COLOUR_KEYS = PALETTE.map((p) => p.key) as [ColourKey, ...ColourKey[]];

export function paletteEntry(key: ColourKey): PaletteEntry {
  return PALETTE.find((p) => p.key === key) ?? PALETTE[0];
}

export function paletteByNumber(n: number): PaletteEntry | undefined {
  return PALETTE.find((p) => p.number === n);
}

const WORD_FORMS: Record<ColourKey, { fr: string; en: string }> = {
  rouge: { fr: 'rouges?', en: 'red' },
  bleu: { fr: 'bleu(?:e|s|es)?', en: 'blue' },
  vert: { fr: 'vert(?:e|s|es)?', en: 'green' },
  orange: { fr: 'oranges?', en: 'orange' },
  violet: { fr: 'violet(?:te|s|tes)?', en: 'purple' },
  noir: { fr: 'noir(?:e|s|es)?', en: 'black' },
};

/**
 * Whether the text just before a `{n}` reference already says its colour
 * ("…, entouré en rouge {1}"): then the reference is drawn as the sign alone.
 */
export function saysColourBefore(before: string, key: ColourKey, lang: 'fr' | 'en'): boolean {
  const form = WORD_FORMS[key][lang];
  return new RegExp(`(^|[^\\p{L}])${form}\\s*$`, 'iu').test(before);
}
