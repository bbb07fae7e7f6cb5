import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  THUMBNAILS_DIR,
  THUMBNAIL_WIDTHS,
  canThumbnail,
  thumbnailFile,
} from '../catalogue/covers.js';
import { containedPath } from '../files/safety.js';
import type { Logger } from '../log.js';
import type { Manifest } from './manifest.js';
import { mimeOf, workId } from './works.js';

/** A cover bigger than this (e.g. a 20 000 × 20 000 "image bomb") is not decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * sharp (libvips) is loaded on the first import only (Node keeps the module afterwards):
 * it adds about 27 MB to the process, which a box at rest does not pay.
 */
async function loadSharp() {
  const { default: sharp } = await import('sharp');
  sharp.cache(false); // one pass over each cover: nothing to gain from libvips' cache
  sharp.concurrency(1); // a Pi has few cores, and visitors are being served meanwhile
  return sharp;
}

async function writeDurably(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

/**
 * Makes the small JPEG versions of every cover of a pack (see `catalogue/covers.ts`),
 * inside the pack's folder before it is switched in. A cover that cannot be read (bad
 * file, odd format, SVG) just gets no thumbnail: the box then serves the full cover.
 * Returns how many thumbnails were written.
 *
 * @example await makeThumbnails(staging, manifest, ctx.log)
 */
export async function makeThumbnails(
  packDir: string,
  manifest: Manifest,
  log: Logger,
  signal?: AbortSignal,
): Promise<number> {
  const covered = manifest.items.filter(
    (item) => item.cover && canThumbnail(mimeOf(item.cover.path)),
  );
  if (covered.length === 0) return 0;
  // The pack's own files never share the thumbnails' folder (a pack may ship dot folders).
  const clash = [...manifest.items.flatMap((i) => [...i.files, ...(i.cover ? [i.cover] : [])])]
    .map((f) => f.path.normalize('NFC').split('/')[0])
    .includes(THUMBNAILS_DIR);
  if (clash) {
    log.warn(`Pack ${manifest.id} : un dossier ${THUMBNAILS_DIR} existe déjà, pas de vignettes.`);
    return 0;
  }
  const sharp = await loadSharp();
  let made = 0;
  for (const item of covered) {
    if (signal?.aborted) break;
    const source = containedPath(packDir, item.cover!.path.normalize('NFC'));
    if (!source) continue;
    const id = workId(manifest.id, item.id);
    try {
      // Decoded once, oriented by its EXIF, flattened on white (JPEG has no transparency).
      const base = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .flatten({ background: '#ffffff' });
      for (const width of THUMBNAIL_WIDTHS) {
        if (made === 0) await mkdir(path.join(packDir, THUMBNAILS_DIR), { recursive: true });
        const data = await base
          .clone()
          .resize({ width, height: width * 2, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 78, mozjpeg: true })
          .toBuffer();
        await writeDurably(thumbnailFile(packDir, id, width), data);
        made += 1;
      }
    } catch (err) {
      for (const width of THUMBNAIL_WIDTHS)
        await rm(thumbnailFile(packDir, id, width), { force: true }).catch(() => undefined);
      log.warn(
        `Pack ${manifest.id} : pas de vignette pour « ${item.title} » (${(err as Error).message}).`,
      );
    }
  }
  return made;
}
