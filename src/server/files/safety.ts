import path from 'node:path';

/** Ids of works and packs: lower-case letters, digits, dots and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,159}$/;

/**
 * Joins a stored relative path onto its folder and refuses anything that would land
 * outside it (`..`, absolute paths, backslashes, NUL). Returns null when refused.
 */
export function containedPath(root: string, relative: string): string | null {
  if (!relative || relative.includes('\0') || relative.includes('\\') || path.isAbsolute(relative))
    return null;
  const full = path.resolve(root, relative);
  const rel = path.relative(root, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

/** How a file may be shown inline: what a page may put in `<img>`, `<audio>`, `<video>`… */
export type InlineKind = 'image' | 'audio' | 'video' | 'pdf' | 'text';

const INLINE_IMAGE = /^image\/(jpeg|png|gif|webp|avif)$/;
const MEDIA_SUBTYPE = /^[a-z0-9.+-]+$/;

/**
 * The one rule for "what may be shown inline": types a browser shows without running
 * anything from the file (no SVG, no HTML). The `/media` route, the portal's work page
 * and the kiosk all ask this; null means "download only".
 */
export function inlineKind(mime: string): InlineKind | null {
  const type = (mime.split(';')[0] ?? '').trim().toLowerCase();
  if (INLINE_IMAGE.test(type)) return 'image';
  const [major, sub = ''] = type.split('/', 2);
  if ((major === 'audio' || major === 'video') && MEDIA_SUBTYPE.test(sub)) return major;
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  return null;
}

export function isInlineSafe(mime: string): boolean {
  return inlineKind(mime) !== null;
}

/** For pack content shown inline anyway (SVG covers): nothing in it may run or load. */
export const UNTRUSTED_CSP =
  "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** What the box's reader opens in the page (`/works/<id>/lire/<n>`); null: download only. */
export type ReaderKind = 'epub';

export function readerKind(mime: string): ReaderKind | null {
  const type = (mime.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/epub+zip' ? 'epub' : null;
}

/**
 * For a book's own entries (chapters, its CSS and pictures), should one be opened
 * outside the reader: nothing runs (sandbox without scripts, no script source), nothing
 * is fetched from anywhere but the box, no form is sent.
 */
export const BOOK_ENTRY_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
  "font-src 'self'; media-src 'self'; form-action 'none'; base-uri 'none'";
