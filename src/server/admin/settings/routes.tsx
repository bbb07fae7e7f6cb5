import { Hono, type Context as HonoContext } from 'hono';
import type { AdminEnv } from '../env.js';
import { z } from 'zod';
import type { Context } from '../../context.js';
import type { BoxSettings } from '../../settings/service.js';
import { form, type Typed } from '../../http/form.js';
import { renderDocument } from '../../ui/page.js';
import { CsrfField } from '../ui/csrf.js';
import {
  describedBy,
  ErrorSummary,
  FieldError,
  fieldErrors,
  type FieldErrors,
} from '../ui/field.js';
import { AdminLayout } from '../ui/layout.js';

const text = (max: number) =>
  z
    .string({ message: 'Ce champ manque au formulaire : rechargez la page et réessayez.' })
    .trim()
    .max(max, `Ce texte est trop long : ${max} caractères au plus.`);

/** What the settings form may change; anything else in the body is ignored. */
export const settingsForm = z.object({
  libraryName: text(80).min(1, 'Le nom de la bibliothèque est obligatoire : écrivez-le.'),
  address: text(300),
  openingHours: text(500),
  contact: text(300),
  wifiName: text(32).min(1, 'Le nom du Wi-Fi est obligatoire : écrivez-le.'),
  kioskIdleSeconds: z
    .string({ message: 'Écrivez un nombre de secondes, par exemple 120.' })
    .trim()
    .regex(/^\d+$/, 'Écrivez un nombre entier de secondes, en chiffres, par exemple 120.')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(30, 'Au moins 30 secondes, pour laisser le temps de lire.')
        .max(3600, 'Au plus 3600 secondes (une heure).'),
    ),
  licencePolicy: z.enum(['free-culture', 'all-cc'], {
    message: 'Choisissez une des deux politiques de licences.',
  }),
});

/** What the form shows: the saved settings, or exactly what was typed when refused. */
type FormValues = { [K in keyof BoxSettings]: string };

const LABELS = {
  libraryName: 'Nom de la bibliothèque',
  address: 'Adresse',
  openingHours: "Horaires d'ouverture",
  contact: 'Contact',
  wifiName: 'Nom du Wi-Fi montré aux visiteurs',
  kioskIdleSeconds: "Mise en veille de la borne (secondes sans toucher l'écran)",
  licencePolicy: 'Licences acceptées pour les packs',
} as const;

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

function valuesOf(s: BoxSettings): FormValues {
  return { ...s, kioskIdleSeconds: String(s.kioskIdleSeconds) };
}

function typedValues(saved: BoxSettings, typed: Typed): FormValues {
  const out = valuesOf(saved);
  for (const key of Object.keys(out) as Array<keyof FormValues>) {
    const value = typed[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function SettingsPage({
  c,
  v,
  errors = {},
  flash,
}: {
  c: HonoContext;
  v: FormValues;
  errors?: FieldErrors;
  flash?: Flash;
}) {
  const field = (name: keyof FormValues, hint?: string) => ({
    id: `field-${name}`,
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, errors, hint),
  });
  return (
    <AdminLayout c={c} title="Réglages" section="settings" flash={flash}>
      <h1>Réglages de la boîte</h1>
      <ErrorSummary errors={errors} labels={LABELS} />
      {/* noValidate: the box checks and explains each field itself, in French. */}
      <form class="stack" method="post" action="/admin/settings" noValidate>
        <CsrfField c={c} />
        <label>
          {LABELS.libraryName}
          <FieldError name="libraryName" errors={errors} />
          <input {...field('libraryName')} value={v.libraryName} required />
        </label>
        <label>
          {LABELS.address}
          <FieldError name="address" errors={errors} />
          <textarea {...field('address')}>{v.address}</textarea>
        </label>
        <label>
          {LABELS.openingHours}
          <FieldError name="openingHours" errors={errors} />
          <textarea {...field('openingHours')}>{v.openingHours}</textarea>
        </label>
        <label>
          {LABELS.contact}
          <span class="hint" id="contact-hint">
            Téléphone ou adresse e-mail de la bibliothèque, affichés aux visiteurs.
          </span>
          <FieldError name="contact" errors={errors} />
          <input {...field('contact', 'contact-hint')} value={v.contact} />
        </label>
        <label>
          {LABELS.wifiName}
          <span class="hint" id="wifi-hint">
            Ce nom est seulement affiché ; il ne change pas le réseau lui-même.
          </span>
          <FieldError name="wifiName" errors={errors} />
          <input {...field('wifiName', 'wifi-hint')} value={v.wifiName} required />
        </label>
        <label>
          {LABELS.kioskIdleSeconds}
          <span class="hint" id="idle-hint">
            Entre 30 et 3600. Après ce temps, la borne revient à son écran d'accueil.
          </span>
          <FieldError name="kioskIdleSeconds" errors={errors} />
          <input
            {...field('kioskIdleSeconds', 'idle-hint')}
            inputMode="numeric"
            value={v.kioskIdleSeconds}
            required
          />
        </label>
        <fieldset
          id="field-licencePolicy"
          aria-describedby={errors['licencePolicy'] ? 'licencePolicy-error' : undefined}
        >
          <legend>{LABELS.licencePolicy}</legend>
          <FieldError name="licencePolicy" errors={errors} />
          <label>
            <input
              type="radio"
              name="licencePolicy"
              value="free-culture"
              checked={v.licencePolicy === 'free-culture'}
            />
            Culture libre seulement (domaine public, CC0, CC BY, CC BY-SA…)
          </label>
          <label>
            <input
              type="radio"
              name="licencePolicy"
              value="all-cc"
              checked={v.licencePolicy === 'all-cc'}
            />
            Toutes les licences Creative Commons (y compris NC et ND)
          </label>
        </fieldset>
        <button type="submit">Enregistrer</button>
      </form>
      <h2>Mot de passe</h2>
      <p>
        <a href="/admin/password">Changer le mot de passe animateur</a>
      </p>
    </AdminLayout>
  );
}

/** GET/POST /admin/settings: the box's settings through `ctx.settings`. */
export function settingsRoutes(ctx: Context): Hono<AdminEnv> {
  return new Hono<AdminEnv>()
    .get('/', (c) =>
      c.html(renderDocument(<SettingsPage c={c} v={valuesOf(ctx.settings.current())} />)),
    )
    .post(
      '/',
      form(settingsForm, (c, issues, typed) =>
        c.html(
          renderDocument(
            <SettingsPage
              c={c}
              v={typedValues(ctx.settings.current(), typed)}
              errors={fieldErrors(issues)}
            />,
          ),
          400,
        ),
      ),
      (c) => {
        const saved = ctx.settings.update(c.req.valid('form'));
        c.set('admin', { ...c.get('admin'), libraryName: saved.libraryName });
        return c.html(
          renderDocument(
            <SettingsPage
              c={c}
              v={valuesOf(saved)}
              flash={{ kind: 'ok', text: 'Réglages enregistrés.' }}
            />,
          ),
        );
      },
    );
}
