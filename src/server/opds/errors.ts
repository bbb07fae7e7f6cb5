import { NAV_TYPE, navigationFeed } from './feed.js';

const MESSAGES: Record<number, { title: string; text: string }> = {
  404: {
    title: 'Page introuvable',
    text: 'Cette page du catalogue n’existe pas : revenez au début du catalogue.',
  },
  405: {
    title: 'Demande non prise en charge',
    text: 'Le catalogue ne se consulte qu’en lecture : revenez au début du catalogue.',
  },
  500: {
    title: 'Erreur de la boîte',
    text: 'La boîte n’a pas pu préparer cette page : réessayez dans un instant.',
  },
};

/**
 * An error as a reader app can show it: an Atom navigation feed (never an HTML page,
 * which e-reader OPDS parsers cannot read), with the reason in French and a way back to
 * the catalogue's start.
 */
export function atomError(status: number, updated: string): Response {
  const { title, text } = MESSAGES[status] ?? MESSAGES[500]!;
  const body = navigationFeed(
    {
      id: `urn:lanterne:error:${status}`,
      title,
      updated,
      links: [{ rel: 'start', href: '/opds', type: NAV_TYPE, title: 'Lanterne' }],
    },
    [
      {
        id: 'urn:lanterne:root',
        title: 'Revenir au début du catalogue',
        content: text,
        href: '/opds',
        type: NAV_TYPE,
      },
    ],
  );
  return new Response(body, {
    status,
    headers: { 'content-type': `${NAV_TYPE};charset=utf-8`, 'cache-control': 'no-store' },
  });
}
