import type { Context as HonoContext } from 'hono';
import { AdminLayout, CsrfField, csrfToken } from '../../admin/index.js';
import { checkAction, checkText } from '../falc.js';
import { DEVICES, GESTURES, LEVELS, SHAPES } from '../format.js';
import { DEVICE_NAMES } from '../messages.js';
import type { NoticeErrorRow } from '../repo.js';
import type { NoticeSummary } from '../service.js';
import { PALETTE } from '../shared/palette.js';
import { NoticePicture, gestureWords } from '../shared/picture.js';
import type { Draft } from './local.js';
import { fieldAnchor, fieldLabel, type FieldProblems } from './problems.js';
import { assetUrl } from '../../ui/asset-url.js';

const SHAPE_NAMES: Record<(typeof SHAPES)[number], string> = {
  circle: 'cercle',
  rectangle: 'rectangle',
  arrow: 'flèche',
};
const LICENCES = ['CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0'];

export interface ListData {
  installed: Array<NoticeSummary & { packId: string; hidden: boolean }>;
  /** The box's own notices (drafts), published or not. */
  drafts: Array<{ id: string; title: string; published: boolean }>;
  errors: NoticeErrorRow[];
  feedback: Map<string, { yes: number; neutral: number; no: number }>;
}

export function NoticesAdminPage({
  c,
  data,
  flash,
}: {
  c: HonoContext;
  data: ListData;
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}) {
  return (
    <AdminLayout c={c} title="Notices" section="notices" flash={flash}>
      <h1>Notices</h1>
      <p class="actions">
        <a class="button" href="/admin/notices/new">
          Écrire une nouvelle notice
        </a>
        {data.drafts.some((d) => d.published) && (
          <a class="button button-secondary" href="/admin/notices/export/notices-locales.zip">
            Exporter mes notices (pack pour d’autres boîtes)
          </a>
        )}
      </p>
      <h2>Notices installées</h2>
      {data.installed.length === 0 && <p>Aucune notice pour le moment.</p>}
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Notices installées">
        <table>
          <thead>
            <tr>
              <th scope="col">Titre</th>
              <th scope="col">Pack</th>
              <th scope="col" class="num">
                Étapes
              </th>
              <th scope="col">Avis (oui / un peu / non)</th>
              <th scope="col">Visiteurs</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.installed.map((n) => {
              const f = data.feedback.get(n.id) ?? { yes: 0, neutral: 0, no: 0 };
              return (
                <tr key={n.id}>
                  <td>
                    <a href={`/notices/${n.id}`}>{n.title}</a>
                  </td>
                  <td>{n.packId}</td>
                  <td class="num">{n.steps}</td>
                  <td>{`${f.yes} / ${f.neutral} / ${f.no}`}</td>
                  <td>{n.hidden ? 'Retirée' : 'Visible'}</td>
                  <td>
                    {data.drafts.some((d) => d.id === n.id) ? (
                      <a href={`/admin/notices/${n.id}/edit`}>Modifier</a>
                    ) : (
                      <>
                        <form method="post" action={`/admin/notices/${n.id}/copy`} class="inline">
                          <CsrfField c={c} />
                          <button
                            type="submit"
                            class="button-secondary"
                            aria-label={`Copier pour modifier : ${n.title}`}
                          >
                            Copier pour modifier
                          </button>
                        </form>{' '}
                        <form
                          method="post"
                          action={`/admin/notices/${n.id}/visibility`}
                          class="inline"
                        >
                          <CsrfField c={c} />
                          <input type="hidden" name="hidden" value={n.hidden ? '0' : '1'} />
                          <button
                            type="submit"
                            class="button-secondary"
                            aria-label={`${n.hidden ? 'Remontrer aux visiteurs' : 'Retirer des visiteurs'} : ${n.title}`}
                          >
                            {n.hidden ? 'Remontrer aux visiteurs' : 'Retirer des visiteurs'}
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.drafts.some((d) => !d.published) && (
        <>
          <h2>Brouillons (pas visibles par les visiteurs)</h2>
          <ul>
            {data.drafts
              .filter((d) => !d.published)
              .map((d) => (
                <li key={d.id}>
                  <a href={`/admin/notices/${d.id}/edit`}>{d.title}</a>
                </li>
              ))}
          </ul>
        </>
      )}
      {data.errors.length > 0 && (
        <>
          <h2>Notices refusées</h2>
          <p>Ces notices n’ont pas été installées. Le reste de leur pack est installé.</p>
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Notices refusées">
            <table>
              <thead>
                <tr>
                  <th scope="col">Pack</th>
                  <th scope="col">Fichier</th>
                  <th scope="col">Raison</th>
                </tr>
              </thead>
              <tbody>
                {data.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.pack_id}</td>
                    <td>{e.path}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}

export function NewNoticePage({ c }: { c: HonoContext }) {
  return (
    <AdminLayout c={c} title="Nouvelle notice" section="notices">
      <h1>Nouvelle notice</h1>
      <form method="post" action="/admin/notices/new" class="stack">
        <CsrfField c={c} />
        <label>
          Titre de la notice
          <span class="hint">Court et simple, par exemple « Envoyer un courriel ».</span>
          <input name="title" required maxLength={120} />
        </label>
        <button type="submit">Créer la notice</button>
      </form>
    </AdminLayout>
  );
}

function Falc({ text, action }: { text: string | undefined; action?: boolean }) {
  if (!text) return null;
  const warnings = action ? checkAction(text) : checkText(text);
  if (warnings.length === 0) return null;
  return (
    <ul class="falc-warnings">
      {warnings.map((w, i) => (
        <li key={i}>{w.message}</li>
      ))}
    </ul>
  );
}

/** A field's problem, next to it (and named by it for screen readers). */
function FieldError({ name, text }: { name: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="field-error" id={`erreur-${name}`}>
      {text}
    </p>
  );
}

/** Two tabs: what the other tab saved in this field, when it differs from this one. */
function OtherText({ text, mine }: { text: string | undefined; mine: string | undefined }) {
  if (text === undefined || (text ?? '') === (mine ?? '')) return null;
  return (
    <div class="other-text">
      <p>Enregistré entre-temps dans un autre onglet :</p>
      <blockquote>{text || '(vide)'}</blockquote>
    </div>
  );
}

function TextField({
  name,
  label,
  value,
  hint,
  rows = 2,
  error,
  other,
  action,
}: {
  name: string;
  label: string;
  value: string | undefined;
  hint?: string;
  rows?: number;
  error?: string | undefined;
  other?: string | undefined;
  action?: boolean;
}) {
  return (
    <div class={`field${error ? ' has-error' : ''}`} id={`champ-${name}`}>
      <label>
        {label}
        {hint && <span class="hint">{hint}</span>}
        <textarea
          name={name}
          rows={rows}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `erreur-${name}` : undefined}
        >
          {value ?? ''}
        </textarea>
      </label>
      <FieldError name={name} text={error} />
      <OtherText text={other} mine={value} />
      <Falc text={value} action={action ?? false} />
    </div>
  );
}

export interface EditData {
  draft: Draft;
  /** What keeps the notice from being published, one French sentence per field. */
  problems: FieldProblems;
  /** Visitors see a published copy; `pending`: the draft has changes they do not see. */
  published: boolean;
  pending: boolean;
  /** Two tabs: the version another tab saved while this one was written. */
  conflict?: Draft | undefined;
}

export function EditNoticePage({
  c,
  data,
  flash,
}: {
  c: HonoContext;
  data: EditData;
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}) {
  const { draft, problems, conflict } = data;
  const base = `/admin/notices/${draft.id}`;
  const token = csrfToken(c);
  const ready = problems.size === 0;
  const status = !data.published
    ? 'Brouillon : les visiteurs ne voient pas cette notice.'
    : data.pending
      ? 'Publiée. Vos dernières modifications ne sont pas encore publiées : les visiteurs voient la version d’avant.'
      : 'Publiée : les visiteurs voient cette notice.';
  return (
    <AdminLayout c={c} title={`Modifier : ${draft.title}`} section="notices" flash={flash}>
      <link rel="stylesheet" href={assetUrl('shared.css')} />
      <link rel="stylesheet" href={assetUrl('editor.css')} />
      <h1>{draft.title}</h1>
      <p class="notice-status" data-published={data.published ? '1' : '0'}>
        {status}
      </p>
      {ready ? (
        <p class="actions">
          Aperçu avant de publier : <a href={`${base}/preview`}>téléphone</a> ·{' '}
          <a href={`${base}/kiosk?step=1`}>borne</a> · <a href={`${base}/print`}>papier</a>
        </p>
      ) : (
        <div class="problems" role="status">
          <p>Avant de publier, il reste à faire :</p>
          <ul>
            {[...problems].map(([field, message]) => (
              <li key={field}>
                <a href={`#${fieldAnchor(field)}`}>{fieldLabel(field)}</a> : {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="hint js-only restored-note" hidden>
        Ce que vous aviez écrit sans l’enregistrer a été remis dans les champs. Vérifiez, puis
        enregistrez.
      </p>
      <form
        method="post"
        enctype="multipart/form-data"
        action={`${base}?_csrf=${encodeURIComponent(token)}`}
        class="editor"
        id="editor"
        data-notice={draft.id}
        data-revision={draft.version}
      >
        <CsrfField c={c} />
        {/* Two tabs: the version this page was written from (a newer saved one is a conflict). */}
        <input type="hidden" name="revision" value={conflict?.version ?? draft.version} />
        <fieldset class="stack">
          <legend>La notice</legend>
          <div class={`field${problems.get('title') ? ' has-error' : ''}`} id="champ-title">
            <label>
              Titre
              <input
                name="title"
                value={draft.title}
                maxLength={120}
                required
                aria-invalid={problems.get('title') ? 'true' : undefined}
                aria-describedby={problems.get('title') ? 'erreur-title' : undefined}
              />
            </label>
            <FieldError name="title" text={problems.get('title')} />
            <OtherText text={conflict?.title} mine={draft.title} />
            <Falc text={draft.title} />
          </div>
          <TextField
            name="summary"
            label="Résumé"
            value={draft.summary}
            hint="Deux ou trois phrases courtes."
            error={problems.get('summary')}
            other={conflict?.summary}
          />
          <label>
            Niveau
            <select name="level">
              {LEVELS.map((l) => (
                <option value={l} selected={draft.level === l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <fieldset id="champ-devices">
            <legend>Appareils</legend>
            <FieldError name="devices" text={problems.get('devices')} />
            {DEVICES.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  name="devices"
                  value={d}
                  checked={(draft.devices ?? []).includes(d)}
                />{' '}
                {DEVICE_NAMES[d] ?? d}
              </label>
            ))}
          </fieldset>
          <label>
            Durée (minutes)
            <input name="duration" type="number" min={1} max={600} value={String(draft.duration)} />
          </label>
          <label>
            Thèmes <span class="hint">Séparés par des virgules.</span>
            <input name="themes" value={(draft.themes ?? []).join(', ')} />
          </label>
          <TextField
            name="needs"
            label="Ce qu’il vous faut"
            value={(draft.needs ?? []).join('\n')}
            hint="Une chose par ligne."
            rows={3}
            error={problems.get('needs')}
            other={conflict ? (conflict.needs ?? []).join('\n') : undefined}
          />
          <TextField
            name="remember"
            label="À retenir (facultatif)"
            value={(draft.remember ?? []).join('\n')}
            hint="Les conseils qui ne sont pas une action, une phrase par ligne. Ils sont montrés dans un cadre « À retenir »."
            rows={3}
            error={problems.get('remember')}
            other={conflict ? (conflict.remember ?? []).join('\n') : undefined}
          />
          <div class="field" id="champ-authors">
            <label>
              Auteurs <span class="hint">Séparés par des virgules.</span>
              <input
                name="authors"
                value={draft.authors.join(', ')}
                aria-invalid={problems.get('authors') ? 'true' : undefined}
                aria-describedby={problems.get('authors') ? 'erreur-authors' : undefined}
              />
            </label>
            <FieldError name="authors" text={problems.get('authors')} />
          </div>
          <label>
            Licence
            <select name="licence">
              {LICENCES.map((l) => (
                <option value={l} selected={draft.licence === l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <ol class="editor-steps">
          {draft.steps.map((step, i) => {
            const n = i + 1;
            const p = `s${n}.`;
            const hasPicture = !!step.picture.path && step.picture.width > 0;
            const rows = [...(step.markers ?? []), null];
            // A new marker takes the first colour the step does not use yet.
            const used = new Set((step.markers ?? []).map((m) => m.colour));
            const nextColour = PALETTE.find((c) => !used.has(c.key))?.key ?? 'rouge';
            const other = conflict?.steps[i];
            const pictureError = problems.get(`${p}picture`);
            return (
              <li class="editor-step" key={i} id={`etape-${n}`}>
                <fieldset class="stack">
                  <legend>Étape {n}</legend>
                  <TextField
                    name={`${p}action`}
                    label="L’action (une seule)"
                    value={step.action}
                    hint="Écrivez la couleur puis {1} pour montrer le repère rouge : « Touchez Envoyer, entouré en rouge {1}. » ({2} : bleu, {3} : vert…)"
                    error={problems.get(`${p}action`)}
                    other={conflict ? (other?.action ?? '') : undefined}
                    action
                  />
                  <div class="editor-picture" data-step={n}>
                    {hasPicture ? (
                      <NoticePicture
                        src={`${base}/pictures/${step.picture.path}`}
                        width={step.picture.width}
                        height={step.picture.height}
                        markers={(step.markers ?? []).map((m) => ({ ...m }))}
                        label={`Image de l’étape ${n}`}
                      />
                    ) : (
                      <p class="hint">Pas encore d’image.</p>
                    )}
                    <p class="hint js-only">Touchez l’image pour placer un nouveau repère.</p>
                  </div>
                  <div class={`field${pictureError ? ' has-error' : ''}`} id={`champ-${p}picture`}>
                    <label>
                      Nouvelle image (photo ou capture d’écran, PNG, JPEG, WebP ou GIF, 5 Mo au
                      plus)
                      <input
                        type="file"
                        name={`${p}picture`}
                        accept="image/png,image/jpeg,image/webp,image/gif"
                        data-max-bytes={5 * 1024 * 1024}
                        aria-invalid={pictureError ? 'true' : undefined}
                        aria-describedby={pictureError ? `erreur-${p}picture` : undefined}
                      />
                    </label>
                    <FieldError name={`${p}picture`} text={pictureError} />
                    <button type="submit" name="op" value={`picture-${n}`} class="button-secondary">
                      Envoyer l’image de l’étape {n}
                    </button>
                  </div>
                  <label>
                    Description de l’image{' '}
                    <span class="hint">Pour les personnes qui ne voient pas.</span>
                    <input name={`${p}alt`} value={step.picture.alt ?? ''} maxLength={300} />
                  </label>
                  <div
                    class="table-wrap"
                    tabIndex={0}
                    role="region"
                    aria-label={`Repères de l’étape ${n}`}
                  >
                    <table class="markers">
                      <caption>Repères sur l’image (position et taille de 0 à 1)</caption>
                      <thead>
                        <tr>
                          <th scope="col">Forme</th>
                          <th scope="col">Geste</th>
                          <th scope="col">Couleur</th>
                          <th scope="col">x</th>
                          <th scope="col">y</th>
                          <th scope="col">largeur</th>
                          <th scope="col">hauteur</th>
                          <th scope="col">Retirer</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((m, j) => {
                          const q = `${p}m${j + 1}.`;
                          const label = (what: string) => `Étape ${n}, repère ${j + 1} : ${what}`;
                          const markerError = problems.get(`${p}m${j + 1}`);
                          return (
                            <tr
                              key={j}
                              class={`${m ? 'marker-row' : 'marker-row marker-new'}${markerError ? ' has-error' : ''}`}
                              title={markerError}
                            >
                              <td>
                                <select name={`${q}shape`} aria-label={label('forme')}>
                                  {!m && <option value="">(aucun)</option>}
                                  {SHAPES.map((s) => (
                                    <option value={s} selected={m?.shape === s}>
                                      {SHAPE_NAMES[s]}
                                    </option>
                                  ))}
                                </select>
                              </td>
                              <td>
                                <select name={`${q}gesture`} aria-label={label('geste')}>
                                  {GESTURES.map((g) => (
                                    <option value={g} selected={(m?.gesture ?? 'tap') === g}>
                                      {gestureWords(g, 'fr')}
                                    </option>
                                  ))}
                                </select>
                              </td>
                              <td>
                                <select name={`${q}colour`} aria-label={label('couleur')}>
                                  {PALETTE.map((c) => (
                                    <option
                                      value={c.key}
                                      selected={(m?.colour ?? nextColour) === c.key}
                                    >
                                      {`${c.number} ${c.key}`}
                                    </option>
                                  ))}
                                </select>
                              </td>
                              {(['x', 'y', 'w', 'h'] as const).map((k) => (
                                <td key={k}>
                                  <input
                                    name={`${q}${k}`}
                                    type="number"
                                    min={0}
                                    max={1}
                                    step={0.0001}
                                    value={m ? String(m[k]) : ''}
                                    aria-label={label(
                                      k === 'x'
                                        ? 'x'
                                        : k === 'y'
                                          ? 'y'
                                          : k === 'w'
                                            ? 'largeur'
                                            : 'hauteur',
                                    )}
                                  />
                                </td>
                              ))}
                              <td>
                                {m && (
                                  <input
                                    type="checkbox"
                                    name={`${q}remove`}
                                    value="1"
                                    aria-label={label('retirer')}
                                  />
                                )}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                  {[...problems]
                    .filter(([k]) => k.startsWith(`${p}m`))
                    .map(([k, message]) => (
                      <p class="field-error" key={k}>
                        {message}
                      </p>
                    ))}
                  <TextField
                    name={`${p}tip`}
                    label="Astuce (facultatif)"
                    value={step.tip}
                    error={problems.get(`${p}tip`)}
                    other={conflict ? (other?.tip ?? '') : undefined}
                  />
                  <TextField
                    name={`${p}warning`}
                    label="Attention (facultatif)"
                    value={step.warning}
                    error={problems.get(`${p}warning`)}
                    other={conflict ? (other?.warning ?? '') : undefined}
                  />
                  <TextField
                    name={`${p}result`}
                    label="Résultat attendu (facultatif)"
                    value={step.result}
                    hint="« Vous voyez maintenant… »"
                    error={problems.get(`${p}result`)}
                    other={conflict ? (other?.result ?? '') : undefined}
                  />
                  <p class="actions">
                    <button
                      type="submit"
                      name="op"
                      value={`up-${n}`}
                      class="button-secondary"
                      disabled={n === 1}
                    >
                      Monter l’étape {n}
                    </button>
                    <button
                      type="submit"
                      name="op"
                      value={`down-${n}`}
                      class="button-secondary"
                      disabled={n === draft.steps.length}
                    >
                      Descendre l’étape {n}
                    </button>
                    <button
                      type="submit"
                      name="op"
                      value={`delete-${n}`}
                      class="button-secondary"
                      disabled={draft.steps.length === 1}
                    >
                      Supprimer l’étape {n}
                    </button>
                  </p>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p class="actions editor-save">
          <button type="submit" name="op" value="add-step" class="button-secondary">
            Ajouter une étape
          </button>
          <button type="submit" name="op" value="save">
            Enregistrer le brouillon
          </button>
          {(!data.published || data.pending) && (
            <button type="submit" name="op" value="publish">
              {data.published ? 'Publier les modifications' : 'Publier'}
            </button>
          )}
          {data.published && (
            <button type="submit" name="op" value="unpublish" class="button-secondary">
              Retirer des visiteurs
            </button>
          )}
        </p>
      </form>
      <form method="post" action={`${base}/delete`} class="actions">
        <CsrfField c={c} />
        <button type="submit" class="button-secondary">
          Supprimer cette notice
        </button>
      </form>
      <script src={assetUrl('editor.js')} defer />
    </AdminLayout>
  );
}
