import { Hono, type Context as HonoContext } from 'hono';
import { z } from 'zod';
import type { Context } from '../../context.js';
import type { BoxSettings } from '../../settings/service.js';
import { renderDocument } from '../../ui/page.js';
import { CsrfField } from '../ui/csrf.js';
import { AdminLayout } from '../ui/layout.js';

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

/** What the settings form may change; anything else in the body is ignored. */
export const settingsForm = z.object({
  libraryName: text(80).min(1, 'Le nom de la bibliothèque est obligatoire.'),
  address: text(300),
  openingHours: text(500),
  contact: text(300),
  wifiName: text(32).min(1, 'Le nom du Wi-Fi est obligatoire.'),
  kioskIdleSeconds: z.coerce
    .number({ message: 'Un nombre de secondes, s’il vous plaît.' })
    .int('Un nombre entier de secondes.')
    .min(30, 'Au moins 30 secondes.')
    .max(3600, 'Au plus 3600 secondes (une heure).'),
  licencePolicy: z.enum(['free-culture', 'all-cc'], {
    message: 'Choisissez une politique de licences.',
  }),
});

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

function SettingsPage({ c, s, flash }: { c: HonoContext; s: BoxSettings; flash?: Flash }) {
  return (
    <AdminLayout c={c} title="Réglages" section="settings" flash={flash}>
      <h1>Réglages de la boîte</h1>
      <form class="stack" method="post" action="/admin/settings">
        <CsrfField c={c} />
        <label>
          Nom de la bibliothèque
          <input name="libraryName" value={s.libraryName} required maxLength={80} />
        </label>
        <label>
          Adresse
          <textarea name="address" maxLength={300}>
            {s.address}
          </textarea>
        </label>
        <label>
          Horaires d'ouverture
          <textarea name="openingHours" maxLength={500}>
            {s.openingHours}
          </textarea>
        </label>
        <label>
          Contact
          <span class="hint" id="contact-hint">
            Téléphone ou adresse e-mail de la bibliothèque, affichés aux visiteurs.
          </span>
          <input name="contact" value={s.contact} maxLength={300} aria-describedby="contact-hint" />
        </label>
        <label>
          Nom du Wi-Fi montré aux visiteurs
          <span class="hint" id="wifi-hint">
            Ce nom est seulement affiché ; il ne change pas le réseau lui-même.
          </span>
          <input
            name="wifiName"
            value={s.wifiName}
            required
            maxLength={32}
            aria-describedby="wifi-hint"
          />
        </label>
        <label>
          Mise en veille de la borne (secondes sans toucher l'écran)
          <input
            name="kioskIdleSeconds"
            type="number"
            min={30}
            max={3600}
            step={1}
            value={String(s.kioskIdleSeconds)}
            required
          />
        </label>
        <fieldset>
          <legend>Licences acceptées pour les packs</legend>
          <label>
            <input
              type="radio"
              name="licencePolicy"
              value="free-culture"
              checked={s.licencePolicy === 'free-culture'}
            />
            Culture libre seulement (domaine public, CC0, CC BY, CC BY-SA…)
          </label>
          <label>
            <input
              type="radio"
              name="licencePolicy"
              value="all-cc"
              checked={s.licencePolicy === 'all-cc'}
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
export function settingsRoutes(ctx: Context): Hono {
  return new Hono()
    .get('/', (c) => c.html(renderDocument(<SettingsPage c={c} s={ctx.settings.current()} />)))
    .post('/', async (c) => {
      const body = await c.req.parseBody();
      const parsed = settingsForm.safeParse(body);
      if (!parsed.success) {
        const text = parsed.error.issues.map((i) => i.message).join(' ');
        const submitted = { ...ctx.settings.current(), ...(body as Partial<BoxSettings>) };
        return c.html(
          renderDocument(<SettingsPage c={c} s={submitted} flash={{ kind: 'error', text }} />),
          400,
        );
      }
      const saved = ctx.settings.update(parsed.data);
      c.set('admin', { ...c.get('admin'), libraryName: saved.libraryName });
      return c.html(
        renderDocument(
          <SettingsPage c={c} s={saved} flash={{ kind: 'ok', text: 'Réglages enregistrés.' }} />,
        ),
      );
    });
}
