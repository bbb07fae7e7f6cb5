import { Hono } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import { AdminLayout } from '../admin/ui/layout.js';
import { TableWrap } from '../admin/ui/table.js';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { RESEAU, reseauHealth } from '../reseau/index.js';
import { KIWIX, kiwixHealth } from '../savoirs/index.js';
import { ClockForm } from '../stats/index.js';
import { renderDocument } from '../ui/page.js';
import { HealthService, type Health } from './service.js';

const gb = (bytes: number) =>
  `${(bytes / 1024 ** 3).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`;

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} j ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}

/** The box's vital signs service, built once per context. */
export const HEALTH_SERVICE = serviceKey(
  'health',
  (ctx: Context) =>
    new HealthService({
      appRoot: ctx.paths.appRoot,
      disks: [
        { label: 'Données et packs', path: ctx.paths.dataDir },
        { label: 'Contenu fourni avec la boîte', path: ctx.paths.contentDir },
      ],
    }),
);

/** /admin/health: the box's vital signs, with plain warnings. */
export function healthRoutes(ctx: Context): Hono<AdminEnv> {
  const health = ctx.services.get(HEALTH_SERVICE);
  return new Hono<AdminEnv>()
    .get('/', async (c) => {
      const h: Health = await health.current();
      const clockKnown = ctx.stats.clock.isSane();
      const kiwix = kiwixHealth(ctx.services.get(KIWIX).state());
      const reseau = reseauHealth(ctx.services.get(RESEAU).syncthing.state());
      const warnings = [...h.warnings, kiwix.warning, reseau.warning].filter(
        (w): w is string => w !== null,
      );
      const rows: Array<[string, string]> = [
        [
          'Température du processeur',
          h.cpu.temperatureC === null ? 'inconnue' : `${h.cpu.temperatureC} °C`,
        ],
        [
          'Charge du processeur',
          `${h.cpu.loadPercent === null ? 'inconnue' : `${h.cpu.loadPercent} %`} (charge moyenne ${h.cpu.load1.toLocaleString('fr-FR')} sur ${h.cpu.cores} cœurs)`,
        ],
        ['Mémoire disponible', `${gb(h.memory.availableBytes)} sur ${gb(h.memory.totalBytes)}`],
        ...h.disks.map((d): [string, string] => [
          `Espace libre : ${d.label}`,
          `${gb(d.freeBytes)} sur ${gb(d.totalBytes)}`,
        ]),
        [
          'Appareils connectés au Wi-Fi',
          h.wifiClients ? `${h.wifiClients.count} (${h.wifiClients.source})` : 'inconnu',
        ],
        ['Encyclopédies (kiwix-serve)', kiwix.value],
        ['Réseau de boîtes (Syncthing)', reseau.value],
        ['Allumée depuis', duration(h.systemUptimeSeconds)],
        ['Lanterne tourne depuis', duration(h.appUptimeSeconds)],
        ['Version de Lanterne', `${h.version} (Node ${h.node})`],
        [
          'Heure de la boîte',
          clockKnown ? 'fiable' : 'inconnue (pas de pile d’horloge, pas de réseau)',
        ],
      ];
      return c.html(
        renderDocument(
          <AdminLayout c={c} title="Santé du système" section="health">
            <h1>Santé du système</h1>
            {warnings.length === 0 && clockKnown ? (
              <p class="flash flash-ok" role="status">
                Tout va bien.
              </p>
            ) : (
              <div class="warning" role="alert">
                <ul>
                  {warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                  {!clockKnown && (
                    <li>
                      La boîte ne connaît pas l'heure : les statistiques attendent en mémoire.
                    </li>
                  )}
                </ul>
              </div>
            )}
            {!clockKnown && <ClockForm c={c} auto={true} />}
            <TableWrap label="État de la boîte">
              <table>
                <caption class="visually-hidden">État de la boîte</caption>
                <tbody>
                  {rows.map(([label, value]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p>
              Relevé du {new Date(h.collectedAt).toLocaleString('fr-FR')} (mis à jour toutes les 5
              secondes au plus).
            </p>
          </AdminLayout>,
        ),
      );
    })
    .get('/api/status', async (c) => c.json(await health.current()));
}
