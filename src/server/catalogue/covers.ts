import path from 'node:path';

/**
 * Covers and their thumbnails: where the thumbnails live, their sizes, and the URLs that
 * serve them. One place for the rule, read by the pack import (which makes them), the
 * files desk (which serves them), the portal (`srcset`) and OPDS (thumbnail link).
 *
 * Thumbnails are written inside the pack's own installed folder, beside its files, in
 * this sub-folder: they appear with the pack in the same atomic rename, go away with it
 * (replacement, removal, recovery all delete the folder) and need no table of their own.
 */
export const THUMBNAILS_DIR = '.lanterne-thumbnails';

/** Widths made at import (pixels); the height keeps the cover's proportions. */
export const THUMBNAIL_WIDTHS = [160, 320] as const;
export type ThumbnailWidth = (typeof THUMBNAIL_WIDTHS)[number];

/** Thumbnails are JPEG: every browser and every e-reader's OPDS client shows it. */
export const THUMBNAIL_MIME = 'image/jpeg';

/** The usual width of a pack's cover (the demo's are 600×800): what `srcset` says last. */
export const COVER_WIDTH = 600;

export function isThumbnailWidth(value: string | number): value is ThumbnailWidth {
  return (
    (THUMBNAIL_WIDTHS as readonly number[]).includes(Number(value)) && /^\d+$/.test(String(value))
  );
}

/** A thumbnail's file inside a pack folder. */
export function thumbnailFile(packDir: string, workId: string, width: ThumbnailWidth): string {
  return path.join(packDir, THUMBNAILS_DIR, `${workId}-${width}.jpg`);
}

/** Cover types a thumbnail is made from (SVG is drawn by the browser, never rasterised here). */
export function canThumbnail(mime: string): boolean {
  return /^image\/(jpeg|png|webp|gif|avif|tiff)$/.test(mime);
}
