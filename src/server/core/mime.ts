import mime from 'mime-types';

/**
 * Extension → MIME type, the one way (through `mime-types`): packs' works and covers,
 * the box's static assets, the kiosk build and notice pictures and sounds.
 */

/** The bare type, e.g. `image/png`; `application/octet-stream` when unknown. */
export function mimeOf(file: string): string {
  return mime.lookup(file) || 'application/octet-stream';
}

/** The Content-Type header, with `charset=utf-8` for text, e.g. `text/css; charset=utf-8`. */
export function contentTypeOf(file: string): string {
  return mime.contentType(mimeOf(file)) || 'application/octet-stream';
}

/**
 * A table of the types of the given extensions (`.png` or `png`, keys as given): for a
 * route that only serves some kinds of files.
 */
export function typesOf(extensions: readonly string[]): Record<string, string> {
  return Object.fromEntries(extensions.map((ext) => [ext, mimeOf(`x.${ext.replace(/^\./, '')}`)]));
}
