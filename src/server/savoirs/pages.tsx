import type { Lang } from '../i18n/lang.js';
import { Layout, href, renderDocument, type PageContext } from '../ui/page.js';
import { ENCYCLOPAEDIAS, bookUrl } from './library.js';
import type { KiwixState } from './supervisor.js';

/** What visitors read about the encyclopaedias, French first. */
const WORDS = {
  fr: {
    open: 'Ouvrir l’encyclopédie',
    section: 'Lire sur la boîte',
    openHint: 'Les articles s’ouvrent ici, sur la boîte, sans Internet.',
    appHint: 'Le fichier .zim se lit aussi hors de la boîte avec l’application Kiwix.',
    unavailableTitle: 'Encyclopédies indisponibles',
    unavailable:
      'Les encyclopédies sont momentanément indisponibles. Le reste de la bibliothèque fonctionne. Réessayez dans un instant.',
    absent:
      'Les encyclopédies ne peuvent pas être ouvertes : le logiciel qui les lit manque sur la boîte. Le reste de la bibliothèque fonctionne ; prévenez l’animateur ou l’animatrice.',
    goneTitle: 'Encyclopédie introuvable',
    gone: 'Cette encyclopédie ou cet article n’est pas (ou plus) sur la boîte.',
    none: 'Aucune encyclopédie n’est installée sur la boîte pour le moment.',
    backHome: 'Retour à l’accueil',
    browse: 'Voir les encyclopédies du catalogue',
  },
  en: {
    open: 'Open the encyclopaedia',
    section: 'Read on the box',
    openHint: 'Articles open here, on the box, without the Internet.',
    appHint: 'The .zim file can also be read away from the box with the Kiwix app.',
    unavailableTitle: 'Encyclopaedias unavailable',
    unavailable:
      'The encyclopaedias are unavailable for a moment. The rest of the library works. Try again shortly.',
    absent:
      'The encyclopaedias cannot be opened: the program that reads them is missing on the box. The rest of the library works; please tell the librarian.',
    goneTitle: 'Encyclopaedia not found',
    gone: 'This encyclopaedia or article is not (or no longer) on the box.',
    none: 'No encyclopaedia is installed on the box yet.',
    backHome: 'Back to the home page',
    browse: 'See the encyclopaedias in the catalogue',
  },
} satisfies Record<Lang, Record<string, string>>;

/** Why an encyclopaedia cannot be opened now, or null when it can. */
function downText(lang: Lang, state: KiwixState): string | null {
  if (state.kind === 'running') return null;
  return state.kind === 'absent' ? WORDS[lang].absent : WORDS[lang].unavailable;
}

/** On an encyclopaedia's work page, under its title: open it, or why not now. */
export function OpenBook({
  page,
  workId,
  state,
}: {
  page: PageContext;
  workId: string;
  state: KiwixState;
}) {
  const t = WORDS[page.lang];
  const down = downText(page.lang, state);
  return (
    <section class="savoirs-open" aria-label={t.section}>
      {down ? (
        <p class="notice-box" role="status" data-testid="savoirs-down">
          {down}
        </p>
      ) : (
        <>
          <p>
            <a class="button" href={bookUrl(workId)} data-testid="savoirs-open">
              {t.open}
            </a>
          </p>
          <p class="file-help">{t.openHint}</p>
        </>
      )}
      <p class="file-help">{t.appHint}</p>
    </section>
  );
}

/**
 * The box's own page for /savoirs/… when kiwix-serve cannot answer (503) or has no such
 * book or article (404): plain words, a way back, never kiwix-serve's or Node's error.
 */
export function savoirsPage(page: PageContext, state: KiwixState, status: 404 | 503): string {
  const t = WORDS[page.lang];
  const title = status === 404 ? t.goneTitle : t.unavailableTitle;
  const text =
    status === 404
      ? state.kind === 'empty'
        ? t.none
        : t.gone
      : (downText(page.lang, state) ?? t.unavailable);
  return renderDocument(
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p class="notice-box" role="status">
        {text}
      </p>
      <p>
        <a class="button" href={href(page, '/')}>
          {t.backHome}
        </a>{' '}
        <a href={href(page, ENCYCLOPAEDIAS)}>{t.browse}</a>
      </p>
    </Layout>,
  );
}
