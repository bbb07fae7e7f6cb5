import { explainLicence, getLicence } from '../catalogue/licences.js';
import type { SearchDoc, SearchHit, SearchKind } from '../catalogue/site-search.js';
import type { WorkSummary, WorkType } from '../catalogue/types.js';
import { workTypeLabel } from '../../shared/work-types.js';
import { coverSrcset, coverUrl, workUrl } from '../files/urls.js';
import type { Lang } from '../i18n/lang.js';
import { LANGUAGE_NAMES } from '../i18n/language-names.js';
import { assetUrl } from '../ui/asset-url.js';
import { href, type PageContext } from '../ui/page.js';
import { KindIcon } from './icons.js';
import { fill, portal } from './messages.js';

/** The shared work-type table (`src/shared/work-types.ts`), under the portal's name. */
export function typeLabel(lang: Lang, type: WorkType, plural = false): string {
  return workTypeLabel(lang, type, plural);
}

// Intl.DisplayNames maps in ~5 MB of ICU data: only built for a code the table lacks.
const displayNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

export function languageName(lang: Lang, code: string): string {
  try {
    const name =
      LANGUAGE_NAMES[lang][code] ??
      (displayNames[lang] ??= new Intl.DisplayNames([lang], { type: 'language' })).of(code) ??
      code;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return code;
  }
}

export function humanSize(lang: Lang, bytes: number): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(lang, { maximumFractionDigits: digits })} ${units[unit]}`;
}

export function WorkCard({ page, work }: { page: PageContext; work: WorkSummary }) {
  const t = portal[page.lang];
  return (
    <li class="card" data-kind="work">
      <a href={href(page, workUrl(work.id))}>
        {work.hasCover ? (
          <img
            src={coverUrl(work.id)}
            srcset={coverSrcset(work.id)}
            sizes="96px"
            alt=""
            loading="lazy"
            width="96"
            height="128"
          />
        ) : (
          <span class={`placeholder type-${work.type}`} aria-hidden="true">
            <KindIcon kind={work.type} size={40} />
          </span>
        )}
        <span class="card-text">
          <span class="card-title">{work.title}</span>
          {work.authors ? (
            <span class="card-authors">
              {t.by} {work.authors}
            </span>
          ) : null}
          <span class="card-meta">
            {typeLabel(page.lang, work.type)} · {languageName(page.lang, work.language)}
          </span>
        </span>
      </a>
    </li>
  );
}

/** Where each kind of document is read on the portal. */
const DOC_PATHS: Record<Exclude<SearchKind, 'work'>, string> = {
  notice: '/notices/',
  parcours: '/apprendre/',
};

/** A search result that is not a work (an e-notice now, a learning path later). */
export function DocCard({
  page,
  kind,
  doc,
}: {
  page: PageContext;
  kind: Exclude<SearchKind, 'work'>;
  doc: SearchDoc;
}) {
  const t = portal[page.lang];
  return (
    <li class="card" data-kind={kind}>
      <a href={href(page, `${DOC_PATHS[kind]}${encodeURIComponent(doc.id)}`)}>
        <span class={`placeholder kind-${kind}`} aria-hidden="true">
          <KindIcon kind={kind} size={40} />
        </span>
        <span class="card-text">
          <span class="card-title">{doc.title}</span>
          <span class="card-authors">{doc.summary}</span>
          <span class="card-meta">
            <strong>{t[`kind.${kind}`]}</strong> · {languageName(page.lang, doc.language)}
          </span>
        </span>
      </a>
    </li>
  );
}

export function WorkList({ page, works }: { page: PageContext; works: WorkSummary[] }) {
  return (
    <ul class="cards">
      {works.map((w) => (
        <WorkCard key={w.id} page={page} work={w} />
      ))}
    </ul>
  );
}

/** Search results of every kind, in the order the search ranked them. */
export function HitList({ page, hits }: { page: PageContext; hits: SearchHit[] }) {
  return (
    <ul class="cards">
      {hits.map((hit) =>
        hit.kind === 'work' ? (
          <WorkCard key={`w ${hit.work.id}`} page={page} work={hit.work} />
        ) : (
          <DocCard key={`${hit.kind} ${hit.doc.id}`} page={page} kind={hit.kind} doc={hit.doc} />
        ),
      )}
    </ul>
  );
}

/** A link to another page of the same list, keeping every other query parameter. */
export function pageLink(page: PageContext, n: number): string {
  const params = new URLSearchParams(page.search);
  params.set('page', String(n));
  return href(page, `${page.path}?${params.toString()}`);
}

/** Shown instead of an empty list when the page asked for lies past the last one. */
export function PastEnd({ page, pages }: { page: PageContext; pages: number }) {
  const t = portal[page.lang];
  return (
    <p class="notice-box">
      {fill(t.pastEnd, { pages })}{' '}
      <a class="button" href={pageLink(page, pages)}>
        {t.lastPage}
      </a>
    </p>
  );
}

/** Previous / next links that keep every other query parameter. */
export function Pager({
  page,
  current,
  pages,
}: {
  page: PageContext;
  current: number;
  pages: number;
}) {
  if (pages <= 1 || current > pages) return null;
  const t = portal[page.lang];
  const link = (n: number) => pageLink(page, n);
  return (
    <nav class="pager" aria-label={t.pagination}>
      {current > 1 ? (
        <a rel="prev" class="button" href={link(current - 1)}>
          ← {t.previous}
        </a>
      ) : null}
      <span>{fill(t.pageOf, { page: current, pages })}</span>
      {current < pages ? (
        <a rel="next" class="button" href={link(current + 1)}>
          {t.next} →
        </a>
      ) : null}
    </nav>
  );
}

export function LicenceBox({
  lang,
  licenceId,
  attribution,
}: {
  lang: Lang;
  licenceId: string;
  attribution: string;
}) {
  const t = portal[lang];
  const licence = getLicence(licenceId);
  return (
    <section class="licence" aria-labelledby="licence-title">
      <h2 id="licence-title">{t.licenceTitle}</h2>
      <p class="licence-name">
        {licence ? <img src={assetUrl(`licences/${licence.id}.svg`)} alt="" height="32" /> : null}
        <strong>{licence?.name ?? licenceId}</strong>
      </p>
      <p>{explainLicence(licenceId, lang)}</p>
      <h3>{t.attribution}</h3>
      <p class="attribution">
        <code id="attribution-text">{attribution}</code>
        <button type="button" class="copy" data-copy="attribution-text" data-done={t.copied} hidden>
          {t.copy}
        </button>
      </p>
      {licence ? (
        <p class="legal">
          {t.legalText} : <span class="url">{licence.url}</span> {t.legalOffline}
        </p>
      ) : null}
    </section>
  );
}
