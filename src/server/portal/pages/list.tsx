import { getLicence } from '../../catalogue/licences.js';
import type { Facets } from '../../catalogue/service.js';
import type { RemoteHit, SearchResult } from '../../catalogue/site-search.js';
import { MAX_QUERY_CHARS } from '../../catalogue/text.js';
import type { Filters, Page, WorkSummary } from '../../catalogue/types.js';
import { Layout, href, type PageContext } from '../../ui/page.js';
import { HitList, PastEnd, Pager, WorkList, languageName, typeLabel } from '../components.js';
import { counted, fill, portal } from '../messages.js';

export interface BrowseData {
  filters: Filters;
  order: 'new' | 'title';
  result: Page<WorkSummary> & { page: number; pages: number };
  facets: Facets;
}

export interface SearchData {
  filters: Filters;
  result: SearchResult;
  facets: Facets;
  /** Articles of the encyclopaedias (kiwix-serve), shown apart from the works. */
  articles?: RemoteHit[];
}

/** Articles found in the encyclopaedias: a box of their own, before the works. */
function Articles({ page, articles }: { page: PageContext; articles: RemoteHit[] }) {
  const t = portal[page.lang];
  return (
    <section class="articles" aria-labelledby="articles-title" data-testid="articles">
      <h2 id="articles-title">{t.articlesTitle}</h2>
      <p class="articles-lead">{t.articlesLead}</p>
      <ul>
        {articles.map((a) => (
          <li key={a.url}>
            <a href={a.url}>{a.title}</a>{' '}
            <span class="article-from">{fill(t.articleIn, { from: a.from })}</span>
            {a.snippet ? <span class="article-snippet">{a.snippet}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Select(props: {
  name: string;
  label: string;
  any: string;
  value: string | undefined;
  options: Array<[string, string]>;
}) {
  return (
    <p class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </p>
  );
}

/**
 * The filters, folded under one line so results come first on a phone; a plain
 * `<details>`, so it opens without JavaScript. The search text travels in a hidden
 * field: the only search box is the one at the top of every page.
 */
function FilterForm({
  page,
  action,
  filters,
  facets,
  q,
  order,
}: {
  page: PageContext;
  action: '/browse' | '/search';
  filters: Filters;
  facets: Facets;
  q?: string;
  order?: 'new' | 'title';
}) {
  const t = portal[page.lang];
  const chosen = [filters.type, filters.language, filters.licence, filters.theme].filter(
    Boolean,
  ).length;
  return (
    <details class="filters-fold">
      <summary>
        {t.filters}
        {chosen > 0 ? (
          <span class="count"> ({counted(page.lang, 'activeFilters', chosen)})</span>
        ) : null}
      </summary>
      <form class="filters" method="get" action={href(page, action)}>
        {q !== undefined ? <input type="hidden" name="q" value={q} /> : null}
        {order !== undefined ? (
          <p class="field">
            <label for="f-order">{t.sort}</label>
            <select id="f-order" name="order">
              <option value="new" selected={order === 'new'}>
                {t.sortNew}
              </option>
              <option value="title" selected={order === 'title'}>
                {t.sortTitle}
              </option>
            </select>
          </p>
        ) : null}
        <Select
          name="type"
          label={t.type}
          any={t.anyType}
          value={filters.type}
          options={facets.types.map((f) => [f.type, typeLabel(page.lang, f.type, true)])}
        />
        <Select
          name="language"
          label={t.language}
          any={t.anyLanguage}
          value={filters.language}
          options={facets.languages.map((f) => [f.language, languageName(page.lang, f.language)])}
        />
        <Select
          name="licence"
          label={t.licence}
          any={t.anyLicence}
          value={filters.licence}
          options={facets.licences.map((f) => [
            f.licence,
            getLicence(f.licence)?.name ?? f.licence,
          ])}
        />
        <Select
          name="theme"
          label={t.theme}
          any={t.anyTheme}
          value={filters.theme}
          options={facets.themes.map((f) => [f.slug, f.label])}
        />
        <p class="field">
          <button type="submit">{t.apply}</button>
        </p>
      </form>
    </details>
  );
}

export function BrowsePage({ page, data }: { page: PageContext; data: BrowseData }) {
  const t = portal[page.lang];
  const { result } = data;
  const pastEnd = result.page > result.pages;
  return (
    <Layout page={page} title={t.browseTitle} section="browse">
      <h1>{t.browseTitle}</h1>
      <p role="status">{counted(page.lang, 'workCount', result.total)}</p>
      <FilterForm
        page={page}
        action="/browse"
        filters={data.filters}
        facets={data.facets}
        order={data.order}
      />
      {pastEnd && result.total > 0 ? (
        <PastEnd page={page} pages={result.pages} />
      ) : result.items.length > 0 ? (
        <WorkList page={page} works={result.items} />
      ) : (
        <p>{t.noResults}</p>
      )}
      <Pager page={page} current={result.page} pages={result.pages} />
    </Layout>
  );
}

export function SearchPage({ page, data }: { page: PageContext; data: SearchData }) {
  const t = portal[page.lang];
  const { result } = data;
  const heading = result.status === 'ok' ? fill(t.resultsFor, { q: result.q }) : t.searchTitle;
  const pastEnd = result.page > result.pages;
  return (
    <Layout page={page} title={heading} section="search" query={result.q}>
      <h1>{heading}</h1>
      {result.tooLong ? (
        <p class="notice-box" role="alert">
          {fill(t.tooLong, { n: MAX_QUERY_CHARS })}
        </p>
      ) : null}
      {result.status !== 'ok' ? (
        <p role="status">{result.status === 'no-words' ? t.noWords : t.emptySearch}</p>
      ) : (
        <>
          <p role="status">
            {counted(page.lang, 'resultCount', result.total)}
            {result.byKind.notice > 0 && result.byKind.work > 0
              ? ` (${counted(page.lang, 'noticeCount', result.byKind.notice)}, ${counted(page.lang, 'workCount', result.byKind.work)})`
              : null}
          </p>
          <FilterForm
            page={page}
            action="/search"
            filters={data.filters}
            facets={data.facets}
            q={result.q}
          />
          {data.articles && data.articles.length > 0 ? (
            <Articles page={page} articles={data.articles} />
          ) : null}
          {pastEnd && result.total > 0 ? (
            <PastEnd page={page} pages={result.pages} />
          ) : result.hits.length > 0 ? (
            <HitList page={page} hits={result.hits} />
          ) : (
            <p>{data.articles?.length ? t.onlyArticles : t.noResults}</p>
          )}
          <Pager page={page} current={result.page} pages={result.pages} />
        </>
      )}
    </Layout>
  );
}
