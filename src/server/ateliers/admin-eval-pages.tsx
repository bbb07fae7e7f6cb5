import type { Context as HonoContext } from 'hono';
import { CsrfField } from '../admin/ui/csrf.js';
import { AdminLayout } from '../admin/ui/layout.js';
import { assetUrl } from '../ui/asset-url.js';
import {
  K_MIN,
  type Analysis,
  type CoreResults,
  type Distribution,
  type PeriodAnalysis,
} from './analysis.js';
import { CORE } from './evaluation.js';
import type { ItemRow } from './repo.js';
import type { Atelier, Question } from './service.js';
import { dateTimeLabel, hourLabel } from './time.js';

export interface QuestionDraft {
  text: string;
  kind: string;
  choices: string;
  error?: { field: 'text' | 'choices'; text: string };
}

/** The evaluation block of a workshop's admin page. */
export function EvaluationSection(props: {
  c: HonoContext;
  a: Atelier;
  open: boolean;
  clockKnown: boolean;
  questions: Question[];
  answers: number;
  draft: QuestionDraft;
  participantUrl: string;
  qrSvg: string;
}) {
  const { c, a, open, clockKnown, questions, answers, draft, participantUrl, qrSvg } = props;
  const base = `/admin/ateliers/${a.id}`;
  return (
    <section aria-labelledby="evaluation">
      <h2 id="evaluation">Évaluation par les participants</h2>
      <p>{`${answers} réponse${answers > 1 ? 's' : ''} reçue${answers > 1 ? 's' : ''}.`}</p>
      {open && a.evalClosesAt ? (
        <>
          <p class="flash flash-ok">
            {`L’évaluation est ouverte jusqu’à ${hourLabel(a.evalClosesAt)}. Les participants
            répondent avec leur téléphone à cette adresse :`}{' '}
            <strong>{participantUrl}</strong>
          </p>
          <div
            class="qr"
            role="img"
            aria-label={`QR code vers ${participantUrl}`}
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <form method="post" action={`${base}/evaluation/close`}>
            <CsrfField c={c} />
            <button type="submit">Fermer l’évaluation</button>
          </form>
        </>
      ) : clockKnown ? (
        <form method="post" action={`${base}/evaluation/open`} class="actions">
          <CsrfField c={c} />
          <label>
            Ouvrir pendant{' '}
            <select name="minutes">
              {[15, 30, 60, 120].map((m) => (
                <option key={m} value={String(m)} selected={m === 30}>
                  {m < 60 ? `${m} minutes` : `${m / 60} h`}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">Ouvrir l’évaluation</button>
        </form>
      ) : (
        <p class="warning">
          L’évaluation ne peut pas s’ouvrir tant que la boîte ne connaît pas l’heure.
        </p>
      )}
      <p>
        <a href={`${base}/analyse`}>Voir l’analyse des réponses</a>
      </p>
      <h3>Vos questions en plus</h3>
      <p>
        Les 5 questions communes viennent d’abord (utile, clair, « je sais le refaire seul·e » avant
        et après, reviendriez-vous). Ajoutez ici les vôtres.
      </p>
      {questions.length > 0 && (
        <ol>
          {questions.map((q) => (
            <li key={q.id}>
              {q.text}{' '}
              <span class="hint">
                {q.kind === 'open' ? '(réponse libre)' : `(choix : ${q.choices.join(' / ')})`}
              </span>
              <form method="post" action={`${base}/questions/${q.id}/delete`} class="inline">
                <CsrfField c={c} />
                <button type="submit" aria-label={`Retirer la question « ${q.text} »`}>
                  Retirer
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`${base}/questions`} class="stack" novalidate>
        <CsrfField c={c} />
        <label>
          Question
          {draft.error?.field === 'text' && (
            <span class="field-error" id="qtext-error">
              {draft.error.text}
            </span>
          )}
          <input
            name="text"
            value={draft.text}
            maxLength={200}
            aria-invalid={draft.error?.field === 'text' ? 'true' : undefined}
            aria-describedby={draft.error?.field === 'text' ? 'qtext-error' : undefined}
          />
        </label>
        <fieldset>
          <legend>Type de réponse</legend>
          <label>
            <input type="radio" name="kind" value="choice" checked={draft.kind !== 'open'} /> Un
            choix dans une liste
          </label>
          <label>
            <input type="radio" name="kind" value="open" checked={draft.kind === 'open'} /> Une
            réponse libre (texte)
          </label>
        </fieldset>
        <label>
          Choix possibles (un par ligne)
          <span class="hint" id="choices-hint">
            Pour un choix dans une liste : de 2 à 6 choix.
          </span>
          {draft.error?.field === 'choices' && (
            <span class="field-error" id="choices-error">
              {draft.error.text}
            </span>
          )}
          <textarea
            name="choices"
            aria-invalid={draft.error?.field === 'choices' ? 'true' : undefined}
            aria-describedby={
              draft.error?.field === 'choices' ? 'choices-hint choices-error' : 'choices-hint'
            }
          >
            {draft.choices}
          </textarea>
        </label>
        <button type="submit">Ajouter la question</button>
      </form>
    </section>
  );
}

function Bars({ d, labels }: { d: Distribution; labels: [string, string, string] }) {
  const total = d.oui + d.moyen + d.non + d.sans_reponse;
  const rows: Array<[string, number]> = [
    [labels[0], d.oui],
    [labels[1], d.moyen],
    [labels[2], d.non],
    ['Sans réponse', d.sans_reponse],
  ];
  return (
    <table class="dist">
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="num">{n}</td>
            <td>
              {/* An SVG bar: sized by attributes, so the strict CSP (no inline style) holds. */}
              <svg class="bar" width="120" height="14" aria-hidden="true" focusable="false">
                <rect width={total ? Math.round((n / total) * 120) : 0} height="14" />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The analysis, shared by the admin page and the printable summary. */
export function AnalysisView({ an }: { an: CoreResults & { questions?: Analysis['questions'] } }) {
  if (!an.suffisant)
    return (
      <p class="warning">
        {`Pas assez de réponses : ${an.reponses} pour l’instant. Les résultats s’affichent à partir de ${K_MIN} réponses, pour que personne ne soit reconnu.`}
      </p>
    );
  const p = an.progression!;
  return (
    <>
      <p>{`${an.reponses} personnes ont répondu.`}</p>
      <h2>« Je sais le refaire seul·e » : avant et après</h2>
      <p>
        {`${p.progres} personne${p.progres > 1 ? 's ont' : ' a'} progressé, ${p.stable} ${p.stable > 1 ? 'sont restées' : 'est restée'} au même niveau, ${p.recul} en recul (sur ${p.paires} ayant répondu aux deux questions).`}
      </p>
      {p.moyenne_avant !== null && (
        <p>{`Moyenne sur 3 : ${p.moyenne_avant} avant, ${p.moyenne_apres} après.`}</p>
      )}
      <div class="dist-grid">
        {CORE.map((q) => (
          <section key={q.key}>
            <h3>{q.text}</h3>
            <Bars d={an.socle![q.key]} labels={[q.labels.yes, q.labels.neutral, q.labels.no]} />
          </section>
        ))}
      </div>
      {(an.questions ?? []).map((q) => (
        <section key={q.id}>
          <h3>{q.texte}</h3>
          {q.choix ? (
            <table class="dist">
              <tbody>
                {Object.entries(q.choix).map(([label, n]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td class="num">{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <ul>
              {(q.textes_gardes ?? []).map((t, i) => (
                <li key={i} class="prewrap">
                  {t}
                </li>
              ))}
              {(q.textes_gardes ?? []).length === 0 && <li>Aucune réponse gardée.</li>}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export function AnalysisPage(props: {
  c: HonoContext;
  a: Atelier;
  an: Analysis;
  questions: Question[];
  texts: ItemRow[];
}) {
  const { c, a, an, questions, texts } = props;
  const base = `/admin/ateliers/${a.id}`;
  const textOf = (id: number) => questions.find((q) => q.id === id)?.text ?? '';
  return (
    <AdminLayout c={c} title={`Analyse : ${a.title}`} section="ateliers">
      <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      <p>
        <a href={base}>← Retour à l’atelier</a>
      </p>
      <h1>{`Analyse : ${a.title}`}</h1>
      <p>{dateTimeLabel(a.startsAt)}</p>
      <p class="actions">
        <a class="button" href={`${base}/synthese`}>
          Synthèse à imprimer
        </a>{' '}
        <a href={`${base}/export/evaluation.csv`}>Export CSV</a> ·{' '}
        <a href={`${base}/export/evaluation.json`}>Export JSON</a>
      </p>
      <AnalysisView an={an} />
      <h2>Réponses libres à relire</h2>
      <p>
        Ces textes ne sont jamais montrés au public. Gardez ceux qui sont utiles ; supprimez ceux
        qui contiennent un nom ou une information personnelle. Seuls les textes gardés sont
        exportés.
      </p>
      {texts.length === 0 ? (
        <p>Aucune réponse libre.</p>
      ) : (
        <ul class="agenda">
          {texts.map((t) => (
            <li key={`${t.answer_id}-${t.question_id}`}>
              <p class="hint">{textOf(t.question_id)}</p>
              <p class="prewrap">{t.text}</p>
              <p>{t.status === 'kept' ? 'Gardée.' : 'À relire.'}</p>
              <form
                method="post"
                action={`${base}/textes/${t.answer_id}/${t.question_id}`}
                class="actions"
              >
                <CsrfField c={c} />
                {t.status !== 'kept' && (
                  <button type="submit" name="op" value="keep">
                    Garder
                  </button>
                )}{' '}
                <button type="submit" name="op" value="delete">
                  Supprimer
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

/** The one-page summary to print for the team and funders. */
export function SummaryPage({
  a,
  an,
  libraryName,
}: {
  a: Atelier;
  an: Analysis;
  libraryName: string;
}) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Synthèse : ${a.title} · ${libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      </head>
      <body>
        <main class="summary">
          <p class="no-print">
            <a href={`/admin/ateliers/${a.id}/analyse`}>← Retour à l’analyse</a>
          </p>
          <p>{`${libraryName} · Évaluation par les participants`}</p>
          <h1>{a.title}</h1>
          <p>{`${dateTimeLabel(a.startsAt)} · ${a.durationMin} min · niveau ${a.level}`}</p>
          <AnalysisView an={an} />
          <p class="hint">
            Réponses anonymes, données par les participants sur leur téléphone. Aucune adresse ni
            identifiant n’est gardé.
          </p>
        </main>
      </body>
    </html>
  );
}

function PeriodView({ pa }: { pa: PeriodAnalysis }) {
  return (
    <>
      <AnalysisView an={pa} />
      <h2>Les ateliers du mois</h2>
      {pa.ateliers.length === 0 ? (
        <p>Aucun atelier ce mois-ci.</p>
      ) : (
        <ul>
          {pa.ateliers.map((w) => (
            <li key={w.id}>
              {`${dateTimeLabel(new Date(w.debut))} · ${w.titre} · ${w.reponses} réponse${w.reponses > 1 ? 's' : ''}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const monthLabel = (mois: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${mois}-15T12:00:00Z`),
  );

/** All the workshops of a month together (`/admin/ateliers/periode?mois=2026-11`). */
export function PeriodPage({ c, pa }: { c: HonoContext; pa: PeriodAnalysis }) {
  const q = `?mois=${pa.periode.mois}`;
  return (
    <AdminLayout c={c} title={`Bilan de ${monthLabel(pa.periode.mois)}`} section="ateliers">
      <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      <p>
        <a href="/admin/ateliers">← Retour aux ateliers</a>
      </p>
      <h1>{`Bilan des évaluations : ${monthLabel(pa.periode.mois)}`}</h1>
      <form method="get" action="/admin/ateliers/periode" class="actions">
        <label>
          Mois
          <input type="month" name="mois" value={pa.periode.mois} required />
        </label>{' '}
        <button type="submit">Voir ce mois</button>
      </form>
      <p>
        Les questions communes à tous les ateliers, ensemble ; les questions propres à un atelier
        sont sur la page de cet atelier.
      </p>
      <p class="actions">
        <a class="button" href={`/admin/ateliers/periode/synthese${q}`}>
          Synthèse à imprimer
        </a>{' '}
        <a href={`/admin/ateliers/periode/export.json${q}`}>Export JSON</a>
      </p>
      <PeriodView pa={pa} />
    </AdminLayout>
  );
}

/** The month's one-page summary to print for the team and funders. */
export function PeriodSummaryPage({
  pa,
  libraryName,
}: {
  pa: PeriodAnalysis;
  libraryName: string;
}) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Bilan de ${monthLabel(pa.periode.mois)} · ${libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      </head>
      <body>
        <main class="summary">
          <p class="no-print">
            <a href={`/admin/ateliers/periode?mois=${pa.periode.mois}`}>← Retour au bilan</a>
          </p>
          <p>{`${libraryName} · Évaluation des ateliers par les participants`}</p>
          <h1>{`Bilan de ${monthLabel(pa.periode.mois)}`}</h1>
          <PeriodView pa={pa} />
          <p class="hint">
            Réponses anonymes, données par les participants sur leur téléphone ou sur la borne.
            Aucune adresse ni identifiant n’est gardé.
          </p>
        </main>
      </body>
    </html>
  );
}
