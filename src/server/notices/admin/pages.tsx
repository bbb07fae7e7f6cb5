import type { Context as HonoContext } from 'hono';
import { AdminLayout, CsrfField, csrfToken } from '../../admin/index.js';
import { checkText } from '../falc.js';
import { DEVICES, GESTURES, LEVELS, SHAPES } from '../format.js';
import { DEVICE_NAMES } from '../messages.js';
import type { NoticeErrorRow } from '../repo.js';
import type { NoticeSummary } from '../service.js';
import { PALETTE } from '../shared/palette.js';
import { NoticePicture, gestureWords } from '../shared/picture.js';
import type { Draft } from './local.js';
import { assetUrl } from '../../ui/asset-url.js';

const SHAPE_NAMES: Record<(typeof SHAPES)[number], string> = {
  circle: 'cercle',
  rectangle: 'rectangle',
  arrow: 'flèche',
};
const LICENCES = ['CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0'];

export interface ListData {
  installed: Array<NoticeSummary & { packId: string }>;
  local: string[];
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
        {data.local.length > 0 && (
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
                  <td>
                    {data.local.includes(n.id) ? (
                      <a href={`/admin/notices/${n.id}/edit`}>Modifier</a>
                    ) : (
                      <form method="post" action={`/admin/notices/${n.id}/copy`} class="inline">
                        <CsrfField c={c} />
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={`Copier pour modifier : ${n.title}`}
                        >
                          Copier pour modifier
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.local.filter((id) => !data.installed.some((n) => n.id === id)).length > 0 && (
        <>
          <h2>Brouillons pas encore visibles</h2>
          <ul>
            {data.local
              .filter((id) => !data.installed.some((n) => n.id === id))
              .map((id) => (
                <li key={id}>
                  <a href={`/admin/notices/${id}/edit`}>{id}</a>
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

function Falc({ text }: { text: string | undefined }) {
  if (!text) return null;
  const warnings = checkText(text);
  if (warnings.length === 0) return null;
  return (
    <ul class="falc-warnings">
      {warnings.map((w, i) => (
        <li key={i}>{w.message}</li>
      ))}
    </ul>
  );
}

function TextField({
  name,
  label,
  value,
  hint,
  rows = 2,
}: {
  name: string;
  label: string;
  value: string | undefined;
  hint?: string;
  rows?: number;
}) {
  return (
    <div class="field">
      <label>
        {label}
        {hint && <span class="hint">{hint}</span>}
        <textarea name={name} rows={rows}>
          {value ?? ''}
        </textarea>
      </label>
      <Falc text={value} />
    </div>
  );
}

export interface EditData {
  draft: Draft;
  /** The validation problem that keeps the notice from showing, if any. */
  problem: string | null;
  installed: boolean;
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
  const { draft } = data;
  const base = `/admin/notices/${draft.id}`;
  const token = csrfToken(c);
  return (
    <AdminLayout c={c} title={`Modifier : ${draft.title}`} section="notices" flash={flash}>
      <link rel="stylesheet" href={assetUrl('shared.css')} />
      <link rel="stylesheet" href={assetUrl('editor.css')} />
      <h1>{draft.title}</h1>
      {data.problem ? (
        <p class="warning" role="status">
          Pas encore visible par les visiteurs : {data.problem}
        </p>
      ) : (
        <p class="actions">
          Aperçu : <a href={`/notices/${draft.id}`}>téléphone</a> ·{' '}
          <a href={`${base}/kiosk?step=1`}>borne</a> ·{' '}
          <a href={`/notices/${draft.id}/print`}>papier</a>
        </p>
      )}
      <form method="post" action={base} class="editor" id="editor">
        <CsrfField c={c} />
        <fieldset class="stack">
          <legend>La notice</legend>
          <label>
            Titre
            <input name="title" value={draft.title} maxLength={120} required />
          </label>
          <Falc text={draft.title} />
          <TextField
            name="summary"
            label="Résumé"
            value={draft.summary}
            hint="Deux ou trois phrases courtes."
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
          <fieldset>
            <legend>Appareils</legend>
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
          />
          <label>
            Auteurs <span class="hint">Séparés par des virgules.</span>
            <input name="authors" value={draft.authors.join(', ')} />
          </label>
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
            return (
              <li class="editor-step" key={i} id={`etape-${n}`}>
                <fieldset class="stack">
                  <legend>Étape {n}</legend>
                  <TextField
                    name={`${p}action`}
                    label="L’action (une seule)"
                    value={step.action}
                    hint="Écrivez {1} pour citer le repère 1 (rouge), {2} pour le 2 (bleu)…"
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
                  <label>
                    Nouvelle image (photo ou capture d’écran, PNG, JPEG, WebP ou GIF, 5 Mo au plus)
                    <input
                      type="file"
                      name="picture"
                      accept="image/png,image/jpeg,image/webp,image/gif"
                      form={`upload-${n}`}
                    />
                  </label>
                  <button type="submit" form={`upload-${n}`} class="button-secondary">
                    Envoyer l’image de l’étape {n}
                  </button>
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
                          return (
                            <tr key={j} class={m ? 'marker-row' : 'marker-row marker-new'}>
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
                  <TextField name={`${p}tip`} label="Astuce (facultatif)" value={step.tip} />
                  <TextField
                    name={`${p}warning`}
                    label="Attention (facultatif)"
                    value={step.warning}
                  />
                  <TextField
                    name={`${p}result`}
                    label="Résultat attendu (facultatif)"
                    value={step.result}
                    hint="« Vous voyez maintenant… »"
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
            Enregistrer
          </button>
        </p>
      </form>
      {draft.steps.map((_, i) => (
        <form
          key={i}
          id={`upload-${i + 1}`}
          method="post"
          enctype="multipart/form-data"
          action={`${base}/steps/${i + 1}/picture?_csrf=${encodeURIComponent(token)}`}
        />
      ))}
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
