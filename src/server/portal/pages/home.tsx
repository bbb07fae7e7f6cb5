import type { Theme, WorkSummary, WorkType } from '../../catalogue/types.js';
import { Layout, href, type PageContext } from '../../ui/page.js';
import { WorkList, typeLabel } from '../components.js';
import { fill, portal } from '../messages.js';

export interface HomeData {
  newest: WorkSummary[];
  types: Array<{ type: WorkType; count: number }>;
  themes: Array<Theme & { count: number }>;
}

export function HomePage({ page, data }: { page: PageContext; data: HomeData }) {
  const t = portal[page.lang];
  return (
    <Layout page={page} title={t.welcome} section="home">
      <h1>{page.libraryName}</h1>
      <p class="lead">{t.intro}</p>
      <section aria-labelledby="by-type">
        <h2 id="by-type">{t.byType}</h2>
        <ul class="tiles">
          {data.types.map(({ type, count }) => (
            <li key={type}>
              <a class={`tile type-${type}`} href={href(page, `/browse?type=${type}`)}>
                <span class="tile-label">{typeLabel(page.lang, type, true)}</span>
                <span class="tile-count">{fill(t.workCount, { n: count })}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{t.newest}</h2>
        <WorkList page={page} works={data.newest} />
        <p>
          <a class="button" href={href(page, '/browse')}>
            {t.seeAll}
          </a>
        </p>
      </section>
      {data.themes.length > 0 ? (
        <section aria-labelledby="by-theme">
          <h2 id="by-theme">{t.byTheme}</h2>
          <ul class="chips">
            {data.themes.map((theme) => (
              <li key={theme.slug}>
                <a href={href(page, `/browse?theme=${theme.slug}`)}>
                  {`${theme.label} `}
                  <span class="count">({theme.count})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
