import { Hono, type Context as HonoContext } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import type { Context } from '../context.js';
import { renderDocument } from '../ui/page.js';
import { qrCodeSvg } from '../ui/qr.js';
import { EMPTY_PEER, ReseauPage, type Flash, type PeerForm } from './admin-page.js';
import { csvFile, csvLine, readPeriod, statsToday } from '../stats/index.js';
import type { PeerErrors } from './service.js';
import { NetworkStatsPage } from './stats-page.js';
import { RESEAU } from './service.js';

/** Fixed texts after a form (redirect with ?msg=…): nothing typed is echoed. */
const FLASH: Record<string, string> = {
  active: 'Le réseau est activé.',
  role: 'Le rôle de la boîte est changé.',
  ajoutee: 'La boîte est ajoutée : elle se connectera dès qu’elle vous aura ajoutée à son tour.',
  retiree: 'La boîte est retirée : elle ne peut plus se connecter.',
  publie: 'Le pack est publié : les boîtes membres le recevront.',
};

const str = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

/** /admin/reseau, behind the admin gate (session, Origin and CSRF checked before). */
export function reseauAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const service = ctx.services.get(RESEAU);

  const page = async (
    c: HonoContext<AdminEnv>,
    flash: Flash,
    form: PeerForm = EMPTY_PEER,
    errors: PeerErrors = {},
    status: 200 | 400 = 200,
  ) => {
    const view = await service.view();
    const qr = view.state.kind === 'running' ? await qrCodeSvg(view.state.deviceId, 2) : '';
    const installed = ctx.catalogue.repo
      .listPacks()
      .map((p) => ({ id: p.id, title: p.title, version: p.version }));
    return c.html(
      renderDocument(
        <ReseauPage
          c={c}
          view={view}
          qrSvg={qr}
          installed={installed}
          form={form}
          errors={errors}
          flash={flash}
        />,
      ),
      status,
    );
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => {
      const msg = c.req.query('msg');
      const text = msg && Object.hasOwn(FLASH, msg) ? FLASH[msg] : undefined;
      return page(c, text ? { kind: 'ok', text } : undefined);
    })
    .get('/statistiques', async (c) => {
      const today = statsToday(ctx) ?? ctx.clock.now().toISOString().slice(0, 10);
      const period = readPeriod(c.req.query(), today);
      const stats = await service.networkStats(period.from, period.to);
      return c.html(
        renderDocument(<NetworkStatsPage c={c} period={period} today={today} stats={stats} />),
      );
    })
    .get('/statistiques.csv', async (c) => {
      const today = statsToday(ctx) ?? ctx.clock.now().toISOString().slice(0, 10);
      const period = readPeriod(c.req.query(), today);
      const stats = await service.networkStats(period.from, period.to);
      const lines = [
        csvLine([
          'boite',
          'jour',
          'visiteurs',
          'pages_vues',
          'recherches',
          'telechargements',
          'ecoutes',
        ]),
      ];
      for (const r of stats.rows)
        for (const d of r.daily)
          if (d.day >= period.from && d.day <= period.to)
            lines.push(
              csvLine([r.name, d.day, d.visitors, d.views, d.searches, d.downloads, d.plays]),
            );
      return c.body(csvFile(lines), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="reseau-statistiques-${period.from}-${period.to}.csv"`,
      });
    })
    .post('/role', async (c) => {
      const role = str(await c.req.parseBody(), 'role');
      if (role !== 'coordinator' && role !== 'member')
        return page(
          c,
          { kind: 'error', text: 'Choisissez un des deux rôles.' },
          EMPTY_PEER,
          {},
          400,
        );
      const before = service.role();
      await service.setRole(role);
      return c.redirect(`/admin/reseau?msg=${before ? 'role' : 'active'}`, 303);
    })
    .post('/peers', async (c) => {
      const body = await c.req.parseBody();
      const form = {
        deviceId: str(body, 'deviceId'),
        name: str(body, 'name'),
        address: str(body, 'address'),
      };
      const errors = await service.addPeer(form);
      if (Object.keys(errors).length > 0) return page(c, undefined, form, errors, 400);
      return c.redirect('/admin/reseau?msg=ajoutee', 303);
    })
    .post('/peers/remove', async (c) => {
      service.removePeer(str(await c.req.parseBody(), 'deviceId'));
      return c.redirect('/admin/reseau?msg=retiree', 303);
    })
    .post('/publish', async (c) => {
      const result = await service.publish(str(await c.req.parseBody(), 'packId'));
      if (!result.ok) return page(c, { kind: 'error', text: result.message }, EMPTY_PEER, {}, 400);
      return c.redirect('/admin/reseau?msg=publie', 303);
    });
}
