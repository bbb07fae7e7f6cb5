import { Hono } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import type { Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
import { AdminLayout } from '../admin/index.js';
import { TableWrap } from '../admin/ui/table.js';
import { renderDocument } from '../ui/page.js';
import { LEVEL_LABELS } from './messages.js';
import type { ParcoursErrorRow } from './repo.js';
import type { ParcoursService, ParcoursSummary } from './service.js';
import { PARCOURS } from './key.js';

function ParcoursAdminPage({
  c,
  list,
  errors,
}: {
  c: HonoContext;
  list: Array<ParcoursSummary & { packId: string }>;
  errors: ParcoursErrorRow[];
}) {
  return (
    <AdminLayout c={c} title="Parcours" section="parcours">
      <h1>Parcours</h1>
      <p>
        Les parcours arrivent avec les packs, comme les notices. La boîte ne garde rien des
        personnes qui les suivent : leurs progrès restent sur leur téléphone ou sur leur carnet.
      </p>
      <h2>Parcours installés</h2>
      {list.length === 0 ? (
        <p>Aucun parcours pour le moment.</p>
      ) : (
        <TableWrap label="Parcours installés">
          <table>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Niveau</th>
                <th scope="col">Pack</th>
                <th scope="col" class="num">
                  Étapes
                </th>
                <th scope="col" class="num">
                  Exercices
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/apprendre/${p.id}`}>{p.title}</a>
                  </td>
                  <td>{LEVEL_LABELS.fr[p.level] ?? p.level}</td>
                  <td>{p.packId}</td>
                  <td class="num">{p.steps}</td>
                  <td class="num">{p.exercises}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {errors.length > 0 && (
        <>
          <h2>Parcours refusés</h2>
          <p>Ces parcours n’ont pas été installés. Le reste de leur pack est installé.</p>
          <TableWrap label="Parcours refusés">
            <table>
              <thead>
                <tr>
                  <th scope="col">Pack</th>
                  <th scope="col">Fichier</th>
                  <th scope="col">Raison</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.pack_id}</td>
                    <td>{e.path}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </AdminLayout>
  );
}

/** /admin/parcours: what is installed and what was skipped, and why, in French. */
export function parcoursAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const service: ParcoursService = ctx.services.get(PARCOURS);
  return new Hono<AdminEnv>().get('/', (c) => {
    const list = service.list().map((p) => ({ ...p, packId: service.get(p.id)?.packId ?? '' }));
    return c.html(
      renderDocument(<ParcoursAdminPage c={c} list={list} errors={service.errors()} />),
    );
  });
}
