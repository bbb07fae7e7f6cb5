import { getLicence } from '../../catalogue/licences.js';
import type { Filters, Page, Theme, WorkSummary, WorkType } from '../../catalogue/types.js';
import { Layout, href, type PageContext } from '../../ui/page.js';
import { Pager, WorkList, languageName, typeLabel } from '../components.js';
import { fill, portal } from '../messages.js';

export interface ListData {
  mode: 'browse' | 'search';
  q: string;
  filters: Filters;
  order: 'new' | 'title';
  result: Page<WorkSummary> & { page: number; pages: number };
  facets: {
    types: Array<{ type: WorkType; count: number }>;
    languages: Array<{ language: string; count: number }>;
    licences: Array<{ licence: string; count: number }>;
    themes: Array<Theme & { count: number }>;
  };
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

export function ListPage({ page, data }: { page: PageContext; data: ListData }) {
  const t = portal[page.lang];
  const { result, facets, filters } = data;
  const title = data.mode === 'search' ? t.searchTitle : t.browseTitle;
  const heading = data.mode === 'search' && data.q ? fill(t.resultsFor, { q: data.q }) : title;
  return (
    <Layout page={page} title={heading} section={data.mode}>
      <h1>{heading}</h1>
      <form
        class="filters"
        method="get"
        action={href(page, data.mode === 'search' ? '/search' : '/browse')}
      >
        {data.mode === 'search' ? (
          <p class="field">
            <label for="f-q">{t.searchTitle}</label>
            <input id="f-q" name="q" type="search" value={data.q} />
          </p>
        ) : (
          <p class="field">
            <label for="f-order">{t.sort}</label>
            <select id="f-order" name="order">
              <option value="new" selected={data.order === 'new'}>
                {t.sortNew}
              </option>
              <option value="title" selected={data.order === 'title'}>
                {t.sortTitle}
              </option>
            </select>
          </p>
        )}
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
      {data.mode === 'search' && !data.q ? (
        <p>{t.emptySearch}</p>
      ) : (
        <>
          <p role="status">
            {data.mode === 'search' && result.capped
              ? fill(t.resultCountMore, { n: result.total.toLocaleString(page.lang) })
              : fill(data.mode === 'search' ? t.resultCount : t.workCount, { n: result.total })}
          </p>
          {result.items.length > 0 ? (
            <WorkList page={page} works={result.items} />
          ) : (
            <p>{t.noResults}</p>
          )}
          <Pager page={page} current={result.page} pages={result.pages} />
        </>
      )}
    </Layout>
  );
}
