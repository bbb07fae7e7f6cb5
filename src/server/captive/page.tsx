import type { WorkType } from '../catalogue/types.js';
import type { Lang } from '../i18n/lang.js';
import { workTypeLabel } from '../../shared/work-types.js';
import { assetUrl } from '../ui/asset-url.js';
import { fill } from '../portal/messages.js';
import { captive } from './messages.js';
import { metaDescription } from '../ui/page.js';

export interface WelcomeData {
  lang: Lang;
  libraryName: string;
  types: Array<{ type: WorkType; count: number }>;
  /** The name visitors are told to type, e.g. `http://lanterne.lan`. */
  publicUrl: string;
  /** The box as this client reached it, e.g. `http://10.3.141.1`. */
  origin: string;
  captive: boolean;
  /** Where "Entrer" is posted (keeps the language). */
  enterAction: string;
  otherLangHref: string;
}

/**
 * The welcome page of the captive portal: short, light (the mini-browser is slow and
 * has little JavaScript) and needing no script at all.
 */
export function WelcomePage({ data }: { data: WelcomeData }) {
  const t = captive[data.lang];
  const other = data.lang === 'fr' ? 'en' : 'fr';
  const shownUrl = data.publicUrl.replace(/\/$/, '');
  const ip = data.origin.replace(/^http:\/\//, '');
  const advice = fill(data.captive ? t.downloadCaptive : t.downloadAlways, { url: shownUrl, ip });
  return (
    <html lang={data.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t.title} · ${data.libraryName}`}</title>
        <meta name="description" content={metaDescription(t.intro)} />
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <link rel="stylesheet" href="/bienvenue/style.css" />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
      </head>
      <body class="welcome">
        <header class="top">
          <span class="brand">
            <img src={assetUrl('favicon.svg')} alt="" width="32" height="32" />
            <span>{data.libraryName}</span>
          </span>
          <a class="lang" href={data.otherLangHref} hreflang={other} lang={other}>
            {t.otherLang}
          </a>
        </header>
        <main id="main">
          <h1>{fill(t.welcome, { name: data.libraryName })}</h1>
          <p class="lead">{t.intro}</p>
          {data.types.length > 0 ? (
            <>
              <p>{t.offers}</p>
              <ul class="offers">
                {data.types.map(({ type, count }) => (
                  <li key={type}>
                    <strong>{count}</strong> {workTypeLabel(data.lang, type, count !== 1)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.empty}</p>
          )}
          <form method="post" action={data.enterAction}>
            <button type="submit" class="enter">
              {t.enter}
            </button>
          </form>
          <section
            class={data.captive ? 'download captive' : 'download'}
            aria-labelledby="download-title"
          >
            <h2 id="download-title">{t.downloadTitle}</h2>
            <p>{advice}</p>
            <p>
              <a class="button" href={`${data.origin}/`} target="_blank" rel="noopener">
                {t.openBrowser}
              </a>
            </p>
            <p>
              {t.addressLabel} : <span class="url">{shownUrl}</span> · <span class="url">{ip}</span>
            </p>
          </section>
          <p class="privacy-note">{t.privacy}</p>
        </main>
      </body>
    </html>
  );
}

/** Served from the box (the page's CSP forbids inline styles). */
export const WELCOME_CSS = `.welcome main { max-width: 36rem; }
.offers { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.offers li { background: var(--panel); border-radius: var(--radius); padding: 0.4rem 0.8rem; }
.enter { width: 100%; min-height: 64px; font-size: 1.5rem; margin: 1rem 0; }
.download { border-left: 6px solid var(--accent); background: #eef4fa; padding: 0.5rem 1rem; border-radius: var(--radius); }
.download.captive { border-left-color: var(--focus); background: #fff4e5; }
.download h2 { margin-top: 0.3em; }
.privacy-note { color: var(--muted); }
`;
