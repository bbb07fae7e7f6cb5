/**
 * The visitor's reading settings and place in each book: in this browser's localStorage
 * only (never sent to the box). Pure helpers: no DOM besides the storage passed in.
 */

export type Theme = 'day' | 'night' | 'contrast';
export type Flow = 'paginated' | 'scrolled';

export interface Settings {
  /** Percent of the book's own size. */
  size: number;
  /** Line height, in tenths (15 = 1.5). */
  spacing: number;
  theme: Theme;
  flow: Flow;
}

export const DEFAULTS: Settings = { size: 100, spacing: 15, theme: 'day', flow: 'paginated' };

/** The kiosk's first text size, for seniors reading standing at a screen. */
export const KIOSK_SIZE = 150;

/** Steps for the − / + buttons (the kiosk uses larger ones). */
export const STEPS = {
  size: { phone: 10, kiosk: 25, min: 70, max: 300 },
  spacing: { phone: 1, kiosk: 2, min: 10, max: 25 },
} as const;

const SETTINGS_KEY = 'lanterne.lire.reglages';
const placeKey = (book: string) => `lanterne.lire.place:${book}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage off (private mode in some browsers): the reader still works, it forgets.
    return null;
  }
}

export function clampStep(name: keyof typeof STEPS, value: number): number {
  const { min, max } = STEPS[name];
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function loadSettings(): Settings {
  try {
    const raw = JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>;
    return {
      size: clampStep('size', Number(raw.size ?? DEFAULTS.size) || DEFAULTS.size),
      spacing: clampStep('spacing', Number(raw.spacing ?? DEFAULTS.spacing) || DEFAULTS.spacing),
      theme: raw.theme === 'night' || raw.theme === 'contrast' ? raw.theme : 'day',
      flow: raw.flow === 'scrolled' ? 'scrolled' : 'paginated',
    };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Whether the visitor chose settings on this device (else the surroundings may choose). */
export function hasSavedSettings(): boolean {
  try {
    return storage()?.getItem(SETTINGS_KEY) != null;
  } catch {
    return false;
  }
}

export function saveSettings(s: Settings): void {
  try {
    storage()?.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Full or refused storage: nothing to do, the setting holds for this visit.
  }
}

export function loadPlace(book: string): string | null {
  try {
    return storage()?.getItem(placeKey(book)) ?? null;
  } catch {
    return null;
  }
}

export function savePlace(book: string, cfi: string): void {
  try {
    storage()?.setItem(placeKey(book), cfi);
  } catch {
    // As above.
  }
}

const COLOURS: Record<Theme, { bg: string; fg: string; link: string }> = {
  day: { bg: '#fffdf8', fg: '#1a1a1a', link: '#0b4f9c' },
  night: { bg: '#15171a', fg: '#e6e1d8', link: '#8cc4ff' },
  contrast: { bg: '#000000', fg: '#ffffff', link: '#ffff00' },
};

export function colours(theme: Theme): { bg: string; fg: string; link: string } {
  return COLOURS[theme];
}

/**
 * The CSS the reader puts in each chapter: the visitor's size, spacing and colours over
 * the book's own; nothing in it can reach outside the chapter's frame.
 */
export function bookCss(s: Settings): string {
  const c = COLOURS[s.theme];
  const strong = s.theme === 'contrast';
  return `
html { color-scheme: ${s.theme === 'day' ? 'light' : 'dark'}; }
html, body { background: ${c.bg} !important; color: ${c.fg} !important; }
body { font-size: ${s.size}% !important; }
p, li, blockquote, dd, dt, td, th, div { line-height: ${s.spacing / 10} !important; }
${strong || s.theme === 'night' ? `body * { color: inherit !important; background-color: transparent !important; }` : ''}
a:any-link { color: ${c.link} !important; ${strong ? 'text-decoration: underline !important;' : ''} }
img, svg, video { max-width: 100%; height: auto; }
${s.theme !== 'day' ? 'img { filter: none; }' : ''}
`;
}
