import type { Context as HonoContext } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import { AdminLayout } from '../admin/ui/layout.js';
import { TableWrap } from '../admin/ui/table.js';
import { capitalised, PeriodPicker, periodInWords, type Period } from '../stats/index.js';
import type { NetworkStats } from './service.js';
import type { Figures } from './stats-roll.js';

const COLUMNS: ReadonlyArray<readonly [keyof Figures, string]> = [
  ['visitors', 'Visiteurs (par jour, additionnés)'],
  ['views', 'Pages vues'],
  ['searches', 'Recherches'],
  ['downloads', 'Téléchargements'],
  ['plays', 'Écoutes et vidéos'],
];

const n = (v: number) => v.toLocaleString('fr-FR');

/** /admin/reseau/statistiques: each box of the network and the total, over a period. */
export function NetworkStatsPage({
  c,
  period,
  today,
  stats,
}: {
  c: HonoContext<AdminEnv>;
  period: Period;
  today: string;
  stats: NetworkStats;
}) {
  const words = capitalised(periodInWords(period.from, period.to));
  const csv = `/admin/reseau/statistiques.csv?${new URLSearchParams({ period: 'custom', from: period.from, to: period.to }).toString()}`;
  return (
    <AdminLayout c={c} title="Statistiques du réseau" section="reseau">
      <h1>Statistiques du réseau</h1>
      <p>
        Les chiffres de chaque boîte du réseau et leur total : les mêmes comptes anonymes que la
        page <a href="/admin/stats">Statistiques</a> de chaque boîte, envoyés par les boîtes
        membres. Une boîte restée loin longtemps envoie tout à son retour.
      </p>
      <PeriodPicker period={period} today={today} base="/admin/reseau/statistiques" />
      <h2>{words}</h2>
      <TableWrap label={`Chiffres par boîte, ${words}`}>
        <table>
          <caption class="visually-hidden">{`Chiffres par boîte, ${words}`}</caption>
          <thead>
            <tr>
              <th scope="col">Boîte</th>
              {COLUMNS.map(([k, label]) => (
                <th scope="col" key={k}>
                  {label}
                </th>
              ))}
              <th scope="col">Mis à jour</th>
            </tr>
          </thead>
          <tbody>
            {stats.rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {COLUMNS.map(([k]) => (
                  <td key={k}>{r.figures ? n(r.figures[k]) : '—'}</td>
                ))}
                <td>
                  {r.updatedAt === null
                    ? r.figures
                      ? 'maintenant'
                      : 'rien reçu encore'
                    : new Date(r.updatedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total du réseau</th>
              {COLUMNS.map(([k]) => (
                <td key={k}>
                  <strong>{n(stats.total[k])}</strong>
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <p>
        <a href={csv}>Télécharger ces chiffres jour par jour (CSV, pour un tableur)</a>
      </p>
    </AdminLayout>
  );
}
