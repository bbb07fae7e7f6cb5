import type { Context as HonoContext } from 'hono';
import { AdminLayout } from '../ui/layout.js';
import { CsrfField } from '../ui/csrf.js';
import { MIN_PASSWORD_LENGTH } from './password.js';

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

function PasswordFields({ autocomplete }: { autocomplete: string }) {
  return (
    <>
      <label>
        Nouveau mot de passe
        <span class="hint" id="pw-hint">
          Au moins {MIN_PASSWORD_LENGTH} caractères. Une courte phrase facile à retenir convient
          très bien.
        </span>
        <input
          name="password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autocomplete={autocomplete}
          aria-describedby="pw-hint"
        />
      </label>
      <label>
        Le même mot de passe, encore une fois
        <input
          name="confirm"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autocomplete={autocomplete}
        />
      </label>
    </>
  );
}

export function SetupPage({
  c,
  codeFile,
  flash,
}: {
  c: HonoContext;
  codeFile: string;
  flash?: Flash;
}) {
  return (
    <AdminLayout c={c} title="Mise en service" flash={flash}>
      <h1>Mise en service de la boîte</h1>
      <p>
        Aucun mot de passe animateur n'est encore choisi. Pour le choisir, il faut le{' '}
        <strong>code de mise en service</strong> : la boîte l'a écrit dans son journal au démarrage
        et dans le fichier <code>{codeFile}</code>. Ce code ne sert qu'une fois.
      </p>
      <form class="stack" method="post" action="/admin/setup">
        <label>
          Code de mise en service
          <input
            name="code"
            class="code"
            required
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
          />
        </label>
        <PasswordFields autocomplete="new-password" />
        <button type="submit">Choisir ce mot de passe</button>
      </form>
    </AdminLayout>
  );
}

export function LoginPage({ c, next, flash }: { c: HonoContext; next: string; flash?: Flash }) {
  return (
    <AdminLayout c={c} title="Connexion" flash={flash}>
      <h1>Espace animateur</h1>
      <form class="stack" method="post" action="/admin/login">
        <input type="hidden" name="next" value={next} />
        <label>
          Mot de passe animateur
          <input name="password" type="password" required autocomplete="current-password" />
        </label>
        <button type="submit">Se connecter</button>
      </form>
      <p>
        Mot de passe oublié ? Une personne ayant accès à la boîte (clavier ou SSH) peut le
        réinitialiser : voir la documentation, « docs/admin.md ».
      </p>
    </AdminLayout>
  );
}

export function PasswordPage({ c, flash }: { c: HonoContext; flash?: Flash }) {
  return (
    <AdminLayout c={c} title="Changer le mot de passe" section="settings" flash={flash}>
      <h1>Changer le mot de passe animateur</h1>
      <p>Les autres appareils connectés seront déconnectés.</p>
      <form class="stack" method="post" action="/admin/password">
        <CsrfField c={c} />
        <label>
          Mot de passe actuel
          <input name="current" type="password" required autocomplete="current-password" />
        </label>
        <PasswordFields autocomplete="new-password" />
        <button type="submit">Changer le mot de passe</button>
      </form>
    </AdminLayout>
  );
}
