import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isWorkType } from '../catalogue/service.js';
import type { Filters, Work } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { clientOf } from '../http/client.js';
import { languageName, typeLabel } from '../portal/components.js';
import { atomError } from './errors.js';
import { ACQ_TYPE, NAV_TYPE, acquisitionFeed, navigationFeed, type FeedLink } from './feed.js';
import { xml } from './xml.js';

const PAGE = 50;
const SEARCH_TYPE = 'application/opensearchdescription+xml';

/**
 * OPDS 1.2 catalogue for reader apps (KOReader, Thorium, Aldiko). French labels: the
 * box speaks French first. Feeds carry Last-Modified from the
 * catalogue's last change, so apps can ask "anything new?" cheaply.
 */
export function opdsRoutes(ctx: Context): Hono {
  const { catalogue } = ctx;

  const updated = () => catalogue.changedAt();
  /** A 404 that reader apps can show: an Atom feed, not the portal's HTML page. */
  const notFound = () => new HTTPException(404, { res: atomError(404, updated()) });

  /** Sends a feed, or 304 when the reader already has this version of the catalogue. */
  const send = (c: HonoContext, body: string, type: string) => {
    const changed = updated();
    const lastModified = new Date(changed).toUTCString();
    const since = c.req.header('if-modified-since');
    const headers = { 'last-modified': lastModified, 'cache-control': 'no-cache' };
    if (since && Date.parse(since) >= Math.floor(Date.parse(changed) / 1000) * 1000) {
      return c.body(null, 304, headers);
    }
    ctx.events.emit({ type: 'page', surface: 'opds', section: 'opds', client: clientOf(c) });
    return c.body(body, 200, { ...headers, 'content-type': `${type};charset=utf-8` });
  };

  const common = (self: string, type: string, title: string): FeedLink[] => [
    { rel: 'self', href: self, type, title },
    { rel: 'start', href: '/opds', type: NAV_TYPE, title: 'Lanterne' },
    { rel: 'search', href: '/opds/opensearch.xml', type: SEARCH_TYPE },
  ];

  const acquisition = (
    c: HonoContext,
    id: string,
    title: string,
    base: string,
    filters: Filters,
    q?: string,
  ) => {
    const pageNo = Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1);
    const result = catalogue.find({ ...filters, q, page: pageNo, pageSize: PAGE });
    const works = result.items
      .map((s) => catalogue.work(s.id))
      .filter((w): w is Work => w !== undefined);
    const sep = base.includes('?') ? '&' : '?';
    const self = pageNo > 1 ? `${base}${sep}page=${pageNo}` : base;
    const links = common(self, ACQ_TYPE, title);
    links.push({ rel: 'up', href: '/opds', type: NAV_TYPE });
    links.push({ rel: 'first', href: base, type: ACQ_TYPE });
    if (pageNo > 1)
      links.push({ rel: 'previous', href: `${base}${sep}page=${pageNo - 1}`, type: ACQ_TYPE });
    if (pageNo < result.pages)
      links.push({ rel: 'next', href: `${base}${sep}page=${pageNo + 1}`, type: ACQ_TYPE });
    const head = { id: `urn:lanterne:${id}:${pageNo}`, title, updated: updated(), links };
    return send(c, acquisitionFeed(head, works, result), ACQ_TYPE);
  };

  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.res) return err.res;
    const status = err instanceof HTTPException ? err.status : 500;
    if (status >= 500) ctx.log.error(`OPDS ${c.req.path}: ${err.stack ?? err.message}`);
    return atomError(status >= 500 ? 500 : status, updated());
  });
  return app
    .get('/', (c) => {
      const entries = [
        {
          id: 'urn:lanterne:new',
          title: 'Nouveautés',
          content: 'Les dernières œuvres arrivées sur la boîte',
          href: '/opds/new',
          type: ACQ_TYPE,
        },
        {
          id: 'urn:lanterne:types',
          title: 'Par type',
          content: 'Livres, audio, vidéos, images, documents',
          href: '/opds/types',
          type: NAV_TYPE,
        },
        {
          id: 'urn:lanterne:languages',
          title: 'Par langue',
          content: 'Les œuvres rangées par langue',
          href: '/opds/languages',
          type: NAV_TYPE,
        },
        {
          id: 'urn:lanterne:themes',
          title: 'Par thème',
          content: 'Les œuvres rangées par thème',
          href: '/opds/themes',
          type: NAV_TYPE,
        },
      ];
      const head = {
        id: 'urn:lanterne:root',
        title: ctx.settings.current().libraryName,
        updated: updated(),
        links: common('/opds', NAV_TYPE, 'Lanterne'),
      };
      return send(c, navigationFeed(head, entries), NAV_TYPE);
    })
    .get('/new', (c) => acquisition(c, 'new', 'Nouveautés', '/opds/new', {}))
    .get('/types', (c) => {
      const entries = catalogue.facets().types.map(({ type, count }) => ({
        id: `urn:lanterne:type:${type}`,
        title: typeLabel('fr', type, true),
        content: `${count} œuvre(s)`,
        href: `/opds/types/${type}`,
        type: ACQ_TYPE,
        count,
      }));
      const head = {
        id: 'urn:lanterne:types',
        title: 'Par type',
        updated: updated(),
        links: [
          ...common('/opds/types', NAV_TYPE, 'Par type'),
          { rel: 'up', href: '/opds', type: NAV_TYPE },
        ],
      };
      return send(c, navigationFeed(head, entries), NAV_TYPE);
    })
    .get('/types/:type', (c) => {
      const type = c.req.param('type');
      if (!isWorkType(type)) throw notFound();
      return acquisition(c, `type:${type}`, typeLabel('fr', type, true), `/opds/types/${type}`, {
        type,
      });
    })
    .get('/languages', (c) => {
      const entries = catalogue.facets().languages.map(({ language, count }) => ({
        id: `urn:lanterne:language:${language}`,
        title: languageName('fr', language),
        content: `${count} œuvre(s)`,
        href: `/opds/languages/${encodeURIComponent(language)}`,
        type: ACQ_TYPE,
        count,
      }));
      const head = {
        id: 'urn:lanterne:languages',
        title: 'Par langue',
        updated: updated(),
        links: [
          ...common('/opds/languages', NAV_TYPE, 'Par langue'),
          { rel: 'up', href: '/opds', type: NAV_TYPE },
        ],
      };
      return send(c, navigationFeed(head, entries), NAV_TYPE);
    })
    .get('/languages/:code', (c) => {
      const code = c.req.param('code');
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(code)) throw notFound();
      // A language no work is in is an unknown section, not an empty feed.
      if (!catalogue.facets().languages.some((l) => l.language === code)) throw notFound();
      return acquisition(
        c,
        `language:${code}`,
        languageName('fr', code),
        `/opds/languages/${code}`,
        { language: code },
      );
    })
    .get('/themes', (c) => {
      const entries = catalogue.facets().themes.map(({ slug, label, count }) => ({
        id: `urn:lanterne:theme:${slug}`,
        title: label,
        content: `${count} œuvre(s)`,
        href: `/opds/themes/${slug}`,
        type: ACQ_TYPE,
        count,
      }));
      const head = {
        id: 'urn:lanterne:themes',
        title: 'Par thème',
        updated: updated(),
        links: [
          ...common('/opds/themes', NAV_TYPE, 'Par thème'),
          { rel: 'up', href: '/opds', type: NAV_TYPE },
        ],
      };
      return send(c, navigationFeed(head, entries), NAV_TYPE);
    })
    .get('/themes/:slug', (c) => {
      const theme = catalogue.theme(c.req.param('slug'));
      if (!theme) throw notFound();
      return acquisition(c, `theme:${theme.slug}`, theme.label, `/opds/themes/${theme.slug}`, {
        theme: theme.slug,
      });
    })
    .get('/search', (c) => {
      const q = (c.req.query('q') ?? '').trim().slice(0, 200);
      if (q) {
        const total = catalogue.find({ q, pageSize: 1 }).total;
        ctx.events.emit({
          type: 'search',
          surface: 'opds',
          query: q,
          results: total,
          client: clientOf(c),
        });
      }
      return acquisition(
        c,
        `search:${q}`,
        `Recherche : ${q}`,
        `/opds/search?q=${encodeURIComponent(q)}`,
        {},
        q,
      );
    })
    .get('/opensearch.xml', (c) => {
      const name = ctx.settings.current().libraryName;
      // OpenSearch templates must be absolute: build them on the address the app used.
      const origin = new URL(c.req.url).origin;
      const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n` +
        `<ShortName>${xml(name.slice(0, 16))}</ShortName>\n` +
        `<Description>${xml(`Rechercher dans ${name}`)}</Description>\n` +
        `<InputEncoding>UTF-8</InputEncoding>\n<OutputEncoding>UTF-8</OutputEncoding>\n` +
        `<Url type="${ACQ_TYPE}" template="${origin}/opds/search?q={searchTerms}"/>\n` +
        `<Url type="text/html" template="${origin}/search?q={searchTerms}"/>\n` +
        `</OpenSearchDescription>\n`;
      return c.body(body, 200, { 'content-type': `${SEARCH_TYPE};charset=utf-8` });
    })
    .on(['GET', 'HEAD'], '*', () => atomError(404, updated()))
    .all('*', () => atomError(405, updated()));
}
