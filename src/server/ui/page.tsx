import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { core } from '../i18n/core.js';
import type { Lang } from '../i18n/lang.js';
import { assetUrl } from './asset-url.js';

/** What every portal page knows about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** '' when the language came from the browser, '/fr' or '/en' when chosen. */
  base: string;
  /** The current path without the language prefix, e.g. '/works/x'. */
  path: string;
  /** The current query string, with its '?', or ''. */
  search: string;
  libraryName: string;
}

/** The page that explains how to add the box's OPDS catalogue to a reading app. */
export const READING_APPS_PATH = '/reading-apps';

/** A link inside the portal that keeps the visitor's chosen language. */
export function href(p: PageContext, path: string): string {
  return `${p.base}${path}`;
}

export interface LayoutProps {
  page: PageContext;
  title: string;
  children: ComponentChildren;
  /** Which main navigation entry is current. */
  section?:
    | 'home'
    | 'browse'
    | 'search'
    | 'notices'
    | 'learn'
    | 'ateliers'
    | 'about'
    | 'privacy'
    | undefined;
  head?: ComponentChildren;
  /** The search being shown, kept in the one search box at the top. */
  query?: string | undefined;
  /** The page's own summary for search engines and link previews; the box's by default. */
  description?: string | undefined;
}

/** The longest meta description worth sending: search results cut at about 155. */
const DESCRIPTION_MAX = 160;

/** One line of plain text, cut at a word with an ellipsis when too long. */
export function metaDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= DESCRIPTION_MAX) return line;
  const cut = line.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_MAX / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

export function Layout({ page, title, children, section, head, query, description }: LayoutProps) {
  const t = core[page.lang];
  const summary = metaDescription(
    description?.trim() ? description : t.metaDescription.replace('{name}', page.libraryName),
  );
  const other = t.otherLangCode;
  const nav: Array<[NonNullable<LayoutProps['section']>, string, string]> = [
    ['home', '/', t.home],
    ['browse', '/browse', t.browse],
    ['notices', '/notices', t.notices],
    ['learn', '/apprendre', t.learn],
    ['ateliers', '/ateliers', t.ateliers],
    ['about', '/about', t.about],
  ];
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${page.libraryName}`}</title>
        <meta name="description" content={summary} />
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          href="/opds/opensearch.xml"
          title={page.libraryName}
        />
        <link
          rel="related"
          type="application/atom+xml;profile=opds-catalog;kind=navigation"
          href="/opds"
          title={t.opdsCatalogue}
        />
        <script src={assetUrl('portal.js')} defer />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <header class="top">
          <a class="brand" href={href(page, '/')}>
            <img src={assetUrl('favicon.svg')} alt="" width="32" height="32" />
            <span>{page.libraryName}</span>
          </a>
          <a
            class="lang"
            href={`/${other}${page.path}${page.search}`}
            hreflang={other}
            lang={other}
          >
            {t.otherLang}
          </a>
          <nav aria-label={t.mainNav}>
            <ul>
              {nav.map(([key, path, label]) => (
                <li key={key}>
                  <a href={href(page, path)} aria-current={section === key ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form class="search" role="search" action={href(page, '/search')} method="get">
            <label for="q" class="visually-hidden">
              {t.searchLabel}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              value={query}
              placeholder={t.searchPlaceholder}
              autocomplete="off"
            />
            <button type="submit">{t.search}</button>
          </form>
        </header>
        <main id="main">{children}</main>
        <footer class="bottom">
          <p>{t.footer}</p>
          <p>
            <a href={href(page, '/privacy')}>{t.privacy}</a> ·{' '}
            <a href={href(page, '/about')}>{t.about}</a> ·{' '}
            <a href={href(page, READING_APPS_PATH)}>{t.readingApps}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page to a complete HTML document. */
export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}
