import { z } from 'zod';
import { isKnownLicence } from '../catalogue/licences.js';
import { LEVELS, pictureSchema } from '../notices/format.js';

/**
 * The parcours format (`lanterne-parcours/1`), documented in docs/parcours.md and
 * published as docs/parcours.schema.json. A parcours is one JSON document in a pack: an
 * ordered path through e-notices, works and exercises. Exercises are data of a few
 * kinds, never code: the box's own script checks them (`assets/parcours-core.js`).
 */
export const PARCOURS_FORMAT = 'lanterne-parcours/1';

export { LEVELS };
/** The five areas of the European DigComp framework (followed by the French Pix). */
export const DIGCOMP_AREAS = [
  'information',
  'communication',
  'creation',
  'securite',
  'resolution',
] as const;
export const PUBLICS = ['tous', 'seniors', 'adultes', 'jeunes', 'enfants'] as const;
/** At most this many steps: the progress code carries one bit per step (20 bits). */
export const MAX_STEPS = 20;

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'identifiant : lettres minuscules, chiffres et tirets (64 au plus)',
  );
const text = (max: number) =>
  z.string().trim().min(1, 'texte vide').max(max, `texte trop long (${max} caractères au plus)`);
const fraction = z.number().min(0, 'entre 0 et 1').max(1, 'entre 0 et 1');

/** Shown in every exercise: what to do, the hint after a wrong try, the words of success. */
const common = {
  title: text(120),
  question: text(400).describe('What to do, in one or two short sentences.'),
  hint: text(300).describe('Shown after a wrong try: a nudge, never the answer.'),
  success: text(300).describe('Said when the answer is right: kind and short.'),
};

const optionSchema = z.object({
  text: text(160),
  picture: pictureSchema.optional(),
  correct: z.boolean().default(false),
  /** Said when this option is chosen (why it is wrong, or more about why it is right). */
  feedback: text(300).optional(),
});

function oneCorrect(options: Array<{ correct?: boolean | undefined }>, ctx: z.RefinementCtx) {
  const right = options.filter((o) => o.correct).length;
  if (right !== 1)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `une seule bonne réponse attendue (il y en a ${right})`,
    });
}

const zoneSchema = z
  .object({
    /** What the zone is, said to people who cannot see the picture ("Le bouton Envoyer"). */
    label: text(120),
    x: fraction,
    y: fraction,
    w: fraction.refine((v) => v > 0, 'largeur nulle'),
    h: fraction.refine((v) => v > 0, 'hauteur nulle'),
    correct: z.boolean().default(false),
    feedback: text(300).optional(),
  })
  .refine((m) => m.x + m.w <= 1.0001 && m.y + m.h <= 1.0001, {
    message: 'la zone dépasse de l’image (x + w et y + h doivent rester ≤ 1)',
  });

export const choiceSchema = z
  .object({
    type: z.literal('choice'),
    ...common,
    options: z.array(optionSchema).min(2, 'au moins deux réponses').max(6, 'six réponses au plus'),
  })
  .superRefine((e, ctx) => oneCorrect(e.options, ctx));

export const typeWordSchema = z.object({
  type: z.literal('type-word'),
  ...common,
  /** The label of the field ("Votre adresse"). */
  label: text(120),
  /** Exactly what to type: accents, capitals and `@` count, spaces around do not. */
  answer: text(120),
});

export const tapSchema = z
  .object({
    type: z.literal('tap'),
    ...common,
    picture: pictureSchema,
    zones: z.array(zoneSchema).min(2, 'au moins deux zones').max(8, 'huit zones au plus'),
  })
  .superRefine((e, ctx) => oneCorrect(e.zones, ctx));

/** A simulated procedure: a realistic message to judge, then what to do with it. */
export const messageSchema = z
  .object({
    type: z.literal('message'),
    ...common,
    screen: z.object({
      app: z.enum(['sms', 'mail']),
      from: text(120),
      subject: text(160).optional(),
      body: text(1000),
      /** The link the message wants tapped (shown, never a real link). */
      link: text(200).optional(),
    }),
    options: z.array(optionSchema).min(2, 'au moins deux réponses').max(6, 'six réponses au plus'),
    /** The signs that gave it away, shown once the right answer is found. */
    clues: z.array(text(200)).max(6).default([]),
  })
  .superRefine((e, ctx) => oneCorrect(e.options, ctx));

/** A simulated procedure: choose a strong password on a fake sign-up form. */
export const passwordSchema = z.object({
  type: z.literal('password'),
  ...common,
  /** The fake service the form belongs to ("La Poste Mail", "Mon espace santé"). */
  service: text(80),
  minLength: z.number().int().min(8).max(30).default(12),
  /** What the fake form already shows about the person: the password must not hold it. */
  avoid: z.array(text(40)).max(8).default([]),
});

export const exerciseSchema = z.union([
  choiceSchema,
  typeWordSchema,
  tapSchema,
  messageSchema,
  passwordSchema,
]);

export const EXERCISE_TYPES = ['choice', 'type-word', 'tap', 'message', 'password'] as const;

export const parcoursStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('notice'),
    notice: id.describe('The id of an e-notice (docs/notices.md).'),
    /** Why this notice here, in one sentence. */
    intro: text(300).optional(),
  }),
  z.object({
    kind: z.literal('work'),
    work: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9][a-z0-9-]{0,63}$/,
        'œuvre : « identifiant du pack.identifiant de l’œuvre »',
      )
      .describe('A work of the catalogue: "<pack id>.<item id>".'),
    intro: text(300).optional(),
  }),
  z.object({ kind: z.literal('exercise'), exercise: exerciseSchema }),
]);

export const parcoursSchema = z.object({
  format: z.literal(PARCOURS_FORMAT),
  // `/apprendre/code` is the page that reads progress codes.
  id: id.refine((v) => v !== 'code', 'identifiant réservé (« code »)'),
  version: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,6}){0,3}$/, 'version en nombres séparés par des points (1.0.2)'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'code de langue (fr, en…)'),
  title: text(120),
  summary: text(400),
  level: z.enum(LEVELS),
  digcomp: z.enum(DIGCOMP_AREAS).optional(),
  public: z.array(z.enum(PUBLICS)).min(1, 'au moins un public').max(PUBLICS.length),
  themes: z.array(text(60)).max(10).default([]),
  licence: z
    .string()
    .refine(
      isKnownLicence,
      'licence inconnue (identifiant SPDX attendu, par exemple CC-BY-SA-4.0)',
    ),
  authors: z.array(text(200)).min(1, 'au moins un auteur').max(20),
  steps: z
    .array(parcoursStepSchema)
    .min(1, 'au moins une étape')
    .max(MAX_STEPS, `${MAX_STEPS} étapes au plus`),
});

export type Parcours = z.infer<typeof parcoursSchema>;
export type ParcoursStep = z.infer<typeof parcoursStepSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type Picture = z.infer<typeof pictureSchema>;

export type ParseResult = { ok: true; parcours: Parcours } | { ok: false; error: string };

/** One readable French line per problem, with where it is ("étape 3 › exercise › zones"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => {
      const where = issue.path
        .map((p, i) => {
          const prev = issue.path[i - 1];
          if (typeof p === 'number' && prev === 'steps') return `étape ${p + 1}`;
          if (typeof p === 'number') return `n° ${p + 1}`;
          return p === 'steps' ? null : String(p);
        })
        .filter((p): p is string => p !== null)
        .join(' › ');
      return `${where || 'parcours'} : ${issue.message}`;
    })
    .join(' ; ');
}

/** Validates parcours JSON text; never throws, a syntax error becomes a French message. */
export function parseParcoursText(raw: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `JSON illisible : ${(err as Error).message}` };
  }
  const parsed = parcoursSchema.safeParse(value);
  if (parsed.success) return { ok: true, parcours: parsed.data };
  return { ok: false, error: describeIssues(parsed.error) };
}

/** Every picture a parcours names (exercises' pictures and their options'). */
export function parcoursPictures(parcours: Parcours): Picture[] {
  const out: Picture[] = [];
  for (const step of parcours.steps) {
    if (step.kind !== 'exercise') continue;
    const ex = step.exercise;
    if (ex.type === 'tap') out.push(ex.picture);
    if (ex.type === 'choice' || ex.type === 'message')
      for (const o of ex.options) if (o.picture) out.push(o.picture);
  }
  return out;
}

/** The published JSON Schema (docs/parcours.schema.json is generated from this). */
export function parcoursJsonSchema(): unknown {
  return {
    $id: 'https://lanterne.lan/docs/parcours.schema.json',
    title: 'Parcours Lanterne (lanterne-parcours/1)',
    description:
      'Un parcours : des étapes dans l’ordre (notice, œuvre, exercice), un niveau, un public. Voir docs/parcours.md.',
    ...(z.toJSONSchema(parcoursSchema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >),
  };
}
