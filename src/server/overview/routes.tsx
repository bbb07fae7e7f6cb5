import { Hono } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import type { Context } from '../context.js';
import { workUrl } from '../files/urls.js';
import { workTypeLabel } from '../../shared/work-types.js';
import { renderDocument } from '../ui/page.js';
import { ClockForm, weekTotals } from '../stats/index.js';
import { AdminLayout } from '../admin/ui/layout.js';
import { TableWrap } from '../admin/ui/table.js';
import { overview } from './service.js';

const day = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
};

/** GET /admin: what is on the box and what is new. */
export function overviewRoutes(ctx: Context): Hono<AdminEnv> {
  return new Hono<AdminEnv>().get('/', (c) => {
    const o = overview(ctx);
    const clockKnown = ctx.stats.clock.isSane();
    const week = weekTotals(ctx);
    return c.html(
      renderDocument(
        <AdminLayout c={c} title="Vue d'ensemble" section="overview">
          <h1>Vue d'ensemble</h1>
          {!clockKnown && (
            <div class="warning" role="alert">
              <p>
                <strong>La boîte ne connaît pas l'heure</strong> : elle n'a ni pile d'horloge ni
                réseau. Cette page lui donne l'heure de votre appareil ; sinon, utilisez le bouton.
              </p>
              <ClockForm c={c} auto={true} />
            </div>
          )}
          <ul class="cards-grid">
            <li class="card">
              <span class="big">{o.totalWorks}</span> œuvres
            </li>
            <li class="card">
              <span class="big">{o.packs.length}</span> packs installés
            </li>
            <li class="card">
              <span class="big">{o.notices ?? '—'}</span> notices pas à pas
            </li>
          </ul>
          <h2>Œuvres par type</h2>
          {o.types.length === 0 ? (
            <p>Aucune œuvre pour l'instant : importez un pack depuis une clé USB (page Packs).</p>
          ) : (
            <TableWrap label="Œuvres par type">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col" class="num">
                      Nombre
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.types.map((t) => (
                    <tr key={t.type}>
                      <td>{workTypeLabel('fr', t.type, true)}</td>
                      <td class="num">{t.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h2>Packs installés</h2>
          {o.packs.length === 0 ? (
            <p>Aucun pack installé.</p>
          ) : (
            <TableWrap label="Packs installés">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Pack</th>
                    <th scope="col">Version</th>
                    <th scope="col" class="num">
                      Œuvres
                    </th>
                    <th scope="col">Installé le</th>
                  </tr>
                </thead>
                <tbody>
                  {o.packs.map((p) => (
                    <tr key={p.id}>
                      <td>{p.title}</td>
                      <td>{p.version}</td>
                      <td class="num">{p.workCount}</td>
                      <td>{day(p.installedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h2>Cette semaine</h2>
          <p>
            {week.visitorDays} visites, {week.views} pages vues, {week.downloads} téléchargements,{' '}
            {week.plays} lectures, {week.noticesOpened} notices ouvertes, {week.kioskSessions}{' '}
            sessions à la borne. <a href="/admin/stats?period=week">Toutes les statistiques</a>
          </p>
          <h2>Nouveautés</h2>
          {o.newest.length === 0 ? (
            <p>Rien de nouveau.</p>
          ) : (
            <ul>
              {o.newest.map((w) => (
                <li key={w.id}>
                  <a href={workUrl(w.id)}>{w.title}</a>
                  {w.authors ? ` — ${w.authors}` : ''} (
                  {workTypeLabel('fr', w.type).toLocaleLowerCase('fr')}, ajouté le {day(w.addedAt)})
                </li>
              ))}
            </ul>
          )}
        </AdminLayout>,
      ),
    );
  });
}
