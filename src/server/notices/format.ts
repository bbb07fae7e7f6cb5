import { z } from 'zod';
import { isKnownLicence } from '../catalogue/licences.js';
import { COLOUR_KEYS, PALETTE, paletteEntry } from './shared/palette.js';

/**
 * The e-notice format (`lanterne-notice/1`), documented in docs/notices.md and
 * published as docs/notice.schema.json. A notice is one JSON document; its pictures
 * and recordings sit beside it and are named by relative path and SHA-256.
 */
export const NOTICE_FORMAT = 'lanterne-notice/1';

export {
  PALETTE,
  paletteByNumber,
  paletteEntry,
  type ColourKey,
  type PaletteEntry,
} from './shared/palette.js';

export const LEVELS = ['débutant', 'intermédiaire', 'confirmé'] as const;
export const DEVICES = ['android', 'iphone', 'ordinateur', 'tablette', 'borne', 'autre'] as const;
export const SHAPES = ['circle', 'rectangle', 'arrow'] as const;
export const GESTURES = [
  'tap',
  'double-tap',
  'long-press',
  'swipe-left',
  'swipe-right',
  'swipe-up',
  'swipe-down',
  'type-text',
  /** Nothing to do with the finger: just look here (or, for warnings, do not touch). */
  'look',
] as const;
export type Gesture = (typeof GESTURES)[number];
export type Shape = (typeof SHAPES)[number];

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'identifiant : lettres minuscules, chiffres et tirets (64 au plus)',
  );
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 en hexadécimal (64 caractères)');
const relPath = z
  .string()
  .min(1)
  .max(300)
  .regex(
    /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+$/,
    'chemin relatif simple (lettres, chiffres, . _ - /), sans ..',
  );
const text = (max: number) =>
  z.string().trim().min(1, 'texte vide').max(max, `texte trop long (${max} caractères au plus)`);
const fraction = z.number().min(0, 'entre 0 et 1').max(1, 'entre 0 et 1');

/** `{2}` in a text stands for the marker of colour number 2 of the same step. */
export const COLOUR_REF = /\{([1-9])\}/g;

export const pictureSchema = z.object({
  path: relPath.refine(
    (p) => /\.(png|jpe?g|webp|gif|avif|svg)$/i.test(p),
    'image attendue (.png, .jpg, .webp, .gif, .avif ou .svg)',
  ),
  sha256,
  width: z.number().int().min(16).max(10_000),
  height: z.number().int().min(16).max(10_000),
  /** What the picture shows, for people who cannot see it (the markers are described apart). */
  alt: z.string().trim().max(300).default(''),
});

export const markerSchema = z
  .object({
    shape: z.enum(SHAPES),
    gesture: z.enum(GESTURES),
    /** Left, top, width and height as fractions of the picture: any resolution works. */
    x: fraction,
    y: fraction,
    w: fraction.refine((v) => v > 0, 'largeur nulle'),
    h: fraction.refine((v) => v > 0, 'hauteur nulle'),
    colour: z
      .enum(COLOUR_KEYS)
      .describe(
        'The marker colour. Its badge is the colour sign (rouge disc, bleu square, vert triangle, orange diamond, violet star, noir cross), drawn beside the ring, never a digit; `{n}` in the texts refers to it by the colour number (rouge 1 … noir 6), written after the colour word.',
      ),
    /** Arrows only: which way the arrow points (swipes default to their direction). */
    direction: z.enum(['left', 'right', 'up', 'down']).optional(),
  })
  .refine((m) => m.x + m.w <= 1.0001 && m.y + m.h <= 1.0001, {
    message: 'le repère dépasse de l’image (x + w et y + h doivent rester ≤ 1)',
  });

export const audioSchema = z.object({
  path: relPath.refine(
    (p) => /\.(mp3|ogg|opus|m4a|wav)$/i.test(p),
    'son attendu (.mp3, .ogg, .opus, .m4a ou .wav)',
  ),
  sha256,
});

export const stepSchema = z
  .object({
    /** The one action of this step, short and plain. */
    action: text(300).describe(
      'One action (one verb of action), with the colour word before each marker reference: "Touchez Envoyer, entouré en rouge {1}."',
    ),
    picture: pictureSchema,
    markers: z.array(markerSchema).max(PALETTE.length).default([]),
    tip: text(400).optional(),
    warning: text(400).optional(),
    /** What the reader sees once the action is done ("Vous voyez maintenant…"). */
    result: text(400).optional(),
    audio: audioSchema.optional(),
  })
  .superRefine((step, ctx) => {
    const colours = step.markers.map((m) => m.colour);
    if (new Set(colours).size !== colours.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['markers'],
        message: 'deux repères de la même couleur dans une étape',
      });
    }
    const numbers = new Set<number>(colours.map((c) => paletteEntry(c).number));
    for (const field of ['action', 'tip', 'warning', 'result'] as const) {
      const value = step[field];
      if (!value) continue;
      for (const match of value.matchAll(COLOUR_REF)) {
        if (!numbers.has(Number(match[1]))) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `le texte cite le repère {${match[1]}} mais l’étape n’a pas de repère de ce numéro`,
          });
        }
      }
    }
  });

export const noticeSchema = z.object({
  format: z.literal(NOTICE_FORMAT),
  id,
  version: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,6}){0,3}$/, 'version en nombres séparés par des points (1.0.2)'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'code de langue (fr, en…)'),
  title: text(120),
  summary: text(400),
  level: z.enum(LEVELS),
  themes: z.array(text(60)).max(10).default([]),
  devices: z.array(z.enum(DEVICES)).min(1, 'au moins un appareil').max(DEVICES.length),
  /** Minutes a beginner needs, roughly. */
  duration: z.number().int().min(1).max(600),
  /** An SPDX id (`CC-BY-SA-4.0`…) or `public-domain`, known to the box. */
  licence: z
    .string()
    .refine(
      isKnownLicence,
      'licence inconnue (identifiant SPDX attendu, par exemple CC-BY-SA-4.0)',
    ),
  authors: z.array(text(200)).min(1, 'au moins un auteur').max(20),
  /** "Ce qu'il vous faut": what to have at hand before starting. */
  needs: z.array(text(200)).max(10).default([]),
  /**
   * "À retenir": advice that is not an action (a step is one action). Shown as a box
   * before the steps on the phone and on paper, and on the kiosk's first step.
   */
  remember: z
    .array(
      text(300).refine(
        (t) => !/\{[1-9]\}/.test(t),
        'pas de repère {n} dans « À retenir » (il n’y a pas d’image)',
      ),
    )
    .max(8, '8 phrases à retenir au plus')
    .default([])
    .describe(
      '« À retenir »: advice that is not an action (a step is one action), shown as one box.',
    ),
  steps: z.array(stepSchema).min(1, 'au moins une étape').max(40, '40 étapes au plus'),
});

export type Notice = z.infer<typeof noticeSchema>;
export type NoticeInput = z.input<typeof noticeSchema>;
export type NoticeStep = z.infer<typeof stepSchema>;
export type Marker = z.infer<typeof markerSchema>;
export type Picture = z.infer<typeof pictureSchema>;

export type ParseResult = { ok: true; notice: Notice } | { ok: false; error: string };

/** One readable French line per problem, with where it is ("étape 3 › repère 1 › x"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => {
      const where = issue.path
        .map((p, i) => {
          const prev = issue.path[i - 1];
          if (typeof p === 'number' && prev === 'steps') return `étape ${p + 1}`;
          if (typeof p === 'number' && prev === 'markers') return `repère ${p + 1}`;
          if (typeof p === 'number') return `n° ${p + 1}`;
          return p === 'steps' || p === 'markers' ? null : String(p);
        })
        .filter((p): p is string => p !== null)
        .join(' › ');
      return `${where || 'notice'} : ${issue.message}`;
    })
    .join(' ; ');
}

/** Validates an already-parsed JSON value; never throws. */
export function parseNotice(value: unknown): ParseResult {
  const parsed = noticeSchema.safeParse(value);
  if (parsed.success) return { ok: true, notice: parsed.data };
  return { ok: false, error: describeIssues(parsed.error) };
}

/** Validates notice JSON text; a syntax error becomes a readable French message. */
export function parseNoticeText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `JSON illisible : ${(err as Error).message}` };
  }
  return parseNotice(value);
}

/** The published JSON Schema (docs/notice.schema.json is generated from this). */
export function noticeJsonSchema(): unknown {
  return z.toJSONSchema(noticeSchema, { io: 'input', unrepresentable: 'any' });
}

/** Arrows point where the swipe goes; other shapes ignore it. */
export function arrowDirection(m: Marker): 'left' | 'right' | 'up' | 'down' {
  if (m.direction) return m.direction;
  if (m.gesture === 'swipe-left') return 'left';
  if (m.gesture === 'swipe-right') return 'right';
  if (m.gesture === 'swipe-up') return 'up';
  return 'down';
}
