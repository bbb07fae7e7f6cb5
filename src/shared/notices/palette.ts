/* Pure module (no Node, no zod): shared by the server views and the kiosk bundle. */

/**
 * The fixed marker palette. Every colour stays readable on any picture because it is
 * drawn over a white halo, and carries a number, a word and a stroke pattern so a
 * black-and-white print or a colour-blind reader loses nothing.
 */
export const PALETTE = [
  { key: 'rouge', number: 1, hex: '#c62828', dash: '', en: 'red' },
  { key: 'bleu', number: 2, hex: '#1565c0', dash: '14 7', en: 'blue' },
  { key: 'vert', number: 3, hex: '#2e7d32', dash: '3 6', en: 'green' },
  { key: 'orange', number: 4, hex: '#b34700', dash: '14 5 3 5', en: 'orange' },
  { key: 'violet', number: 5, hex: '#6a1b9a', dash: '24 8', en: 'purple' },
  { key: 'noir', number: 6, hex: '#1b1b1f', dash: '6 4 6 4 18 4', en: 'black' },
] as const;

export type ColourKey = (typeof PALETTE)[number]['key'];
export type PaletteEntry = (typeof PALETTE)[number];
export const COLOUR_KEYS = PALETTE.map((p) => p.key) as [ColourKey, ...ColourKey[]];

export function paletteEntry(key: ColourKey): PaletteEntry {
  return PALETTE.find((p) => p.key === key) ?? PALETTE[0];
}

export function paletteByNumber(n: number): PaletteEntry | undefined {
  return PALETTE.find((p) => p.number === n);
}
