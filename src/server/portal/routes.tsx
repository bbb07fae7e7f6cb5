import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { GenerationCache } from '../catalogue/generation-cache.js';
import { isKnownLicence } from '../catalogue/licences.js';
import { isWorkType } from '../catalogue/service.js';
import type { Filters, WorkFile } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { ID_PATTERN } from '../files/safety.js';
import { clientOf } from '../http/client.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { READING_APPS_PATH, renderDocument } from '../ui/page.js';
import { NextAtelier, nextAtelier } from '../ateliers/index.js';
import { epubHelp } from './epub-help.js';
import { PORTAL_EXTRAS } from './extras.js';
import { HomePage } from './pages/home.js';
import { AboutPage, PrivacyPage } from './pages/info.js';
import { BrowsePage, SearchPage } from './pages/list.js';
import { readingAppsDocument } from './pages/reading-apps.js';
import { WorkPage } from './pages/work.js';

/** Query parameters are visitor input: anything unexpected is dropped, never an error. */
function readFilters(c: HonoContext): Filters {
  const type = c.req.query('type');
  const language = c.req.query('language');
  const licence = c.req.query('licence');
  const theme = c.req.query('theme');
  return {
    type: isWorkType(type) ? type : undefined,
    language: language && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(language) ? language : undefined,
    licence: licence && isKnownLicence(licence) ? licence : undefined,
    theme: theme && /^[a-z0-9-]{1,60}$/.test(theme) ? theme : undefined,
  };
}

function readPage(c: HonoContext): number {
  const page = Number(c.req.query('page') ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** How many works the home page shows as new, and as popular: rows of 2, 3 or 6 covers. */
const HOME_NEWEST = 6;
const HOME_POPULAR = 6;
/**
 * A work shows as popular from this many downloads in the week: below it, "1
 * téléchargement" next to a title could tell who took what in a small library (the
 * same floor of 3 as for the searches the statistics keep).
 */
const POPULAR_FLOOR = 3;

/** The visitor portal: server-rendered pages that need no JavaScript. */
export function portalRoutes(ctx: Context, lang: Lang | null): Hono {
  const { catalogue } = ctx;
  const view = (c: HonoContext, section: string) => {
    ctx.events.emit({ type: 'page', surface: 'portal', section, client: clientOf(c) });
    return pageContext(ctx, c, lang);
  };
  // Home and browse pages depend only on their page context (language, path, query,
  // library name), the catalogue and (home) this week's counts: rendered once per
  // catalogue generation (bench: 1.5 ms -> well under 0.5 ms of CPU per /browse at 100k
  // works). Searches are not cached: their text is the visitor's own.
  const rendered = new GenerationCache<string>(() => catalogue.generation());

  return new Hono()
    .get('/', (c) => {
      const page = view(c, 'home');
      const popular = ctx.stats
        .popularWorks(7, HOME_POPULAR)
        .filter((p) => p.downloads >= POPULAR_FLOOR);
      const notices = ctx.notices.list().length;
      const next = nextAtelier(ctx);
      const key = `home ${JSON.stringify(page)} ${notices} ${JSON.stringify(popular)} ${next ? `${next.id} ${next.title} ${next.startsAt.getTime()} ${next.place}` : ''}`;
      return c.html(
        rendered.get(key, () => {
          const downloads = new Map(popular.map((p) => [p.workId, p.downloads]));
          const data = {
            newest: catalogue.find({ pageSize: HOME_NEWEST }).items,
            popular: catalogue
              .summaries(popular.map((p) => p.workId))
              .map((work) => ({ work, downloads: downloads.get(work.id) ?? 0 })),
            types: catalogue.facets().types,
            themes: catalogue.facets().themes,
            notices,
            next: <NextAtelier page={page} a={next} />,
          };
          const extras = [...ctx.services.get(PORTAL_EXTRAS).home.values()].map((e) => e(page));
          return renderDocument(<HomePage page={page} data={data} extras={extras} />);
        }),
      );
    })
    .get('/browse', (c) => {
      const page = view(c, 'browse');
      return c.html(
        rendered.get(`browse ${JSON.stringify(page)}`, () => {
          const filters = readFilters(c);
          const order = c.req.query('order') === 'title' ? 'title' : 'new';
          const result = catalogue.find({ ...filters, order, page: readPage(c) });
          const data = {
            filters,
            order: order as 'new' | 'title',
            result,
            facets: catalogue.facets(),
          };
          return renderDocument(<BrowsePage page={page} data={data} />);
        }),
      );
    })
    .get('/search', async (c) => {
      const page = view(c, 'search');
      const filters = readFilters(c);
      const result = ctx.search.search({
        ...filters,
        q: c.req.query('q') ?? '',
        page: readPage(c),
      });
      if (result.status === 'ok') {
        ctx.events.emit({
          type: 'search',
          surface: 'portal',
          query: result.q,
          results: result.total,
          client: clientOf(c),
        });
      }
      // Articles are not works: a type or licence filter, or a later page, leaves them out.
      const articles =
        result.status === 'ok' && result.page === 1 && !filters.type && !filters.licence
          ? await ctx.search.remoteHits(result.q, 6)
          : [];
      const data = { filters, result, facets: catalogue.facets(), articles };
      // Links on the page (language, pages) carry the query as used, not as typed: a
      // 20,000-letter query must not come back 20,000 letters long in every link.
      const params = new URLSearchParams(page.search);
      if (params.has('q')) params.set('q', result.q);
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return c.html(renderDocument(<SearchPage page={{ ...page, search }} data={data} />));
    })
    .get('/works/:id', (c) => {
      const id = c.req.param('id');
      const work = ID_PATTERN.test(id) ? catalogue.work(id) : undefined;
      if (!work) throw new HTTPException(404);
      const page = view(c, 'work');
      const packTitle = catalogue.pack(work.packId)?.title ?? work.packId;
      const help = work.files.some((f) => f.format.toLowerCase() === 'epub')
        ? epubHelp(ctx.notices.list())
        : null;
      const query = new URL(c.req.url).searchParams;
      const registered = ctx.services.get(PORTAL_EXTRAS);
      const extras = [...registered.work.values()].map((extra) => extra(page, work, query));
      const lead = [...registered.workLead.values()].map((extra) => extra(page, work));
      const fileExtras = (file: WorkFile) =>
        [...registered.file.values()].map((extra) => extra(page, work, file));
      return c.html(
        renderDocument(
          <WorkPage
            page={page}
            work={work}
            packTitle={packTitle}
            epubHelp={help}
            extras={extras}
            lead={lead}
            fileExtras={fileExtras}
          />,
        ),
      );
    })
    .get('/about', (c) => {
      const page = view(c, 'about');
      return c.html(
        renderDocument(
          <AboutPage
            page={page}
            settings={ctx.settings.current()}
            publicUrl={ctx.config.publicUrl}
          />,
        ),
      );
    })
    .get('/privacy', (c) => c.html(renderDocument(<PrivacyPage page={view(c, 'privacy')} />)))
    .get(READING_APPS_PATH, async (c) =>
      c.html(
        await readingAppsDocument(view(c, 'reading-apps'), {
          publicUrl: ctx.config.publicUrl,
          reachedAt: new URL(c.req.url).origin,
          wifiName: ctx.settings.current().wifiName,
        }),
      ),
    );
}
