import type { Work, WorkFile } from '../catalogue/types.js';
import { fileUrl, workUrl } from '../files/urls.js';
import { humanSize } from '../portal/components.js';
import { assetUrl } from '../ui/asset-url.js';
import type { ComponentChildren } from 'preact';
import { Layout, href, type PageContext } from '../ui/page.js';
import { LEAVE_TEXT, READER_TEXT, type ReaderText } from './messages.js';
import type { ReaderBuild } from './build.js';
import type { BookEntry } from './shelf.js';

interface ShellProps {
  page: PageContext;
  title: string;
  build: ReaderBuild | null;
  /** Book entries the reader fetches first, asked for while its script loads. */
  entries?: string[] | undefined;
  kiosk?: boolean | undefined;
  children: ComponentChildren;
}

/** The reader's own document: no portal header, the whole screen for the book. */
function Shell({ page, title, build, entries = [], kiosk, children }: ShellProps) {
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${page.libraryName}`}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {build?.css.map((css) => (
          <link key={css} rel="stylesheet" href={css} />
        ))}
        {build ? <script type="module" src={build.js} /> : null}
        {build?.preload.map((js) => (
          <link key={js} rel="modulepreload" href={js} />
        ))}
        {build
          ? entries.map((url) => (
              <link key={url} rel="preload" as="fetch" href={url} crossorigin="anonymous" />
            ))
          : null}
      </head>
      <body class={kiosk ? 'reader-page kiosk' : 'reader-page'}>{children}</body>
    </html>
  );
}

function DownloadLink({
  page,
  work,
  file,
  t,
}: {
  page: PageContext;
  work: Work;
  file: WorkFile;
  t: ReaderText;
}) {
  return (
    <a class="download" href={fileUrl('files', work.id, file)}>
      {t.download} ({file.format.toUpperCase()}, {humanSize(page.lang, file.size)})
    </a>
  );
}

function StepButtons(props: { name: string; label: string; less: string; more: string }) {
  return (
    <div class="setting" role="group" aria-labelledby={`${props.name}-label`}>
      <span id={`${props.name}-label`} class="setting-label">
        {props.label}
      </span>
      <button type="button" data-step={props.name} data-by="-1" aria-label={props.less}>
        −
      </button>
      <output id={`${props.name}-value`} aria-live="polite">
        100 %
      </output>
      <button type="button" data-step={props.name} data-by="1" aria-label={props.more}>
        +
      </button>
    </div>
  );
}

function Choice(props: { name: string; legend: string; options: Array<[string, string]> }) {
  return (
    <fieldset class="setting">
      <legend class="setting-label">{props.legend}</legend>
      {props.options.map(([value, label], i) => (
        <label key={value}>
          <input type="radio" name={props.name} value={value} checked={i === 0} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function PanelHead({ id, title, close }: { id: string; title: string; close: string }) {
  return (
    <div class="panel-head">
      <h2 id={`${id}-title`}>{title}</h2>
      <button type="button" class="close" data-close={id}>
        {close}
      </button>
    </div>
  );
}

export interface ReaderPageProps {
  page: PageContext;
  work: Work;
  file: WorkFile;
  entries: BookEntry[];
  /** `/epub/<work>/<position>/`, from `files/urls.ts`. */
  base: string;
  /** Entry URLs to preload (container.xml, the package document). */
  first: string[];
  build: ReaderBuild | null;
  /** Set for the kiosk: large steps, no way out. */
  kiosk?: boolean;
}

/**
 * A work's EPUB read in the page. Everything is in the HTML: without JavaScript the
 * visitor sees why and the download link; the script (the reader build) shows the book
 * and the controls, and keeps the place in this browser's localStorage only.
 */
export function ReaderPage(props: ReaderPageProps) {
  const { page, work, file, entries, base, first, build, kiosk = false } = props;
  const t = READER_TEXT[page.lang];
  const back = href(page, workUrl(work.id));
  const tools = (
    <div class="tools" hidden>
      <button type="button" id="toc-button" aria-expanded="false" aria-controls="toc">
        {t.toc}
      </button>
      <button type="button" id="settings-button" aria-expanded="false" aria-controls="settings">
        {t.settings}
      </button>
    </div>
  );
  return (
    <Shell
      page={page}
      title={`${t.reading} : ${work.title}`}
      build={build}
      entries={first}
      kiosk={kiosk}
    >
      <div
        id="reader"
        class="reader"
        data-base={base}
        data-entries={JSON.stringify(entries.map((e) => [e.name, e.size]))}
        data-key={`${work.id}/${file.position}`}
        data-lang-base={page.base}
        data-kiosk={kiosk ? '1' : undefined}
      >
        <header class="bar">
          {kiosk ? null : (
            <a class="back" href={back}>
              <span aria-hidden="true">←</span> {t.back}
            </a>
          )}
          <h1 class="title" lang={work.language || undefined}>
            {work.title}
          </h1>
          {kiosk ? null : tools}
        </header>
        <div id="fallback" class="fallback">
          <p id="fallback-opening" hidden>
            {t.opening}
          </p>
          <p id="fallback-text">{build ? (kiosk ? t.opening : t.noScript) : t.noBuild}</p>
          <p id="fallback-failed" hidden>
            {kiosk ? t.kioskFailed : t.failed}
          </p>
          {/* On the kiosk nothing leaves it: no download, the book goes to a phone by QR. */}
          {kiosk ? null : (
            <p>
              <DownloadLink page={page} work={work} file={file} t={t} />
            </p>
          )}
        </div>
        <nav id="toc" class="panel" aria-labelledby="toc-title" hidden>
          <PanelHead id="toc" title={t.toc} close={t.close} />
          {/* The words searched stay in the browser: the reader searches the chapters itself. */}
          {kiosk ? null : (
            <form id="search" class="search" role="search" lang={page.lang}>
              <label for="search-q">{t.searchLabel}</label>
              <input id="search-q" type="search" autocomplete="off" />
              <button type="submit">{t.searchGo}</button>
            </form>
          )}
          <p
            id="search-status"
            role="status"
            data-busy={t.searchBusy}
            data-none={t.searchNone}
            data-count={t.searchCount}
          />
          <ol id="search-results" hidden />
          <ol id="toc-list" />
        </nav>
        <section id="settings" class="panel" aria-labelledby="settings-title" hidden>
          <PanelHead id="settings" title={t.settings} close={t.close} />
          <StepButtons name="size" label={t.fontSize} less={t.smaller} more={t.larger} />
          <StepButtons name="spacing" label={t.lineSpacing} less={t.tighter} more={t.looser} />
          <Choice
            name="theme"
            legend={t.theme}
            options={[
              ['day', t.day],
              ['night', t.night],
              ['contrast', t.contrast],
            ]}
          />
          <Choice
            name="flow"
            legend={t.mode}
            options={[
              ['paginated', t.paginated],
              ['scrolled', t.scrolled],
            ]}
          />
          {kiosk ? null : <p class="privacy">{t.privacy}</p>}
        </section>
        <main id="book" class="book" aria-label={t.bookText} />
        <footer class="turns" hidden>
          <button type="button" id="prev" aria-label={t.prev}>
            <span aria-hidden="true">‹</span>
          </button>
          {/* On the kiosk one bar holds everything: the text keeps the height of a 7" screen. */}
          {kiosk ? tools : null}
          <p id="where" aria-live="polite" />
          <button type="button" id="next" aria-label={t.next}>
            <span aria-hidden="true">›</span>
          </button>
        </footer>
      </div>
    </Shell>
  );
}

/** On the kiosk, a book that cannot open: why, and no link anywhere. */
export function KioskRefusedPage({ page, reason }: { page: PageContext; reason: string }) {
  const t = READER_TEXT[page.lang];
  return (
    <Shell page={page} title={t.refusedTitle} build={null} kiosk>
      <main class="fallback">
        <h1>{t.refusedTitle}</h1>
        <p>{reason}</p>
        <p>{t.kioskFailed}</p>
      </main>
    </Shell>
  );
}

/** The book cannot be read in the page: why, in plain words, and the download. */
export function RefusedPage(props: {
  page: PageContext;
  work: Work;
  file: WorkFile;
  reason: string;
}) {
  const { page, work, file, reason } = props;
  const t = READER_TEXT[page.lang];
  return (
    <Layout page={page} title={t.refusedTitle}>
      <section class="reader-message">
        <h1>{t.refusedTitle}</h1>
        <p>{reason}</p>
        <p>
          <DownloadLink page={page} work={work} file={file} t={t} />
        </p>
        <p>
          <a href={href(page, workUrl(work.id))}>{t.back}</a>
        </p>
      </section>
    </Layout>
  );
}

/**
 * "Vous quittez la boîte": a link in a book points to the Internet. Shown as plain
 * text first; a link only for http(s) addresses, never for `javascript:` and the like.
 */
export function LeavePage(props: { page: PageContext; target: string; back: string | null }) {
  const { page, target, back } = props;
  const t = LEAVE_TEXT[page.lang];
  const web = /^https?:\/\/[^\s]+$/i.test(target);
  return (
    <Layout page={page} title={t.title}>
      <section class="reader-message">
        <h1>{t.title}</h1>
        {web ? (
          <>
            <p>{t.intro}</p>
            <p class="address">{target}</p>
            <p>{t.offline}</p>
            <p>
              <a href={target} rel="noopener noreferrer">
                {t.go}
              </a>
            </p>
          </>
        ) : (
          <p>{t.bad}</p>
        )}
        <p>
          <a href={back ?? href(page, '/')}>{t.back}</a>
        </p>
      </section>
    </Layout>
  );
}
