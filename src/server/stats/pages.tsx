import type { Context as HonoContext } from 'hono';
import { AdminLayout } from '../admin/ui/layout.js';
import { CsrfField } from '../admin/ui/csrf.js';
import { TableWrap } from '../admin/ui/table.js';
import { BarChart } from './charts.js';
import type { Report } from './report.js';
import type { Stick } from './usb.js';

const FACES = { yes: '🙂 oui', neutral: '😐 moyen', no: '🙁 non' };
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
  opds: 'Catalogue OPDS',
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
  rows: Array<Array<string | number>>;
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

export interface DashboardProps {
  c: HonoContext;
  report: Report;
  clockKnown: boolean;
  undated: number;
  sticks: Stick[];
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}

export function Dashboard({ c, report: r, clockKnown, undated, sticks, flash }: DashboardProps) {
  const p = r.period;
  const t = r.totals;
  const query = new URLSearchParams({
    period: p.kind,
    date: p.date,
    from: p.from,
    to: p.to,
  }).toString();
  const cards: Array<[string, number]> = [
    ['visiteurs (somme des visiteurs uniques de chaque jour)', t.visitorDays],
    ['pages vues', t.views],
    ['recherches', t.searches],
    ['recherches sans résultat', t.searchesWithoutResult],
    ['téléchargements', t.downloads],
    ['lectures (audio, vidéo)', t.plays],
    ['notices ouvertes', t.noticesOpened],
    ['notices terminées', t.noticesFinished],
    ['sessions à la borne', t.kioskSessions],
    ['requêtes OPDS (applications de lecture)', t.opdsRequests],
    ['packs importés', t.packsImported],
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
      <form class="period" method="get" action="/admin/stats">
        <label>
          Période
          <select name="period">
            {(
              [
                ['day', 'Un jour'],
                ['week', 'Une semaine'],
                ['month', 'Un mois'],
                ['custom', 'Dates choisies'],
              ] as const
            ).map(([value, label]) => (
              <option key={value} value={value} selected={p.kind === value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Jour de référence
          <input type="date" name="date" value={p.date} />
        </label>
        <label>
          Du (dates choisies)
          <input type="date" name="from" value={p.from} />
        </label>
        <label>
          Au
          <input type="date" name="to" value={p.to} />
        </label>
        <button type="submit">Afficher</button>
      </form>
      <h2>
        Du {p.from} au {p.to}
      </h2>
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
        title="Visiteurs uniques par jour"
        desc={`Du ${p.from} au ${p.to} : ${fr(t.visitorDays)} visiteurs au total. Les chiffres sont dans le tableau qui suit.`}
        bars={r.daily.map((d) => ({ label: shortDay(d.day), value: d.visitors }))}
      />
      <details>
        <summary>Le tableau jour par jour</summary>
        <Table
          caption="Chiffres par jour"
          head={['Jour', 'Visiteurs', 'Pages vues', 'Recherches', 'Téléchargements', 'Lectures']}
          numeric={[1, 2, 3, 4, 5]}
          rows={r.daily.map((d) => [d.day, d.visitors, d.views, d.searches, d.downloads, d.plays])}
        />
      </details>

      <h2>Œuvres les plus utilisées</h2>
      {r.topWorks.length === 0 ? (
        <p>Aucun téléchargement ni lecture sur la période.</p>
      ) : (
        <Table
          caption="Œuvres les plus utilisées"
          head={['Œuvre', 'Téléchargements', 'Lectures']}
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
            'Taux de fin',
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
            `${FACES.yes} ${n.feedback.yes} · ${FACES.neutral} ${n.feedback.neutral} · ${FACES.no} ${n.feedback.no}`,
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
        title="Sessions à la borne selon l'heure de début"
        desc={`${fr(t.kioskSessions)} sessions sur la période. Les chiffres par heure sont dans le tableau qui suit.`}
        bars={r.kioskHours.map((n, h) => ({ label: `${h}h`, value: n }))}
        labelEvery={2}
      />
      <details>
        <summary>Le tableau heure par heure</summary>
        <Table
          caption="Sessions à la borne par heure"
          head={['Heure', 'Sessions']}
          numeric={[1]}
          rows={hourRows}
        />
      </details>
      <Table
        caption="Durée des sessions à la borne"
        head={['Durée d’une session', 'Sessions']}
        numeric={[1]}
        rows={Object.entries(r.kioskLengths).map(([k, v]) => [LENGTH_LABELS[k] ?? k, v])}
      />

      <h2>Appareils et rubriques</h2>
      <Table
        caption="Visiteurs par type d'appareil"
        head={['Appareil', 'Visiteurs']}
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
