import { COVER_WIDTH, THUMBNAIL_WIDTHS, type ThumbnailWidth } from '../catalogue/covers.js';

/**
 * The URLs of works' pages, files and covers: built and parsed here only, with one id
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
