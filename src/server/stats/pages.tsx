import type { Context as HonoContext } from 'hono';
import type { ComponentChildren } from 'preact';
import { AdminLayout } from '../admin/ui/layout.js';
import { Face } from '../notices/shared/face.js';
import { CsrfField } from '../admin/ui/csrf.js';
import { TableWrap } from '../admin/ui/table.js';
import { BarChart } from './charts.js';
import {
  capitalised,
  periodChoices,
  periodInWords,
  shortDayInWords,
  stepPeriod,
  type PeriodLink,
} from './dates.js';
import type { Period } from './period.js';
import type { Report } from './report.js';
import type { Stick } from './usb.js';

const FACES = [
  ['yes', 'oui'],
  ['neutral', 'moyen'],
  ['no', 'non'],
] as const;

/** The three answers to "did this help?", drawn as the notices draw them (no emoji font). */
function Feedback({ counts }: { counts: Record<'yes' | 'neutral' | 'no', number> }) {
  return (
    <span class="feedback">
      {FACES.map(([kind, word]) => (
        <span key={kind} class="feedback-item">
          <Face kind={kind} size={20} /> {fr(counts[kind])} {word}
        </span>
      ))}
    </span>
  );
}
const DEVICE_LABELS: Record<string, string> = {
  phone: 'Téléphones',
  tablet: 'Tablettes',
  computer: 'Ordinateurs',
  kiosk: 'Borne',
};
const LENGTH_LABELS: Record<string, string> = {
  '<1min': 'moins d’une minute',
  '1-5min': '1 à 5 minutes',
  '5-15min': '5 à 15 minutes',
  '15-30min': '15 à 30 minutes',
  '30min+': 'plus de 30 minutes',
};
const SURFACES: Record<string, string> = {
  portal: 'Portail',
  kiosk: 'Borne',
  opds: 'Application de lecture',
};

const fr = (n: number) => n.toLocaleString('fr-FR');
const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export function ClockForm({ c, auto }: { c: HonoContext; auto: boolean }) {
  return (
    <form
      method="post"
      action="/admin/stats/clock"
      data-clock-sync=""
      data-auto={auto ? '1' : '0'}
      class="actions"
    >
      <CsrfField c={c} />
      <input type="hidden" name="browserTime" value="" />
      <button type="submit">Donner l'heure de cet appareil à la boîte</button>
    </form>
  );
}

function Table({
  caption,
  head,
  rows,
  numeric = [],
}: {
  caption: string;
  head: string[];
  rows: Array<Array<ComponentChildren>>;
  numeric?: number[];
}) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" class={numeric.includes(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j} class={numeric.includes(j) ? 'num' : undefined}>
                  {typeof cell === 'number' ? fr(cell) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * Choosing the period: one button per usual period, the one before and after the period
 * shown, and "choisir des dates" folded (works without JavaScript).
 */
export function PeriodPicker({
  period: p,
  today,
  base = '/admin/stats',
}: {
  period: Period;
  today: string;
  /** The page the links and the form go to (the network's page reuses the picker). */
  base?: string;
}) {
  const linkTo = (l: PeriodLink) => `${base}?${new URLSearchParams(l.query).toString()}`;
  const before = stepPeriod(p, -1);
  const after = stepPeriod(p, 1);
  return (
    <nav class="period-picker" aria-label="Période affichée">
      <ul class="period-buttons">
        {periodChoices(p, today).map((l) => (
          <li key={l.label}>
            <a
              class={l.current ? 'button' : 'button button-secondary'}
              href={linkTo(l)}
              aria-current={l.current ? 'true' : undefined}
            >
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <p class="period-steps">
        <a href={linkTo(before)}>← {before.label}</a>
        {p.to < today && <a href={linkTo(after)}>{after.label} →</a>}
      </p>
      <details open={p.kind === 'custom' && !periodChoices(p, today).some((l) => l.current)}>
        <summary>Choisir des dates</summary>
        <form class="period" method="get" action={base}>
          <input type="hidden" name="period" value="custom" />
          <label>
            Du
            <input type="date" name="from" value={p.from} />
          </label>
          <label>
            Au (inclus)
            <input type="date" name="to" value={p.to} />
          </label>
          <button type="submit">Afficher ces dates</button>
        </form>
      </details>
    </nav>
  );
}

export interface DashboardProps {
  c: HonoContext;
  report: Report;
  /** The box's today (`YYYY-MM-DD`), for the period buttons. */
  today: string;
  clockKnown: boolean;
  undated: number;
  sticks: Stick[];
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}

export function Dashboard({
  c,
  report: r,
  today,
  clockKnown,
  undated,
  sticks,
  flash,
}: DashboardProps) {
  const p = r.period;
  const when = periodInWords(p.from, p.to);
  const t = r.totals;
  const query = new URLSearchParams({
    period: p.kind,
    date: p.date,
    from: p.from,
    to: p.to,
  }).toString();
  const cards: Array<[string, number]> = [
    ['visites (une personne comptée une fois par jour)', t.visitorDays],
    ['pages vues', t.views],
    ['recherches', t.searches],
    ['recherches sans résultat', t.searchesWithoutResult],
    ['téléchargements', t.downloads],
    ['musiques ou vidéos écoutées ou regardées', t.plays],
    ['notices ouvertes', t.noticesOpened],
    ['notices suivies jusqu’au bout', t.noticesFinished],
    ['utilisations de la borne', t.kioskSessions],
    ['consultations depuis une application de lecture (liseuse)', t.opdsRequests],
    ['packs ajoutés', t.packsImported],
    ['« merci » dits aux auteurs des œuvres proposées', t.thanks],
  ];
  const hourRows = r.kioskHours.map((n, h) => [`${h} h`, n] as Array<string | number>);
  return (
    <AdminLayout c={c} title="Statistiques" section="stats" flash={flash}>
      <h1>Statistiques</h1>
      {!clockKnown && (
        <div class="warning" role="alert">
          <p>
            <strong>La boîte ne connaît pas l'heure</strong> (elle n'a pas de pile d'horloge et pas
            de réseau). Les visites sont gardées en mémoire ({fr(undated)} en attente) et seront
            datées dès que l'heure sera connue.
          </p>
          <ClockForm c={c} auto={true} />
        </div>
      )}
      <p>
        Chiffres anonymes : la boîte ne garde ni adresse, ni identifiant, ni historique des
        visiteurs.
      </p>
      <h2 class="period-title">{capitalised(when)}</h2>
      <PeriodPicker period={r.period} today={today} />
      <ul class="cards-grid">
        {cards.map(([label, value]) => (
          <li key={label} class="card">
            <span class="big">{fr(value)}</span> {label}
          </li>
        ))}
      </ul>

      <h2>Jour par jour</h2>
      <BarChart
        id="chart-visitors"
        title="Visites par jour (une personne comptée une fois par jour)"
        desc={`${capitalised(when)} : ${fr(t.visitorDays)} visites au total. Les chiffres sont dans le tableau qui suit.`}
        bars={r.daily.map((d) => ({ label: shortDay(d.day), value: d.visitors }))}
      />
      <details>
        <summary>Le tableau jour par jour</summary>
        <Table
          caption="Chiffres par jour"
          head={[
            'Jour',
            'Visites',
            'Pages vues',
            'Recherches',
            'Téléchargements',
            'Écoutes et vidéos',
          ]}
          numeric={[1, 2, 3, 4, 5]}
          rows={r.daily.map((d) => [
            shortDayInWords(d.day),
            d.visitors,
            d.views,
            d.searches,
            d.downloads,
            d.plays,
          ])}
        />
      </details>

      <h2>Œuvres les plus utilisées</h2>
      {r.topWorks.length === 0 ? (
        <p>Aucun téléchargement ni lecture sur la période.</p>
      ) : (
        <Table
          caption="Œuvres les plus utilisées"
          head={['Œuvre', 'Téléchargements', 'Écoutes et vidéos']}
          numeric={[1, 2]}
          rows={r.topWorks.map((w) => [w.title, w.downloads, w.plays])}
        />
      )}

      <h2>Notices pas à pas</h2>
      {r.notices.length === 0 ? (
        <p>Aucune notice ouverte sur la période.</p>
      ) : (
        <Table
          caption="Notices : ouvertures, fin, abandon et avis"
          head={[
            'Notice',
            'Ouvertures',
            'Terminées',
            'Suivies jusqu’au bout',
            'Étape où l’on s’arrête le plus',
            'Avis',
          ]}
          numeric={[1, 2, 3]}
          rows={r.notices.map((n) => [
            n.title,
            n.opened,
            n.finished,
            n.completion === null ? '—' : `${Math.round(n.completion * 100)} %`,
            n.stop ? `étape ${n.stop.step} (${fr(n.stop.left)} personnes)` : '—',
            <Feedback key="f" counts={n.feedback} />,
          ])}
        />
      )}

      <h2>Recherches sans résultat</h2>
      <p>
        Une phrase n'apparaît ici que si au moins trois personnes différentes l'ont tapée le même
        jour. Les autres sont seulement comptées ({fr(t.searchesWithoutResult)} recherches sans
        résultat au total).
      </p>
      {r.failedSearches.length > 0 && (
        <Table
          caption="Recherches sans résultat"
          head={['Recherche', 'Nombre']}
          numeric={[1]}
          rows={r.failedSearches.map((f) => [f.phrase, f.count])}
        />
      )}

      <h2>La borne</h2>
      <BarChart
        id="chart-kiosk"
        title="Utilisations de la borne selon l'heure"
        desc={`${fr(t.kioskSessions)} utilisations de la borne, ${when}. Les chiffres par heure sont dans le tableau qui suit.`}
        bars={r.kioskHours.map((n, h) => ({ label: `${h}h`, value: n }))}
        labelEvery={2}
      />
      <details>
        <summary>Le tableau heure par heure</summary>
        <Table
          caption="Utilisations de la borne par heure"
          head={['Heure', 'Utilisations']}
          numeric={[1]}
          rows={hourRows}
        />
      </details>
      <Table
        caption="Durée des utilisations de la borne"
        head={['Durée d’une utilisation', 'Utilisations']}
        numeric={[1]}
        rows={Object.entries(r.kioskLengths).map(([k, v]) => [LENGTH_LABELS[k] ?? k, v])}
      />

      <h2>Appareils et rubriques</h2>
      <Table
        caption="Visites par type d'appareil"
        head={['Appareil', 'Visites']}
        numeric={[1]}
        rows={Object.entries(r.devices).map(([k, v]) => [DEVICE_LABELS[k] ?? k, v])}
      />
      {r.sections.length > 0 && (
        <Table
          caption="Pages vues par rubrique"
          head={['Où', 'Rubrique', 'Pages vues']}
          numeric={[2]}
          rows={r.sections
            .slice(0, 30)
            .map((s) => [SURFACES[s.surface] ?? s.surface, s.section, s.views])}
        />
      )}

      <h2>Exporter</h2>
      <p class="actions">
        <a class="button" href={`/admin/stats/export.csv?${query}`}>
          Télécharger le tableau (CSV)
        </a>
        <a class="button button-secondary" href={`/admin/stats/export.json?${query}`}>
          Télécharger les données (JSON)
        </a>
      </p>
      {sticks.length === 0 ? (
        <p>Branchez une clé USB sur la boîte pour y enregistrer les statistiques.</p>
      ) : (
        <form class="period" method="post" action={`/admin/stats/export-usb?${query}`}>
          <CsrfField c={c} />
          <label>
            Clé USB
            <select name="stick">
              {sticks.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Enregistrer sur la clé</button>
        </form>
      )}
      <p>
        Le format des fichiers est décrit dans la documentation (« docs/statistics.md »). Les
        chiffres sont gardés 25 mois puis effacés.
      </p>
    </AdminLayout>
  );
}
