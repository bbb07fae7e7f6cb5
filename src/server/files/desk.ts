import { existsSync } from 'node:fs';
import path from 'node:path';
import { THUMBNAIL_MIME, isThumbnailWidth, thumbnailFile } from '../catalogue/covers.js';
import { GenerationCache } from '../catalogue/generation-cache.js';
import type { CatalogueService } from '../catalogue/service.js';
import { SmallFileCache } from './cache.js';
import type { SendOptions } from './deliver.js';
import { ID_PATTERN, UNTRUSTED_CSP, containedPath, isInlineSafe } from './safety.js';
import type { FileUse } from './urls.js';

export type { FileUse } from './urls.js';

/** A work's file, found and ready to send: where it is and how to answer for it. */
export interface Located {
  full: string;
  options: SendOptions;
}

/** NUL, backslashes, encoded slashes and dot segments have no business in file URLs. */
const TRICKS = /%00|\\|%5c|%2f|(^|\/|%2e)(\.|%2e)(\.|%2e)(\/|%2f|$)/i;

export function hasPathTricks(rawPath: string): boolean {
  return TRICKS.test(rawPath);
}

/**
 * Where works' files and covers live, and how each is sent. Both the Hono routes and the
 * plain Node fast path (`fast.ts`) ask here, so they answer exactly alike. Pack folders
 * are immutable once installed, so small files are kept in memory, and a file's
 * location (a three-table join, then path checks) is remembered until the catalogue
 * changes.
 */
export class FileDesk {
  readonly cache = new SmallFileCache();
  private readonly located: GenerationCache<Located | null>;

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly packsDir: string,
  ) {
    this.located = new GenerationCache<Located | null>(() => catalogue.generation(), 5000);
  }

  /** A work's file by its position, or null (unknown id, refused path). */
  locate(use: FileUse, workId: string, position: string): Located | null {
    if (!ID_PATTERN.test(workId) || !/^\d{1,4}$/.test(position)) return null;
    return this.located.get(`${use}/${workId}/${position}`, () => {
      const file = this.catalogue.repo.getFile(workId, Number(position));
      const full = file && containedPath(path.join(this.packsDir, file.dir), file.path);
      if (!file || !full) return null;
      const inline = use === 'media' && isInlineSafe(file.mime);
      return {
        full,
        options: {
          mime: file.mime,
          etag: `"${file.sha256.slice(0, 32)}"`,
          disposition: { type: inline ? 'inline' : 'attachment', filename: file.name },
          cacheControl: 'public, max-age=86400',
          // Should a browser ignore "attachment", a file from a pack still cannot run.
          headers: isInlineSafe(file.mime) ? {} : { 'content-security-policy': UNTRUSTED_CSP },
          cache: this.cache,
        },
      };
    });
  }

  /** A work's cover, or null (none, refused path, or a type a browser would run). */
  cover(workId: string): Located | null {
    if (!ID_PATTERN.test(workId)) return null;
    return this.located.get(`covers/${workId}`, () => {
      const cover = this.catalogue.repo.getCover(workId);
      const full = cover && containedPath(path.join(this.packsDir, cover.dir), cover.path);
      if (!cover || !full) return null;
      const svg = cover.mime === 'image/svg+xml';
      if (!svg && !isInlineSafe(cover.mime)) return null;
      return {
        full,
        options: {
          mime: cover.mime,
          cacheControl: 'public, max-age=86400',
          headers: svg ? { 'content-security-policy': UNTRUSTED_CSP } : {},
          cache: this.cache,
        },
      };
    });
  }

  /**
   * A cover's thumbnail, at one of the widths made at import (`catalogue/covers.ts`);
   * the full cover when the pack has none (SVG cover, pack installed before thumbnails,
   * unreadable image), so a `srcset` or an OPDS link never breaks.
   */
  thumbnail(workId: string, width: string): Located | null {
    if (!ID_PATTERN.test(workId) || !isThumbnailWidth(width)) return null;
    return this.located.get(`thumbnails/${workId}/${width}`, () => {
      const cover = this.catalogue.repo.getCover(workId);
      if (!cover) return null;
      const file = thumbnailFile(path.join(this.packsDir, cover.dir), workId, width);
      if (!existsSync(file)) return this.cover(workId);
      return {
        full: file,
        options: {
          mime: THUMBNAIL_MIME,
          cacheControl: 'public, max-age=86400',
          headers: {},
          cache: this.cache,
        },
      };
    });
  }
}
