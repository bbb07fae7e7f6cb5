import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { KioskAteliersToday } from '../../shared/ateliers-types.js';
import type { Context } from '../context.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { BUILD_DATE } from '../stats/clock.js';
import { qrCodeSvg } from '../ui/qr.js';
import { renderDocument } from '../ui/page.js';
import { calendarOf } from './ics.js';
import { AgendaPage, AtelierPage, PosterPage } from './portal-pages.js';
import { ATELIERS, type Atelier } from './service.js';
import { hourLabel } from './time.js';
import { atelierPath, evaluationPath, publicUrlOf } from './urls.js';

/** The visitor's pages: `/ateliers`, `/ateliers/:id` (per language prefix). */
export function ateliersPortalRoutes(ctx: Context, lang: Lang | null): Hono {
  const service = ctx.services.get(ATELIERS);
  const atelierOf = (c: HonoContext) => {
    const a = service.get(Number(c.req.param('id')));
    if (!a) throw new HTTPException(404);
    return a;
  };
  return new Hono()
    .get('/ateliers', (c) =>
      c.html(
        renderDocument(
          <AgendaPage page={pageContext(ctx, c, lang)} ateliers={service.upcoming()} />,
        ),
      ),
    )
    .get('/ateliers/:id{[0-9]+}', (c) => {
      const a = atelierOf(c);
      const notices = a.notices.flatMap((id) => {
        const found = ctx.notices.get(id);
        return found ? [{ id, title: found.notice.title }] : [];
      });
      return c.html(
        renderDocument(
          <AtelierPage
            page={pageContext(ctx, c, lang)}
            a={a}
            notices={notices}
            evaluationOpen={service.isOpen(a)}
          />,
        ),
      );
    });
}

const ICS_HEADERS = (name: string) => ({
  'content-type': 'text/calendar; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-cache',
});

/** Language-free addresses: the iCalendar feeds, the poster and the kiosk's JSON. */
export function ateliersFileRoutes(ctx: Context): Hono {
  const service = ctx.services.get(ATELIERS);
  const feed = (list: Atelier[]) =>
    calendarOf(list, {
      name: `Ateliers · ${ctx.settings.current().libraryName}`,
      publicUrl: ctx.config.publicUrl,
      stamp: service.now() ?? BUILD_DATE,
    });
  return new Hono()
    .get('/ateliers.ics', (c) => {
      // Unknown clock: every workshop (their dates are stored, not guessed).
      const list = service.upcoming() ?? service.all();
      return c.body(feed(list), 200, ICS_HEADERS('ateliers.ics'));
    })
    .get('/ateliers/:file{[0-9]+\\.ics}', (c) => {
      const a = service.get(Number(c.req.param('file').replace(/\.ics$/, '')));
      if (!a) throw new HTTPException(404);
      return c.body(feed([a]), 200, ICS_HEADERS(`atelier-${a.id}.ics`));
    })
    .get('/ateliers/:id{[0-9]+}/affiche', async (c) => {
      const a = service.get(Number(c.req.param('id')));
      if (!a) throw new HTTPException(404);
      const url = publicUrlOf(ctx.config.publicUrl, atelierPath(a.id));
      const qr = await qrCodeSvg(url, 2);
      const libraryName = ctx.settings.current().libraryName;
      return c.html(
        renderDocument(<PosterPage a={a} libraryName={libraryName} url={url} qrSvg={qr} />),
      );
    })
    .get('/api/ateliers/today', async (c) => {
      const today = service.today();
      const open = today === null ? [] : service.all().filter((a) => service.isOpen(a));
      const body: KioskAteliersToday = {
        clockKnown: today !== null,
        today: (today ?? []).map((a) => ({
          id: a.id,
          title: a.title,
          hour: { fr: hourLabel(a.startsAt, 'fr'), en: hourLabel(a.startsAt, 'en') },
          place: a.place,
        })),
        evaluations: await Promise.all(
          open.map(async (a) => {
            const url = publicUrlOf(ctx.config.publicUrl, evaluationPath(a.id));
            // Sized for the attract screen; decorative inside the kiosk's labelled box.
            const qr = (await qrCodeSvg(url, 2)).replace(
              '<svg ',
              '<svg width="200" height="200" aria-hidden="true" focusable="false" ',
            );
            return { id: a.id, title: a.title, url, qr };
          }),
        ),
      };
      return c.json(body, 200, { 'cache-control': 'no-store' });
    });
}
