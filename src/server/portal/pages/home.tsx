import type { ComponentChildren, VNode } from 'preact';
import { coverSrcset, coverUrl } from '../../files/urls.js';
import type { Theme, WorkSummary, WorkType } from '../../catalogue/types.js';
import { Layout, href, type PageContext } from '../../ui/page.js';
import { languageName, typeLabel } from '../components.js';
import { KindIcon } from '../icons.js';
import { counted, portal } from '../messages.js';

export interface HomeData {
  newest: WorkSummary[];
  /** Most downloaded this week (from the anonymous daily counts), most first. */
  popular: Array<{ work: WorkSummary; downloads: number }>;
  types: Array<{ type: WorkType; count: number }>;
  themes: Array<Theme & { count: number }>;
  /** How many e-notices visitors can read. */
  notices: number;
  /** The next workshop, drawn by the ateliers feature (nothing when none is coming). */
  next?: ComponentChildren;
}

/** A cover large enough to recognise, with the title under it. */
function Shelf({
  page,
  works,
  note,
}: {
  page: PageContext;
  works: WorkSummary[];
  note?: (work: WorkSummary) => string;
}) {
  return (
    <ul class="shelf">
      {works.map((work) => (
        <li key={work.id}>
          <a href={href(page, `/works/${work.id}`)}>
            {work.hasCover ? (
              <img
                src={coverUrl(work.id)}
                srcset={coverSrcset(work.id)}
                sizes="150px"
                alt=""
                loading="lazy"
                width="150"
                height="200"
              />
            ) : (
              <span class={`shelf-none type-${work.type}`} aria-hidden="true">
                <KindIcon kind={work.type} size={56} />
              </span>
            )}
            <span class="shelf-title">{work.title}</span>
            <span class="shelf-meta">
              {note
                ? note(work)
                : `${typeLabel(page.lang, work.type)} · ${languageName(page.lang, work.language)}`}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({
  page,
  data,
  extras = [],
}: {
  page: PageContext;
  data: HomeData;
  /** Sections of other features (portal/extras.ts). */
  extras?: Array<VNode | null>;
}) {
  const t = portal[page.lang];
  const downloads = new Map(data.popular.map((p) => [p.work.id, p.downloads]));
  return (
    <Layout page={page} title={t.welcome} section="home">
      <h1>{page.libraryName}</h1>
      <p class="lead">{t.intro}</p>
      {data.next}
      <section aria-labelledby="by-type">
        <h2 id="by-type">{t.byType}</h2>
        <ul class="tiles">
          {data.types.map(({ type, count }) => (
            <li key={type}>
              <a class={`tile type-${type}`} href={href(page, `/browse?type=${type}`)}>
                <KindIcon kind={type} size={36} />
                <span class="tile-label">{typeLabel(page.lang, type, true)}</span>
                <span class="tile-count">{counted(page.lang, 'workCount', count)}</span>
              </a>
            </li>
          ))}
          {data.notices > 0 ? (
            <li>
              <a class="tile kind-notice" href={href(page, '/notices')}>
                <KindIcon kind="notice" size={36} />
                <span class="tile-label">{t.noticesFound}</span>
                <span class="tile-count">{counted(page.lang, 'noticeCount', data.notices)}</span>
              </a>
            </li>
          ) : null}
        </ul>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{t.newest}</h2>
        <Shelf page={page} works={data.newest} />
        <p>
          <a class="button" href={href(page, '/browse')}>
            {t.seeAll}
          </a>
        </p>
      </section>
      {data.popular.length > 0 ? (
        <section aria-labelledby="popular">
          <h2 id="popular">{t.popular}</h2>
          <Shelf
            page={page}
            works={data.popular.map((p) => p.work)}
            note={(w) => counted(page.lang, 'downloadsWeek', downloads.get(w.id) ?? 0)}
          />
        </section>
      ) : null}
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
      {extras}
    </Layout>
  );
}
