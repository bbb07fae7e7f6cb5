import { entryName, entryPath } from '../../shared/book-paths.js';
import { COVER_WIDTH, THUMBNAIL_WIDTHS, type ThumbnailWidth } from '../catalogue/covers.js';

/**
 * The URLs of works' pages, files, covers and books read in place: built and parsed here only, with one id
 * encoding (`encodeURIComponent` on every segment), so the portal, the kiosk, OPDS, the
 * Hono routes and the fast path (`fast.ts`) always mean the same file. Pure: no I/O.
 */

/** `/files/…` saves the file; `/media/…` plays or shows it in the page when that is safe. */
export type FileUse = 'files' | 'media';

/** The parts of a work's file that its URL names. */
export interface FileRef {
  position: number;
  name: string;
}

const seg = encodeURIComponent;

/** `/files/<work>/<position>/<name>` (download) or `/media/…` (inline). */
export function fileUrl(use: FileUse, workId: string, file: FileRef): string {
  return `/${use}/${seg(workId)}/${file.position}/${seg(file.name)}`;
}

/** `/covers/<work>`. */
export function coverUrl(workId: string): string {
  return `/covers/${seg(workId)}`;
}

/** `/covers/<work>/<width>`: a thumbnail; the box answers with the full cover when it has none. */
export function thumbnailUrl(workId: string, width: ThumbnailWidth): string {
  return `${coverUrl(workId)}/${width}`;
}

/** `srcset` for a cover: the thumbnails, then the full cover. */
export function coverSrcset(workId: string): string {
  return [
    ...THUMBNAIL_WIDTHS.map((w) => `${thumbnailUrl(workId, w)} ${w}w`),
    `${coverUrl(workId)} ${COVER_WIDTH}w`,
  ].join(', ');
}

/** `/works/<work>`: the work's portal page (without a language prefix). */
export function workUrl(workId: string): string {
  return `/works/${seg(workId)}`;
}

/** `/works/<work>/lire/<position>`: the reader page for one of a work's books (no language prefix). */
export function readerUrl(workId: string, file: Pick<FileRef, 'position'>): string {
  return `${workUrl(workId)}/lire/${file.position}`;
}

/** The reader page as the kiosk shows it: large steps, no way out (`?borne=1`). */
export function kioskReaderUrl(workId: string, file: Pick<FileRef, 'position'>): string {
  return `${readerUrl(workId, file)}?borne=1`;
}

/**
 * `/epub/<work>/<position>/`: where a book's entries are (`bookEntryUrl` appends one);
 * the reader in the browser appends entry paths with the same `entryPath`.
 */
export function bookBaseUrl(workId: string, file: Pick<FileRef, 'position'>): string {
  return `/epub/${seg(workId)}/${file.position}/`;
}

/** `/epub/<work>/<position>/<entry path>`: one entry of an EPUB, served from its zip. */
export function bookEntryUrl(
  workId: string,
  file: Pick<FileRef, 'position'>,
  entry: string,
): string {
  return `${bookBaseUrl(workId, file)}${entryPath(entry)}`;
}

/** The "vous quittez la boîte" page: one definition, shared with the reader in the browser. */
export { LEAVE_PATH, leaveUrl } from '../../shared/book-paths.js';

/**
 * Reads a request path made by `bookEntryUrl`; null for anything else, or when the
 * entry path has empty or dot segments, bad escapes or encoded slashes.
 */
export function parseBookEntryUrl(
  pathname: string,
): { workId: string; position: string; entry: string } | null {
  const m = /^\/epub\/([^/]+)\/(\d{1,4})\/(.+)$/.exec(pathname);
  const workId = m ? decode(m[1] ?? '') : null;
  const entry = m ? entryName(m[3] ?? '') : null;
  if (!m || !workId || !entry) return null;
  return { workId, position: m[2] ?? '', entry };
}

export type ParsedFileUrl =
  | { use: FileUse; workId: string; position: string }
  /** `width` is set for a thumbnail (`/covers/<work>/<width>`): digits, not yet a known size. */
  | { use: 'covers'; workId: string; width?: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads a request target (path and query) made by `fileUrl`, `coverUrl` or `thumbnailUrl`; null for
 * anything else. The name segment is optional and not checked (the position decides);
 * ids and positions are validated by whoever looks them up (`FileDesk`).
 */
export function parseFileUrl(target: string): ParsedFileUrl | null {
  const end = target.indexOf('?');
  const parts = (end < 0 ? target : target.slice(0, end)).split('/');
  const use = parts[1];
  const workId = decode(parts[2] ?? '');
  if (workId === null || workId === '') return null;
  if (use === 'covers') {
    if (parts.length === 3) return { use, workId };
    const width = parts[3] ?? '';
    return parts.length === 4 && /^\d{1,4}$/.test(width) ? { use, workId, width } : null;
  }
  if ((use !== 'files' && use !== 'media') || parts.length < 4 || parts.length > 5) return null;
  return { use, workId, position: parts[3] ?? '' };
}
