/*
 * Pure Preact components (no Node, no zod) shared by the server-rendered views (portal,
 * print) and the kiosk bundle: the step picture with its markers drawn over it, the
 * legend that says each marker in words, and text with colour references as badges.
 */
import type { ComponentChildren } from 'preact';
import {
  paletteByNumber,
  paletteEntry,
  saysColourBefore,
  signPath,
  type ColourKey,
} from './palette.js';

export type Gesture =
  | 'tap'
  | 'double-tap'
  | 'long-press'
  | 'swipe-left'
  | 'swipe-right'
  | 'swipe-up'
  | 'swipe-down'
  | 'type-text'
  | 'look';

/** The marker as the views need it (the same fields as the format's marker). */
export interface MarkerData {
  shape: 'circle' | 'rectangle' | 'arrow';
  gesture: Gesture;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: ColourKey;
  direction?: 'left' | 'right' | 'up' | 'down' | undefined;
}

export type ViewLang = 'fr' | 'en';

const GESTURE_WORDS: Record<ViewLang, Record<Gesture, string>> = {
  fr: {
    tap: 'touchez une fois',
    'double-tap': 'touchez deux fois vite',
    'long-press': 'gardez le doigt appuyé',
    'swipe-left': 'glissez le doigt vers la gauche',
    'swipe-right': 'glissez le doigt vers la droite',
    'swipe-up': 'glissez le doigt vers le haut',
    'swipe-down': 'glissez le doigt vers le bas',
    'type-text': 'écrivez ici',
    look: 'regardez ici',
  },
  en: {
    tap: 'tap once',
    'double-tap': 'tap twice, quickly',
    'long-press': 'press and hold',
    'swipe-left': 'swipe left',
    'swipe-right': 'swipe right',
    'swipe-up': 'swipe up',
    'swipe-down': 'swipe down',
    'type-text': 'type here',
    look: 'look here',
  },
};

export function gestureWords(gesture: Gesture, lang: ViewLang): string {
  return GESTURE_WORDS[lang][gesture];
}

export function colourWord(key: ColourKey, lang: ViewLang): string {
  const entry = paletteEntry(key);
  return lang === 'fr' ? entry.key : entry.en;
}

function arrowDirection(m: MarkerData): 'left' | 'right' | 'up' | 'down' {
  if (m.direction) return m.direction;
  if (m.gesture === 'swipe-left') return 'left';
  if (m.gesture === 'swipe-right') return 'right';
  if (m.gesture === 'swipe-up') return 'up';
  return 'down';
}

/**
 * How far outside its box a ring is drawn: the box is what the marker points at (a
 * button, a word), so the ring and its white halo go around it, never over it.
 */
export function ringPad(stroke: number): number {
  return stroke * 1.7;
}

/** The ring's own box in picture pixels (arrows run across their box, unpadded). */
export function ringBox(
  m: MarkerData,
  W: number,
  H: number,
  stroke: number,
): { x: number; y: number; w: number; h: number } {
  const x = m.x * W;
  const y = m.y * H;
  const w = m.w * W;
  const h = m.h * H;
  if (m.shape === 'arrow') return { x, y, w, h };
  const pad = ringPad(stroke);
  // An ellipse a quarter wider than the box (the middle of each side, where a label
  // sits, stays inside; √2 would reach the corners but covers the neighbours), then the pad.
  const k = m.shape === 'circle' ? 1.25 : 1;
  const rx = (w / 2) * k + pad;
  const ry = (h / 2) * k + pad;
  return { x: x + w / 2 - rx, y: y + h / 2 - ry, w: 2 * rx, h: 2 * ry };
}

/** The shape of one marker in picture pixels; the halo and the stroke share it. */
function shapeOf(
  m: MarkerData,
  W: number,
  H: number,
  stroke: number,
): { d: string; kind: 'ellipse' | 'rect' | 'arrow'; attrs: Record<string, number | string> } {
  const x = m.x * W;
  const y = m.y * H;
  const w = m.w * W;
  const h = m.h * H;
  const ring = ringBox(m, W, H, stroke);
  if (m.shape === 'circle')
    return {
      d: '',
      kind: 'ellipse',
      attrs: {
        cx: ring.x + ring.w / 2,
        cy: ring.y + ring.h / 2,
        rx: ring.w / 2,
        ry: ring.h / 2,
      },
    };
  if (m.shape === 'rectangle')
    return {
      d: '',
      kind: 'rect',
      attrs: {
        x: ring.x,
        y: ring.y,
        width: ring.w,
        height: ring.h,
        rx: Math.min(ring.w, ring.h) / 8,
      },
    };
  const dir = arrowDirection(m);
  const head = Math.max(stroke * 3, Math.min(w, h) * 0.35);
  const cx = x + w / 2;
  const cy = y + h / 2;
  let d: string;
  if (dir === 'down')
    d = `M${cx} ${y} V${y + h} M${cx - head} ${y + h - head} L${cx} ${y + h} L${cx + head} ${y + h - head}`;
  else if (dir === 'up')
    d = `M${cx} ${y + h} V${y} M${cx - head} ${y + head} L${cx} ${y} L${cx + head} ${y + head}`;
  else if (dir === 'left')
    d = `M${x + w} ${cy} H${x} M${x + head} ${cy - head} L${x} ${cy} L${x + head} ${cy + head}`;
  else
    d = `M${x} ${cy} H${x + w} M${x + w - head} ${cy - head} L${x + w} ${cy} L${x + w - head} ${cy + head}`;
  return { d, kind: 'arrow', attrs: {} };
}

function Shape({
  m,
  W,
  H,
  stroke,
  halo,
}: {
  m: MarkerData;
  W: number;
  H: number;
  stroke: number;
  halo: boolean;
}) {
  const entry = paletteEntry(m.colour);
  const s = shapeOf(m, W, H, stroke);
  const scaled = entry.dash
    .split(' ')
    .filter(Boolean)
    .map((n) => Number(n) * (stroke / 4))
    .join(' ');
  const common = {
    fill: 'none',
    stroke: halo ? '#ffffff' : entry.hex,
    'stroke-width': halo ? stroke * 2.4 : stroke,
    'stroke-linecap': 'round' as const,
    'stroke-linejoin': 'round' as const,
    'stroke-dasharray': halo || !scaled ? undefined : scaled,
    class: halo ? 'marker-halo' : 'marker-shape',
  };
  if (s.kind === 'ellipse') return <ellipse {...common} {...s.attrs} />;
  if (s.kind === 'rect') return <rect {...common} {...s.attrs} />;
  return <path {...common} d={s.d} />;
}

/** Extra signs drawn inside a marker so the gesture shows without colour or words. */
function GestureSign({ m, W, H, stroke }: { m: MarkerData; W: number; H: number; stroke: number }) {
  const entry = paletteEntry(m.colour);
  const cx = (m.x + m.w / 2) * W;
  const cy = (m.y + m.h / 2) * H;
  const r = Math.max(stroke * 1.6, Math.min(m.w * W, m.h * H) * 0.12);
  if (m.gesture === 'double-tap') {
    return (
      <g class="marker-sign">
        <circle cx={cx} cy={cy} r={r * 1.8} fill="none" stroke="#fff" stroke-width={stroke * 1.6} />
        <circle
          cx={cx}
          cy={cy}
          r={r * 1.8}
          fill="none"
          stroke={entry.hex}
          stroke-width={stroke * 0.7}
        />
        <circle
          cx={cx}
          cy={cy}
          r={r * 0.8}
          fill={entry.hex}
          stroke="#fff"
          stroke-width={stroke * 0.5}
        />
      </g>
    );
  }
  if (m.gesture === 'long-press') {
    return (
      <circle
        class="marker-sign"
        cx={cx}
        cy={cy}
        r={r}
        fill={entry.hex}
        stroke="#fff"
        stroke-width={stroke * 0.6}
      />
    );
  }
  return null;
}

/**
 * Where the badge goes: outside the ring, off one of its corners (else beside it), the
 * first place fully inside the picture, so it never covers what the marker points at.
 */
export function badgePlace(
  m: MarkerData,
  W: number,
  H: number,
  stroke: number,
): { cx: number; cy: number; r: number } {
  const r = stroke * 3.4;
  const ring = ringBox(m, W, H, stroke);
  const gap = stroke * 1.2 + r;
  const midX = ring.x + ring.w / 2;
  const midY = ring.y + ring.h / 2;
  // Diagonally off a corner first: in a grid of buttons that is the gap between them,
  // where a neighbour's label is least likely; then beside, below, above. An ellipse's
  // "corner" is its point at 45°, so the badge stays close to the ring.
  const ellipse = m.shape === 'circle';
  const hx = ellipse
    ? (ring.w / 2) * Math.SQRT1_2 + (r + stroke) * Math.SQRT1_2
    : ring.w / 2 + r * 0.35;
  const hy = ellipse
    ? (ring.h / 2) * Math.SQRT1_2 + (r + stroke) * Math.SQRT1_2
    : ring.h / 2 + r * 0.35;
  const right = ring.x + ring.w;
  const bottom = ring.y + ring.h;
  const candidates: Array<[number, number]> = [
    [midX + hx, midY - hy],
    [midX - hx, midY - hy],
    [midX + hx, midY + hy],
    [midX - hx, midY + hy],
    [right + gap, midY],
    [ring.x - gap, midY],
    [midX, bottom + gap],
    [midX, ring.y - gap],
  ];
  const inside = ([cx, cy]: [number, number]) =>
    cx - r >= 1 && cx + r <= W - 1 && cy - r >= 1 && cy + r <= H - 1;
  const clampIn = ([cx, cy]: [number, number]): [number, number] => [
    Math.min(W - r - 1, Math.max(r + 1, cx)),
    Math.min(H - r - 1, Math.max(r + 1, cy)),
  ];
  const [cx, cy] = candidates.find(inside) ?? clampIn(candidates[0] ?? [midX, midY]);
  return { cx, cy, r };
}

/** The colour's sign (disc, square, triangle…) beside the marker: never a digit. */
function Badge({ m, W, H, stroke }: { m: MarkerData; W: number; H: number; stroke: number }) {
  const entry = paletteEntry(m.colour);
  const { cx, cy, r } = badgePlace(m, W, H, stroke);
  return (
    <g class="marker-badge" data-sign={entry.sign}>
      <circle cx={cx} cy={cy} r={r} fill="#ffffff" stroke={entry.hex} stroke-width={stroke * 0.5} />
      <path d={signPath(entry.sign, cx, cy, r * 0.62)} fill={entry.hex} />
    </g>
  );
}

export interface PictureProps {
  src: string;
  width: number;
  height: number;
  markers: MarkerData[];
  /** Accessible name: the picture's description and, in words, what each marker asks. */
  label: string;
  /** Kiosk: markers gently pulse (CSS, off under prefers-reduced-motion). */
  pulse?: boolean;
  class?: string;
}

/**
 * The picture as an SVG image with the markers drawn over it in the same coordinate
 * system: they land exactly where the data says at any display size.
 */
export function NoticePicture({
  src,
  width: W,
  height: H,
  markers,
  label,
  pulse,
  class: cls,
}: PictureProps) {
  const stroke = Math.max(3, Math.round(Math.max(W, H) / 110));
  return (
    <svg
      class={`notice-picture${pulse ? ' pulse' : ''}${cls ? ` ${cls}` : ''}`}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <image href={src} x="0" y="0" width={W} height={H} class="notice-image" />
      {markers.map((m, i) => (
        <g
          key={i}
          class={`marker marker-${m.colour}`}
          data-colour={m.colour}
          data-number={paletteEntry(m.colour).number}
          data-x={m.x}
          data-y={m.y}
          data-w={m.w}
          data-h={m.h}
          data-shape={m.shape}
        >
          <Shape m={m} W={W} H={H} stroke={stroke} halo />
          <Shape m={m} W={W} H={H} stroke={stroke} halo={false} />
          <GestureSign m={m} W={W} H={H} stroke={stroke} />
          <Badge m={m} W={W} H={H} stroke={stroke} />
        </g>
      ))}
    </svg>
  );
}

/** The colour's sign as a small inline picture (the same sign as the marker's badge). */
export function SignIcon({ colour }: { colour: ColourKey }) {
  const entry = paletteEntry(colour);
  return (
    <svg class="ref-sign" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <circle cx="10" cy="10" r="9" fill="#ffffff" stroke={entry.hex} stroke-width="1.6" />
      <path d={signPath(entry.sign, 10, 10, 5.8)} fill={entry.hex} />
    </svg>
  );
}

/**
 * A colour reference: the colour word, then the colour's sign ("rouge ●"). When the
 * text already says the colour ("entouré en rouge {1}"), the sign alone.
 */
export function ColourRef({
  colour,
  lang,
  word = true,
}: {
  colour: ColourKey;
  lang: ViewLang;
  word?: boolean;
}) {
  return (
    <span class={`ref ref-${colour}`}>
      {word && <span class="ref-word">{colourWord(colour, lang)} </span>}
      <SignIcon colour={colour} />
    </span>
  );
}

/** Renders text where `{n}` stands for the marker of colour number n. */
export function RichText({ text, lang }: { text: string; lang: ViewLang }): ComponentChildren {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{([1-9])\}/g)) {
    const entry = paletteByNumber(Number(match[1]));
    const at = match.index ?? 0;
    const before = text.slice(last, at);
    if (at > last) parts.push(before);
    parts.push(
      entry ? (
        <ColourRef
          colour={entry.key}
          lang={lang}
          word={!saysColourBefore(text.slice(0, at), entry.key, lang)}
        />
      ) : (
        match[0]
      ),
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** The text with references spelled out, for speech and accessible names. */
export function plainText(text: string, lang: ViewLang): string {
  return text
    .replace(/\s*\{([1-9])\}/g, (whole, n: string, at: number) => {
      const entry = paletteByNumber(Number(n));
      if (!entry || saysColourBefore(text.slice(0, at), entry.key, lang)) return '';
      return lang === 'fr' ? ` (en ${entry.key})` : ` (in ${entry.en})`;
    })
    .replace(/\s+([.,;:!?])/g, '$1');
}

/** One line per marker: "rouge ● : touchez une fois". */
export function MarkerLegend({ markers, lang }: { markers: MarkerData[]; lang: ViewLang }) {
  if (markers.length === 0) return null;
  return (
    <ul class="marker-legend">
      {markers.map((m, i) => (
        <li key={i}>
          <ColourRef colour={m.colour} lang={lang} /> : {gestureWords(m.gesture, lang)}
        </li>
      ))}
    </ul>
  );
}

export function pictureLabel(alt: string, markers: MarkerData[], lang: ViewLang): string {
  const said = markers.map(
    (m) =>
      `${lang === 'fr' ? 'repère' : 'marker'} ${colourWord(m.colour, lang)} : ${gestureWords(m.gesture, lang)}`,
  );
  return [alt.replace(/[.\s]+$/, ''), ...said].filter(Boolean).join('. ');
}
