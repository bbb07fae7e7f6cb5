import { Hono, type Context as HonoContext } from 'hono';
import { z } from 'zod';
import { form, trimmed, typed } from '../http/form.js';
import type { AdminEnv } from '../admin/env.js';
import type { Context } from '../context.js';
import { wantsJson } from '../admin/auth/middleware.js';
import { renderDocument } from '../ui/page.js';
import { dayOf } from './classify.js';
import { BUILD_DATE } from './clock.js';
import { exportBaseName, reportCsv, reportJson } from './export.js';
import { Dashboard } from './pages.js';
import { readPeriod } from './period.js';
import { buildReport } from './report.js';
import { stickWriteMessage } from '../sticks/write.js';
import { exportToStick } from './usb.js';

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

/** /admin/stats: dashboard, exports (download and USB stick) and the browser-time fallback. */
export function statsAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const today = () => dayOf(ctx.stats.clock.now() ?? BUILD_DATE);
  const report = (c: HonoContext) => buildReport(ctx, readPeriod(c.req.query(), today()));
  const page = async (c: HonoContext, flash: Flash, status: 200 | 400 = 200) =>
    c.html(
      renderDocument(
        <Dashboard
          c={c}
          report={report(c)}
          today={today()}
          clockKnown={ctx.stats.clock.isSane()}
          undated={ctx.stats.aggregator.undatedCount}
          sticks={await ctx.sticks.writable()}
          flash={flash}
        />,
      ),
      status,
    );

  return new Hono<AdminEnv>()
    .get('/', (c) => {
      const clock = c.req.query('clock');
      const flash: Flash =
        clock === 'ok'
          ? { kind: 'ok', text: "Merci : la boîte a pris l'heure de votre appareil." }
          : clock === 'refused'
            ? {
                kind: 'error',
                text: "L'heure n'a pas été prise (la boîte a déjà une heure fiable, ou celle de l'appareil semble fausse).",
              }
            : undefined;
      const q = c.req.query();
      if (!flash && q['period'] === 'custom' && readPeriod(q, today()).kind !== 'custom') {
        const text =
          'Ces dates ne conviennent pas : choisissez un premier et un dernier jour. Voici le mois en cours.';
        return page(c, { kind: 'error', text }, 400);
      }
      return page(c, flash);
    })
    .get('/export.json', (c) => {
      const r = report(c);
      return c.body(reportJson(r), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${exportBaseName(r)}.json"`,
      });
    })
    .get('/export.csv', (c) => {
      const r = report(c);
      return c.body(reportCsv(r), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${exportBaseName(r)}.csv"`,
      });
    })
    .post('/export-usb', form(z.object({ stick: typed })), async (c) => {
      const { stick } = c.req.valid('form');
      try {
        const done = await exportToStick(ctx.sticks, stick, report(c));
        return page(c, {
          kind: 'ok',
          text: `Enregistré sur la clé, dossier « ${done.dir} » : ${done.files.join(', ')}.`,
        });
      } catch (err) {
        return page(
          c,
          { kind: 'error', text: `Rien n'a été enregistré : ${stickWriteMessage(err)}` },
          400,
        );
      }
    })
    .post('/clock', form(z.object({ browserTime: trimmed })), (c) => {
      const raw = c.req.valid('form').browserTime;
      const ms = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
      const used = Number.isFinite(ms) && ctx.stats.setTimeFromBrowser(ms);
      if (wantsJson(c)) return c.json({ used, known: ctx.stats.clock.isSane() });
      return c.redirect(`/admin/stats?clock=${used ? 'ok' : 'refused'}`, 303);
    });
}
