import type { ComponentChildren } from 'preact';

/** A form's errors, field name → the box's own French sentence. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Turns zod issues into one message per field (the first one for each). */
export function fieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (name && !(name in out)) out[name] = issue.message;
  }
  return out;
}

/** The ids to put in a field's aria-describedby: its hint, then its error if any. */
export function describedBy(name: string, errors: FieldErrors, hint?: string): string | undefined {
  const ids = [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * The error next to its field, tied to it by `aria-describedby` (`describedBy`), so a
 * screen reader reads it with the field; forms carry `noValidate`, so the browser's own
 * bubbles never replace the box's messages.
 */
export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const message = errors[name];
  if (!message) return null;
  return (
    <span class="field-error" id={`${name}-error`}>
      {message}
    </span>
  );
}

/** A summary at the top of a refused form: how many fields to fix, each a link to it. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: FieldErrors;
  labels: Readonly<Record<string, ComponentChildren>>;
}) {
  const names = Object.keys(errors);
  if (names.length === 0) return null;
  return (
    <div class="flash flash-error" role="alert" tabIndex={-1} id="form-errors">
      <p>
        {names.length === 1
          ? 'Un champ est à corriger ; rien de ce que vous avez tapé n’est perdu :'
          : `${names.length} champs sont à corriger ; rien de ce que vous avez tapé n’est perdu :`}
      </p>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <a href={`#field-${name}`}>{labels[name] ?? name}</a> : {errors[name]}
          </li>
        ))}
      </ul>
    </div>
  );
}
