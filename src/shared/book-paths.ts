/**
 * How a path inside a book (an EPUB's zip entry, e.g. `OEBPS/Text/ch 1.xhtml`) is written
 * in a URL, for the server (`files/urls.ts` builds and parses entry URLs with it) and the
 * reader in the browser alike: each segment through `encodeURIComponent`, joined by `/`.
 * Pure: no Node, no DOM.
 */
export function entryPath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/**
 * The entry name back from its URL form, or null when a segment is empty, a dot
 * segment, badly encoded, or decodes to a slash, a backslash or a control character.
 */
export function entryName(encoded: string): string | null {
  const names: string[] = [];
  for (const part of encoded.split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (name === '' || name === '.' || name === '..' || /[/\\\u0000-\u001f]/.test(name))
      return null;
    names.push(name);
  }
  return names.join('/');
}

/** The page that warns before a link in a book leaves the box (`/quitter?vers=…`). */
export const LEAVE_PATH = '/quitter';

/**
 * `/quitter?vers=<address>&retour=<page>`, after the language prefix `base` ('' or
 * '/fr'…); `back` is the box's own page to come back to (the reader).
 */
export function leaveUrl(base: string, target: string, back: string): string {
  return `${base}${LEAVE_PATH}?${new URLSearchParams({ vers: target, retour: back }).toString()}`;
}
