import type { Context as HonoContext } from 'hono';
import { AdminLayout } from '../ui/layout.js';
import { CsrfField } from '../ui/csrf.js';
import { STICK_CODE_FILE } from '../setup/outlets.js';
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
  code = '',
  flash,
}: {
  c: HonoContext;
  codeFile: string;
  /** The code typed before a refused password, kept so nothing typed is lost. */
  code?: string;
  flash?: Flash;
}) {
  return (
    <AdminLayout c={c} title="Mise en service" flash={flash}>
      <h1>Mise en service de la boîte</h1>
      <p>
        Aucun mot de passe animateur n'est encore choisi. Pour le choisir, il faut le{' '}
        <strong>code de mise en service</strong> (douze lettres et chiffres, par exemple
        ABCD-EFGH-2345). Ce code ne sert qu'une fois. Il n'est montré qu'à une personne qui est
        devant la boîte. Trouvez-le d'une de ces façons :
      </p>
      <ol class="where-code">
        <li>
          <strong>Sur l'écran de la borne</strong>, si un écran tactile est branché à la boîte : le
          code est écrit en bas de l'écran d'accueil.
        </li>
        <li>
          <strong>Sur une clé USB</strong> : branchez une clé USB sur la boîte, attendez dix
          secondes, puis retirez-la. Sur un ordinateur, ouvrez le fichier{' '}
          <code>{STICK_CODE_FILE}</code> de la clé : le code y est écrit.
        </li>
        <li>
          <strong>Sur un écran branché à la boîte</strong> (prise HDMI), sans borne : le code est
          écrit au-dessus de « login ». Appuyez sur la touche Entrée d'un clavier s'il n'apparaît
          pas.
        </li>
      </ol>
      <p>Tapez ensuite le code ici, puis choisissez le mot de passe :</p>
      <form class="stack" method="post" action="/admin/setup" noValidate>
        <label>
          Code de mise en service
          <input
            name="code"
            class="code"
            value={code}
            required
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
          />
        </label>
        <PasswordFields autocomplete="new-password" />
        <button type="submit">Choisir ce mot de passe</button>
      </form>
      <p>
        Dès que le mot de passe est choisi, le code disparaît de la borne, de la clé et de l'écran :
        il ne vaut plus rien.
      </p>
      <details>
        <summary>Pour un technicien (accès au terminal)</summary>
        <p>
          Le code est aussi dans le journal du service (<code>journalctl -u lanterne</code>) et dans
          le fichier <code>{codeFile}</code>.
        </p>
      </details>
    </AdminLayout>
  );
}

export function LoginPage({ c, next, flash }: { c: HonoContext; next: string; flash?: Flash }) {
  return (
    <AdminLayout c={c} title="Connexion" flash={flash}>
      <h1>Espace animateur</h1>
      <form class="stack" method="post" action="/admin/login" noValidate>
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
      <form class="stack" method="post" action="/admin/password" noValidate>
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
