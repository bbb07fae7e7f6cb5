import type { Typed } from '../../http/form.js';
import type { Context as HonoContext } from 'hono';
import { CsrfField } from '../../admin/ui/csrf.js';
import { TableWrap } from '../../admin/ui/table.js';
import { allLicences, allowedByPolicy } from '../../catalogue/licences.js';
import type { Pack } from '../../catalogue/types.js';
import type { StoredKey } from '../trust/store.js';
import type { SortSession } from '../watch/sorting.js';
import { workTypeLabel } from '../../../shared/work-types.js';
import { mo, ORIGIN_LABELS } from './format.js';

function LicenceSelect({
  id,
  value,
  policy,
}: {
  id: string;
  value: string;
  policy: 'free-culture' | 'all-cc';
}) {
  return (
    <select id={id} name={id}>
      <option value="" selected={value === ''}>
        — choisir —
      </option>
      {allLicences()
        .filter((l) => allowedByPolicy(l.id, policy))
        .map((l) => (
          <option key={l.id} value={l.id} selected={l.id === value}>
            {l.name}
          </option>
        ))}
    </select>
  );
}

/** A stick with files but no pack: the animateur confirms what to keep. */
export function SortForm({
  c,
  session,
  policy,
  typed,
}: {
  c: HonoContext;
  session: SortSession;
  policy: 'free-culture' | 'all-cc';
  /** A refused publication of this stick: the boxes and fields as the animateur left them. */
  typed?: Typed | undefined;
}) {
  const as = (name: string, saved: string) => typed?.[name] ?? saved;
  const open = ['ready', 'failed', 'published'].includes(session.state);
  return (
    <section aria-labelledby={`sort-${session.label}`}>
      <h3 id={`sort-${session.label}`}>{`Clé « ${session.label} »`}</h3>
      <p role="status">{session.message}</p>
      {session.errors.length > 0 && (
        <ul class="warning">
          {session.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {open && session.files.length > 0 && (
        <form method="post" action="/admin/packs/sort/publish">
          <CsrfField c={c} />
          <input type="hidden" name="stick" value={session.stick} />
          <TableWrap label={`Fichiers de la clé ${session.label}`}>
            <table>
              <caption>
                Cochez les fichiers à publier, vérifiez leur titre et choisissez leur licence.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Publier</th>
                  <th scope="col">Fichier</th>
                  <th scope="col">Titre</th>
                  <th scope="col">Auteurs</th>
                  <th scope="col">Licence</th>
                </tr>
              </thead>
              <tbody>
                {session.files.map((f) => (
                  <tr key={f.index}>
                    <td>
                      <input
                        type="checkbox"
                        id={`include-${f.index}`}
                        name={`include-${f.index}`}
                        value="1"
                        checked={typed?.[`include-${f.index}`] === '1'}
                        disabled={f.published}
                        aria-label={`Publier ${f.rel}`}
                      />
                    </td>
                    <th scope="row">
                      <label for={`include-${f.index}`}>{f.rel}</label>
                      <br />
                      <small>{`${workTypeLabel('fr', f.type).toLocaleLowerCase('fr')}, ${mo(f.size)}${f.published ? ' — déjà publié' : ''}`}</small>
                      {f.note && (
                        <>
                          <br />
                          <small>{f.note}</small>
                        </>
                      )}
                    </th>
                    <td>
                      <input
                        name={`title-${f.index}`}
                        value={as(`title-${f.index}`, f.title)}
                        maxLength={300}
                        aria-label={`Titre de ${f.rel}`}
                      />
                    </td>
                    <td>
                      <input
                        name={`authors-${f.index}`}
                        value={as(`authors-${f.index}`, f.authors)}
                        maxLength={500}
                        aria-label={`Auteurs de ${f.rel}`}
                      />
                    </td>
                    <td>
                      <label
                        class="visually-hidden"
                        for={`licence-${f.index}`}
                      >{`Licence de ${f.rel}`}</label>
                      <LicenceSelect
                        id={`licence-${f.index}`}
                        value={as(`licence-${f.index}`, f.licence)}
                        policy={policy}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            <button type="submit">Publier les fichiers cochés dans le fonds local</button>
          </p>
        </form>
      )}
    </section>
  );
}

export function InstalledPacks({
  c,
  packs,
  sticks,
}: {
  c: HonoContext;
  packs: Pack[];
  sticks: Array<{ root: string; label: string }>;
}) {
  if (packs.length === 0) return <p>Aucun pack n'est installé.</p>;
  return (
    <TableWrap label="Tableau des packs installés">
      <table>
        <thead>
          <tr>
            <th scope="col">Pack</th>
            <th scope="col">Version</th>
            <th scope="col" class="num">
              Œuvres
            </th>
            <th scope="col">Origine</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {packs.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.title}
                <br />
                <small>{p.id}</small>
              </th>
              <td>{p.version}</td>
              <td class="num">{p.workCount}</td>
              <td>{ORIGIN_LABELS[p.origin]}</td>
              <td>
                <p>
                  <a
                    href={`/admin/packs/installed/${encodeURIComponent(p.id)}/remove`}
                  >{`Retirer « ${p.title} »…`}</a>
                </p>
                {sticks.length > 0 && (
                  <form
                    method="post"
                    action={`/admin/packs/installed/${encodeURIComponent(p.id)}/export`}
                    class="inline"
                  >
                    <CsrfField c={c} />
                    <label>
                      {`Exporter « ${p.title} » vers `}
                      <select name="target">
                        {sticks.map((s) => (
                          <option key={s.root} value={s.root}>
                            {s.label}
                          </option>
                        ))}
                      </select>
                    </label>{' '}
                    <button type="submit">Exporter</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function TrustedKeys({
  c,
  keys,
  typed,
}: {
  c: HonoContext;
  keys: StoredKey[];
  typed?: Typed | undefined;
}) {
  return (
    <>
      <p>
        Une clé de confiance, c'est la signature d'un éditeur de packs que vous connaissez (par
        exemple votre réseau de bibliothèques). Un pack qui porte cette signature vient bien de lui
        et n'a pas été modifié en route : la boîte l'ajoute sans vous demander. Sans clé, rien ne
        change : vous acceptez chaque pack vous-même.
      </p>
      {keys.length === 0 ? (
        <p>Aucune clé de confiance pour l'instant : chaque pack attend votre accord.</p>
      ) : (
        <TableWrap label="Tableau des clés de confiance">
          <table>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Clé publique</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.publicKey}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.publicKey}</code>
                  </td>
                  <td>
                    <form method="post" action="/admin/packs/keys/remove">
                      <CsrfField c={c} />
                      <input type="hidden" name="key" value={k.publicKey} />
                      <button
                        type="submit"
                        class="button-secondary"
                      >{`Retirer la clé « ${k.name} »`}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form method="post" action="/admin/packs/keys/add" class="stack">
        <CsrfField c={c} />
        <label>
          Nom de la clé (qui signe ces packs)
          <input name="name" required maxLength={100} value={typed?.['name'] ?? ''} />
        </label>
        <label>
          Clé publique de l'éditeur
          <span class="hint" id="key-hint">
            Une ligne de 44 lettres et chiffres que l'éditeur vous a donnée (par courriel ou sur
            papier). Ajoutez seulement la clé d'un éditeur que vous connaissez.
          </span>
          <input
            name="key"
            required
            maxLength={60}
            value={typed?.['key'] ?? ''}
            aria-describedby="key-hint"
            autocomplete="off"
            spellcheck={false}
          />
        </label>
        <p>
          <button type="submit">Ajouter la clé</button>
        </p>
      </form>
      <details>
        <summary>Pour un technicien : créer une clé et signer des packs</summary>
        <p>
          Sur l'ordinateur qui prépare les packs :{' '}
          <code>npx lanterne pack keygen --out reseau.key</code> affiche la clé publique (44
          caractères) à donner aux bibliothèques, puis{' '}
          <code>npx lanterne pack sign mon-dossier --key reseau.key</code> signe un pack. Le fichier{' '}
          <code>reseau.key</code> reste secret. Voir « docs/pack-tool.md ».
        </p>
      </details>
    </>
  );
}
