import { z } from 'zod';
import { list, trimmed } from '../http/form.js';
import { LEVELS } from '../notices/format.js';
import type { AtelierFields, AtelierRow } from './repo.js';
import { parisToUtc, parisWall } from './time.js';

/** What the animateur typed, kept as typed so nothing is lost when a field is wrong. */
export interface AtelierForm {
  title: string;
  description: string;
  date: string;
  time: string;
  duration: string;
  place: string;
  level: string;
  audience: string;
  seats: string;
  notices: string[];
}

export type FieldErrors = Partial<Record<keyof AtelierForm, string>>;

export const EMPTY_FORM: AtelierForm = {
  title: '',
  description: '',
  date: '',
  time: '14:00',
  duration: '90',
  place: '',
  level: 'débutant',
  audience: 'Tout public',
  seats: '',
  notices: [],
};

/** The posted workshop form, each field as typed (`http/form.ts`); `validate` judges it. */
export const atelierForm = z.object({
  title: trimmed,
  description: trimmed,
  date: trimmed,
  time: trimmed,
  duration: trimmed,
  place: trimmed,
  level: trimmed,
  audience: trimmed,
  seats: trimmed,
  notices: list,
}) satisfies z.ZodType<AtelierForm>;

/** The posted "add a question" form, as typed. */
export const questionForm = z.object({ text: trimmed, kind: trimmed, choices: trimmed });

/** A question ready to store. */
export interface QuestionFields {
  kind: 'choice' | 'open';
  text: string;
  choices: string[];
}

/** Checks a new question: the question to store, or the field to fix and why. */
export function checkQuestion(
  draft: z.output<typeof questionForm>,
): { ok: true; question: QuestionFields } | { ok: false; field: 'text' | 'choices'; text: string } {
  const open = draft.kind === 'open';
  const choices = open
    ? []
    : draft.choices
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
  if (!draft.text) return { ok: false, field: 'text', text: 'Écrivez la question.' };
  if (draft.text.length > 200)
    return {
      ok: false,
      field: 'text',
      text: 'La question est trop longue : 200 caractères au plus.',
    };
  if (!open && (choices.length < 2 || choices.length > 6))
    return { ok: false, field: 'choices', text: 'Écrivez de 2 à 6 choix, un par ligne.' };
  if (choices.some((ch) => ch.length > 80))
    return { ok: false, field: 'choices', text: 'Un choix est trop long : 80 caractères au plus.' };
  return { ok: true, question: { kind: open ? 'open' : 'choice', text: draft.text, choices } };
}

/** A stored workshop back in the form's shape (for editing). */
export function formOf(row: AtelierRow): AtelierForm {
  const wall = parisWall(new Date(row.starts_at));
  return {
    title: row.title,
    description: row.description,
    date: wall.date,
    time: wall.time,
    duration: String(row.duration_min),
    place: row.place,
    level: row.level,
    audience: row.audience,
    seats: row.seats === null ? '' : String(row.seats),
    notices: JSON.parse(row.notices) as string[],
  };
}

const whole = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : NaN);

/**
 * Checks the form; each problem is one French sentence shown next to its field.
 * `knownNotices` are the notice ids that may be linked.
 */
export function validate(
  form: AtelierForm,
  knownNotices: ReadonlySet<string>,
): { ok: true; fields: AtelierFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.title) errors.title = 'Donnez un titre à l’atelier.';
  else if (form.title.length > 120)
    errors.title = 'Le titre est trop long : 120 caractères au plus.';
  if (form.description.length > 4000)
    errors.description = 'La description est trop longue : 4 000 caractères au plus.';
  let startsAt = NaN;
  if (!form.date) errors.date = 'Choisissez la date de l’atelier.';
  else if (!form.time) errors.time = 'Indiquez l’heure de début, par exemple 14:00.';
  else {
    const at = parisToUtc(form.date, form.time);
    if (at.ok) startsAt = at.at.getTime();
    else if (at.reason === 'skipped')
      errors.time =
        'Cette heure n’existe pas ce jour-là (passage à l’heure d’été) : choisissez 3 h 00 ou plus tard.';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || Number.isNaN(Date.parse(form.date)))
      errors.date = 'Cette date n’est pas valide : écrivez-la sous la forme 2026-10-24.';
    else errors.time = 'Cette heure n’est pas valide : écrivez-la sous la forme 14:00.';
  }
  const duration = whole(form.duration);
  if (!(duration >= 5 && duration <= 1440))
    errors.duration = 'Indiquez une durée en minutes, entre 5 et 1 440 (par exemple 90).';
  if (form.place.length > 200) errors.place = 'Le lieu est trop long : 200 caractères au plus.';
  if (!(LEVELS as readonly string[]).includes(form.level))
    errors.level = 'Choisissez un niveau dans la liste.';
  if (form.audience.length > 120)
    errors.audience = 'Le public est trop long : 120 caractères au plus.';
  const seats = form.seats === '' ? null : whole(form.seats);
  if (seats !== null && !(seats >= 1 && seats <= 1000))
    errors.seats = 'Indiquez un nombre de places entre 1 et 1 000, ou laissez vide si sans limite.';
  const unknown = form.notices.filter((id) => !knownNotices.has(id));
  if (unknown.length > 0)
    errors.notices = 'Une notice cochée n’est plus installée : décochez-la ou réinstallez-la.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title: form.title,
      description: form.description,
      starts_at: startsAt,
      duration_min: duration,
      place: form.place,
      level: form.level,
      audience: form.audience,
      seats,
      notices: JSON.stringify([...new Set(form.notices)]),
    },
  };
}
