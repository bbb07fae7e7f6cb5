import type { Work, WorkFile } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { ID_PATTERN, readerKind } from '../files/safety.js';
import { BOOK_SHELF, type ShelfResult } from './shelf.js';

export interface FoundBook {
  work: Work;
  file: WorkFile;
  result: ShelfResult;
  etag: string;
}

/** A work's EPUB by its position, opened on the shelf; null when there is none. */
export async function findBook(
  ctx: Context,
  workId: string,
  position: string,
): Promise<FoundBook | null> {
  if (!ID_PATTERN.test(workId)) return null;
  const work = ctx.catalogue.work(workId);
  const file = work?.files.find((f) => String(f.position) === position);
  if (!work || !file || !readerKind(file.mime)) return null;
  // The one way to find a work's file on disk (path checks included).
  const located = ctx.files.locate('files', workId, position);
  if (!located) return null;
  const etag = located.options.etag ?? `"${file.sha256.slice(0, 32)}"`;
  const result = await ctx.services.get(BOOK_SHELF).open(located.full, etag);
  return { work, file, result, etag };
}

/** Whether the reader can open this file of the work (the kiosk offers "Lire" then). */
export async function canReadInPlace(
  ctx: Context,
  workId: string,
  file: WorkFile,
): Promise<boolean> {
  const found = await findBook(ctx, workId, String(file.position));
  return found?.result.ok ?? false;
}
