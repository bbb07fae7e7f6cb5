import type { Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z } from 'zod';

/**
 * The one way a route reads a posted form: Hono's validator middleware over a zod schema,
 * then `c.req.valid('form')` in the handler, typed by the schema. The body is read once
 * (the admin CSRF check and the validator share Hono's body cache).
 *
 * Schemas describe the shape at the edge; what a value means (a date that exists, a known
 * notice) stays in the feature's service, with its French sentence.
 */

/**
 * One field as typed: its first text value, `''` when absent or a file; CRLF → LF.
 * (`optional()` first: in zod 4 a missing key is refused by a bare transform.)
 */
export const typed = z
  .unknown()
  .optional()
  .transform((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first.replace(/\r\n/g, '\n') : '';
  });

/** One field as typed, without the spaces around it. */
export const trimmed = typed.transform((s) => s.trim());

/** A field that may be repeated (checkboxes): every non-empty text value, in order. */
export const list = z
  .unknown()
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string' && x !== '',
    ),
  );

/** A checkbox or a confirmation button: true when it was sent with this value. */
export const sent = (value = '1') => typed.transform((s) => s === value);

/** What was typed, field by field (text values only), to show a refused form again. */
export type Typed = Readonly<Record<string, string>>;

export type Issues = ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;

/** How a route answers a form its schema refuses: the same page, with what was typed. */
export type Refused = (
  c: HonoContext,
  issues: Issues,
  typedValues: Typed,
) => Response | Promise<Response>;

const REFUSED_MESSAGE =
  'Ce formulaire est incomplet ou mal rempli. Revenez à la page précédente et réessayez.';

function typedOf(value: Record<string, unknown>): Typed {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

/**
 * @example
 * .post('/', form(z.object({ title: trimmed })), (c) => save(c.req.valid('form').title))
 *
 * Without `refused`, a refused form is a French 400 page (for schemas that only shape).
 */
export function form<S extends z.ZodType>(schema: S, refused?: Refused) {
  return validator('form', async (value, c): Promise<z.output<S> | Response> => {
    const parsed = await schema.safeParseAsync(value);
    if (parsed.success) return parsed.data;
    if (refused) return refused(c, parsed.error.issues, typedOf(value));
    throw new HTTPException(400, { message: REFUSED_MESSAGE });
  });
}
