import type { Context as HonoContext } from 'hono';
import { CsrfField } from '../admin/ui/csrf.js';
import { describedBy, FieldError } from '../admin/ui/field.js';
import { AdminLayout } from '../admin/ui/layout.js';
import { LEVELS } from '../notices/format.js';
import { ClockForm } from '../stats/index.js';
import { assetUrl } from '../ui/asset-url.js';
import type { AtelierForm, FieldErrors } from './form.js';
import type { Atelier } from './service.js';
import { dateTimeLabel } from './time.js';

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

const Head = () => <link rel="stylesheet" href={assetUrl('ateliers.css')} />;

/** Shown wherever dates matter while the box does not know the time. */
export function ClockUnknown({ c }: { c: HonoContext }) {
  return (
    <div class="warning" role="status">
      <p>
        La boîte ne connaît pas l’heure (elle n’a pas de pile d’horloge et n’a pas trouvé de réseau)
        : le portail et la borne ne montrent aucun atelier à venir tant que l’heure n’est pas
        donnée.
      </p>
      <ClockForm c={c} auto={true} />
    </div>
  );
}

export function AteliersAdminPage(props: {
  c: HonoContext;
  ateliers: Atelier[];
  clockKnown: boolean;
  flash?: Flash;
}) {
  const { c, ateliers, clockKnown, flash } = props;
  return (
    <AdminLayout c={c} title="Ateliers" section="ateliers" flash={flash}>
      <Head />
      <h1>Ateliers</h1>
      {!clockKnown && <ClockUnknown c={c} />}
      <p>
        <a class="button" href="/admin/ateliers/new">
          Ajouter un atelier
        </a>{' '}
        <a href="/admin/ateliers/periode">Bilan des évaluations par mois</a>
      </p>
      {ateliers.length === 0 ? (
        <p>Aucun atelier pour l’instant.</p>
      ) : (
        <ul class="agenda">
          {ateliers.map((a) => (
            <li key={a.id}>
              <h2>
                <a href={`/admin/ateliers/${a.id}`}>{a.title}</a>
              </h2>
              <p class="when">{dateTimeLabel(a.startsAt)}</p>
              {a.place && <p>{a.place}</p>}
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

/** A labelled field with its hint and its error, read together (admin/ui/field.tsx). */
function Field(props: {
  name: keyof AtelierForm;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => preact.ComponentChildren;
}) {
  const { name, label, errors, hint } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <label>
      {label}
      {hint && (
        <span class="hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldError name={name} errors={errors} />
      {props.children(describedBy(name, errors, hintId), !!errors[name])}
    </label>
  );
}

export function AtelierFormPage(props: {
  c: HonoContext;
  id: number | null;
  form: AtelierForm;
  errors: FieldErrors;
  notices: Array<{ id: string; title: string }>;
}) {
  const { c, id, form, errors, notices } = props;
  const bad = Object.keys(errors).length > 0;
  const title = id === null ? 'Nouvel atelier' : `Modifier : ${form.title || 'atelier'}`;
  const inv = (x: boolean) => (x ? 'true' : undefined);
  return (
    <AdminLayout
      c={c}
      title={title}
      section="ateliers"
      flash={
        bad
          ? {
              kind: 'error',
              text: 'L’atelier n’est pas enregistré : corrigez les champs signalés.',
            }
          : undefined
      }
    >
      <Head />
      <p>
        <a href={id === null ? '/admin/ateliers' : `/admin/ateliers/${id}`}>← Retour</a>
      </p>
      <h1>{title}</h1>
      <form
        class="stack"
        method="post"
        action={id === null ? '/admin/ateliers/new' : `/admin/ateliers/${id}/edit`}
        novalidate
      >
        <CsrfField c={c} />
        <Field name="title" label="Titre" errors={errors}>
          {(d, i) => (
            <input
              name="title"
              value={form.title}
              required
              maxLength={120}
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field name="description" label="Description" errors={errors}>
          {(d, i) => (
            <textarea
              name="description"
              maxLength={4000}
              aria-describedby={d}
              aria-invalid={inv(i)}
            >
              {form.description}
            </textarea>
          )}
        </Field>
        <Field name="date" label="Date" errors={errors} hint="Heure de Paris.">
          {(d, i) => (
            <input
              name="date"
              type="date"
              value={form.date}
              required
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field name="time" label="Heure de début" errors={errors}>
          {(d, i) => (
            <input
              name="time"
              type="time"
              value={form.time}
              required
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field name="duration" label="Durée (en minutes)" errors={errors}>
          {(d, i) => (
            <input
              name="duration"
              inputMode="numeric"
              value={form.duration}
              required
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field name="place" label="Lieu" errors={errors} hint="Par exemple : salle du 1er étage.">
          {(d, i) => (
            <input
              name="place"
              value={form.place}
              maxLength={200}
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field name="level" label="Niveau" errors={errors}>
          {(d, i) => (
            <select name="level" aria-describedby={d} aria-invalid={inv(i)}>
              {LEVELS.map((l) => (
                <option key={l} value={l} selected={form.level === l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="audience"
          label="Public"
          errors={errors}
          hint="Par exemple : tout public, seniors."
        >
          {(d, i) => (
            <input
              name="audience"
              value={form.audience}
              maxLength={120}
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <Field
          name="seats"
          label="Nombre de places"
          errors={errors}
          hint="Un nombre seulement : la boîte ne garde aucune inscription. Vide : sans limite."
        >
          {(d, i) => (
            <input
              name="seats"
              inputMode="numeric"
              value={form.seats}
              aria-describedby={d}
              aria-invalid={inv(i)}
            />
          )}
        </Field>
        <fieldset aria-describedby={errors.notices ? 'notices-error' : undefined}>
          <legend>Notices liées</legend>
          {errors.notices && (
            <p class="field-error" id="notices-error">
              {errors.notices}
            </p>
          )}
          {notices.length === 0 && <p>Aucune notice installée.</p>}
          {notices.map((n) => (
            <label key={n.id}>
              <input
                type="checkbox"
                name="notices"
                value={n.id}
                checked={form.notices.includes(n.id)}
              />
              {n.title}
            </label>
          ))}
        </fieldset>
        <button type="submit">Enregistrer</button>
      </form>
    </AdminLayout>
  );
}

export function AtelierAdminPage(props: {
  c: HonoContext;
  a: Atelier;
  noticeTitles: string[];
  flash?: Flash;
  children?: preact.ComponentChildren;
}) {
  const { c, a, noticeTitles, flash } = props;
  return (
    <AdminLayout c={c} title={a.title} section="ateliers" flash={flash}>
      <Head />
      <p>
        <a href="/admin/ateliers">← Tous les ateliers</a>
      </p>
      <h1>{a.title}</h1>
      <dl class="facts">
        <dt>Quand</dt>
        <dd>{`${dateTimeLabel(a.startsAt)} (${a.durationMin} min)`}</dd>
        <dt>Lieu</dt>
        <dd>{a.place || 'non précisé'}</dd>
        <dt>Niveau</dt>
        <dd>{a.level}</dd>
        <dt>Public</dt>
        <dd>{a.audience || 'non précisé'}</dd>
        <dt>Places</dt>
        <dd>{a.seats === null ? 'sans limite' : String(a.seats)}</dd>
        <dt>Notices liées</dt>
        <dd>{noticeTitles.length ? noticeTitles.join(', ') : 'aucune'}</dd>
      </dl>
      {a.description && <p class="prewrap">{a.description}</p>}
      <p class="actions">
        <a class="button" href={`/admin/ateliers/${a.id}/edit`}>
          Modifier
        </a>{' '}
        <a class="button" href={`/ateliers/${a.id}/affiche`}>
          Affiche à imprimer
        </a>{' '}
        <a href={`/ateliers/${a.id}`}>Voir sur le portail</a>
      </p>
      {props.children}
      <h2>Supprimer</h2>
      <form method="post" action={`/admin/ateliers/${a.id}/delete`} class="actions">
        <CsrfField c={c} />
        <label>
          <input type="checkbox" name="confirm" value="1" required /> Je veux supprimer cet atelier
          et ses réponses
        </label>{' '}
        <button type="submit">Supprimer l’atelier</button>
      </form>
    </AdminLayout>
  );
}
