/*
 * Pure Preact components (no Node, no zod) shared by the server-rendered views (portal,
 * print) and the kiosk bundle: the step picture with its markers drawn over it, the
 * legend that says each marker in words, and text with colour references as badges.
 */
import type { ComponentChildren } from 'preact';
import { paletteByNumber, paletteEntry, type ColourKey } from './palette.js';

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
  if (m.shape === 'circle')
    return {
      d: '',
      kind: 'ellipse',
      attrs: { cx: x + w / 2, cy: y + h / 2, rx: w / 2, ry: h / 2 },
    };
  if (m.shape === 'rectangle')
    return { d: '', kind: 'rect', attrs: { x, y, width: w, height: h, rx: Math.min(w, h) / 8 } };
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

/** The numbered badge at the marker's top-left corner, kept inside the picture. */
function Badge({ m, W, H, stroke }: { m: MarkerData; W: number; H: number; stroke: number }) {
  const entry = paletteEntry(m.colour);
  const r = stroke * 3.4;
  const cx = Math.min(W - r - 1, Math.max(r + 1, m.x * W));
  const cy = Math.min(H - r - 1, Math.max(r + 1, m.y * H));
  return (
    <g class="marker-badge">
      <circle cx={cx} cy={cy} r={r + stroke * 0.8} fill="#ffffff" />
      <circle cx={cx} cy={cy} r={r} fill={entry.hex} />
      <text
        x={cx}
        y={cy + r * 0.42}
        text-anchor="middle"
        font-size={r * 1.25}
        font-weight="bold"
        fill="#ffffff"
        font-family="DejaVu Sans, Arial, sans-serif"
      >
        {entry.number}
      </text>
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

/** A colour reference: the numbered badge in its colour, then the colour word. */
export function ColourRef({ colour, lang }: { colour: ColourKey; lang: ViewLang }) {
  const entry = paletteEntry(colour);
  return (
    <span class={`ref ref-${colour}`}>
      <span class="ref-badge" aria-hidden="true">
        {entry.number}
      </span>
      <span class="ref-word">
        <span class="visually-hidden">{lang === 'fr' ? 'repère ' : 'marker '}</span>
        {colourWord(colour, lang)}
      </span>
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
    if (at > last) parts.push(text.slice(last, at));
    parts.push(entry ? <ColourRef colour={entry.key} lang={lang} /> : match[0]);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** The text with references spelled out, for speech and accessible names. */
export function plainText(text: string, lang: ViewLang): string {
  return text.replace(/\{([1-9])\}/g, (_, n: string) => {
    const entry = paletteByNumber(Number(n));
    if (!entry) return '';
    return lang === 'fr'
      ? `(repère ${entry.number} ${entry.key})`
      : `(marker ${entry.number} ${entry.en})`;
  });
}

/** One line per marker: "1 rouge : touchez une fois". */
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
      `${paletteEntry(m.colour).number} ${colourWord(m.colour, lang)} : ${gestureWords(m.gesture, lang)}`,
  );
  return [alt.replace(/[.\s]+$/, ''), ...said].filter(Boolean).join('. ');
}
