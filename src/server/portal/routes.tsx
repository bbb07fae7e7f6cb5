import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { GenerationCache } from '../catalogue/generation-cache.js';
import { isKnownLicence } from '../catalogue/licences.js';
import { isWorkType } from '../catalogue/service.js';
import type { Filters } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { ID_PATTERN } from '../files/safety.js';
import { clientOf } from '../http/client.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { READING_APPS_PATH, renderDocument } from '../ui/page.js';
import { HomePage } from './pages/home.js';
import { AboutPage, PrivacyPage } from './pages/info.js';
import { ListPage } from './pages/list.js';
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

/** The visitor portal: server-rendered pages that need no JavaScript. */
export function portalRoutes(ctx: Context, lang: Lang | null): Hono {
  const { catalogue } = ctx;
  const repo = catalogue.repo;
  const facets = () => ({
    types: repo.types(),
    languages: repo.languages(),
    licences: repo.licences(),
    themes: repo.themes(),
  });
  const view = (c: HonoContext, section: string) => {
    ctx.events.emit({ type: 'page', surface: 'portal', section, client: clientOf(c) });
    return pageContext(ctx, c, lang);
  };
  // Home and browse pages depend only on their page context (language, path, query,
  // library name) and the catalogue: rendered once per catalogue generation (bench:
  // 1.5 ms -> well under 0.5 ms of CPU per /browse at 100k works). Searches are not
  // cached: their text is the visitor's own.
  const rendered = new GenerationCache<string>(() => catalogue.generation());

  return new Hono()
    .get('/', (c) => {
      const page = view(c, 'home');
      return c.html(
        rendered.get(`home ${JSON.stringify(page)}`, () => {
          const data = {
            newest: catalogue.find({ pageSize: 8 }).items,
            types: repo.types(),
            themes: repo.themes(),
          };
          return renderDocument(<HomePage page={page} data={data} />);
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
            mode: 'browse' as const,
            q: '',
            filters,
            order: order as 'new' | 'title',
            result,
            facets: facets(),
          };
          return renderDocument(<ListPage page={page} data={data} />);
        }),
      );
    })
    .get('/search', (c) => {
      const page = view(c, 'search');
      const q = (c.req.query('q') ?? '').trim().slice(0, 200);
      const filters = readFilters(c);
      const result = catalogue.find({ ...filters, q, page: readPage(c) });
      if (q) {
        ctx.events.emit({
          type: 'search',
          surface: 'portal',
          query: q,
          results: result.total,
          client: clientOf(c),
        });
      }
      const data = {
        mode: 'search' as const,
        q,
        filters,
        order: 'new' as const,
        result,
        facets: facets(),
      };
      return c.html(renderDocument(<ListPage page={page} data={data} />));
    })
    .get('/works/:id', (c) => {
      const id = c.req.param('id');
      const work = ID_PATTERN.test(id) ? repo.getWork(id) : undefined;
      if (!work) throw new HTTPException(404);
      const page = view(c, 'work');
      const packTitle = repo.getPack(work.packId)?.title ?? work.packId;
      return c.html(renderDocument(<WorkPage page={page} work={work} packTitle={packTitle} />));
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
