import type { Context as HonoContext } from 'hono';
import { getLicence } from '../catalogue/licences.js';
import { workUrl } from '../files/urls.js';
import { CsrfField } from '../admin/ui/csrf.js';
import { AdminLayout } from '../admin/ui/layout.js';
import type { Contribution } from './repo.js';
import type { FormErrors } from './service.js';

export const ADMIN_BASE = '/admin/contributions';

const KIND: Record<Contribution['kind'], string> = {
  image: 'Photo',
  text: 'Texte',
  audio: 'Son',
  pdf: 'PDF',
  epub: 'Livre EPUB',
};

export const EDIT_LICENCES = [
  'CC0-1.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-NC-ND-4.0',
];

export interface Reviewed {
  c: Contribution;
  metadata: Array<[string, string]>;
  text: string | null;
  errors: FormErrors;
}

function Preview({ r }: { r: Reviewed }) {
  const { c } = r;
  const base = `${ADMIN_BASE}/${c.id}`;
  if (c.kind === 'image')
    return (
      <img src={`${base}/apercu`} alt={`Aperçu de « ${c.title} »`} class="contribution-preview" />
    );
  if (c.kind === 'text') return <pre class="contribution-text">{r.text}</pre>;
  if (c.kind === 'audio')
    return (
      <audio controls preload="none" src={`${base}/fichier`}>
        <a href={`${base}/fichier`}>Écouter</a>
      </audio>
    );
  return (
    <p>
      <a href={`${base}/fichier`} download>
        Télécharger le fichier pour le lire
      </a>
    </p>
  );
}

function Item({ c: hono, r }: { c: HonoContext; r: Reviewed }) {
  const { c, errors } = r;
  const base = `${ADMIN_BASE}/${c.id}`;
  const id = (name: string) => `${c.id}-${name}`;
  return (
    <article class="card contribution" aria-labelledby={id('h')}>
      <h2 id={id('h')}>
        {KIND[c.kind]} · « {c.title} »
      </h2>
      <p class="meta">
        Proposée le {c.created.slice(0, 10)} · {Math.max(1, Math.round(c.size / 1024))} Ko · licence
        choisie par l’auteur : {getLicence(c.licence)?.name ?? c.licence}
      </p>
      <Preview r={r} />
      {r.metadata.length > 0 ? (
        <>
          <h3>Ce que le fichier dit de lui-même</h3>
          <p>Vérifiez qu’aucun vrai nom n’y figure si l’auteur a choisi un pseudonyme.</p>
          <dl class="facts">
            {r.metadata.map(([k, v]) => (
              <>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </>
            ))}
          </dl>
          {c.kind === 'pdf' ? (
            <form method="post" action={`${base}/effacer-metadonnees`}>
              <CsrfField c={hono} />
              <button type="submit" class="button-secondary">
                Effacer ces informations du PDF
              </button>
            </form>
          ) : (
            <p>
              Ces étiquettes restent dans le fichier publié : si un vrai nom y figure, refusez en
              demandant à l’auteur de les retirer.
            </p>
          )}
        </>
      ) : null}
      <form method="post" action={`${base}/modifier`} class="stack" noValidate>
        <CsrfField c={hono} />
        <h3>Fiche</h3>
        <label for={id('title')}>Titre</label>
        {errors['title'] ? (
          <span class="field-error" id={id('title-error')}>
            {errors['title']}
          </span>
        ) : null}
        <input
          id={id('title')}
          name="title"
          value={c.title}
          aria-describedby={errors['title'] ? id('title-error') : undefined}
        />
        <label for={id('author')}>Auteur (nom affiché)</label>
        {errors['author'] ? (
          <span class="field-error" id={id('author-error')}>
            {errors['author']}
          </span>
        ) : null}
        <input
          id={id('author')}
          name="author"
          value={c.author}
          aria-describedby={errors['author'] ? id('author-error') : undefined}
        />
        <label for={id('description')}>Description</label>
        <textarea id={id('description')} name="description" rows={3}>
          {c.description}
        </textarea>
        <label for={id('licence')}>Licence</label>
        <select id={id('licence')} name="licence">
          {EDIT_LICENCES.map((l) => (
            <option key={l} value={l} selected={l === c.licence}>
              {getLicence(l)?.name ?? l}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" class="button-secondary">
            Enregistrer la fiche
          </button>
        </p>
      </form>
      <div class="actions">
        <form method="post" action={`${base}/publier`}>
          <CsrfField c={hono} />
          <button type="submit">Publier dans le fonds local</button>
        </form>
        <form method="post" action={`${base}/refuser`} class="stack" noValidate>
          <CsrfField c={hono} />
          <label for={id('reason')}>Raison du refus (l’auteur la lira avec son code)</label>
          {errors['reason'] ? (
            <span class="field-error" id={id('reason-error')}>
              {errors['reason']}
            </span>
          ) : null}
          <textarea
            id={id('reason')}
            name="reason"
            rows={2}
            aria-describedby={errors['reason'] ? id('reason-error') : undefined}
          >
            {c.reason}
          </textarea>
          <p>
            <button type="submit" class="button-secondary">
              Refuser
            </button>
          </p>
        </form>
      </div>
    </article>
  );
}

export function ModerationPage(props: {
  c: HonoContext;
  items: Reviewed[];
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
  published?: string | undefined;
}) {
  const { c, items, flash, published } = props;
  return (
    <AdminLayout c={c} title="Œuvres proposées" section="contributions" flash={flash}>
      <h1>Œuvres proposées par les visiteurs</h1>
      {published ? (
        <p>
          <a href={workUrl(published)}>Voir l’œuvre publiée</a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>Aucune proposition en attente.</p>
      ) : (
        <p>
          {items.length} proposition(s) en attente. Rien n’est visible des visiteurs avant d’être
          publié.
        </p>
      )}
      <p>
        Les « merci » des lecteurs aux auteurs sont comptés dans les{' '}
        <a href="/admin/stats">statistiques</a>.
      </p>
      {items.map((r) => (
        <Item key={r.c.id} c={c} r={r} />
      ))}
    </AdminLayout>
  );
}
