import { stat } from 'node:fs/promises';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { PackError } from '../packs/problems.js';
import type { PackLimits } from '../packs/read/reader.js';
import { ZipReader } from '../packs/read/zip.js';

/**
 * EPUBs opened for reading in place. A book's zip is read with the packs' own
 * `ZipReader` (names, symlinks, duplicates, entry count, sizes, compression ratios and
 * overlapping entries checked before a byte is inflated), its index kept for the next
 * chapter, and each entry streamed from the zip on request: nothing is unpacked to disk,
 * nothing whole is held in memory.
 */

/** Caps for a book read on a phone: far above any real EPUB, far below a bomb. */
export const BOOK_LIMITS: PackLimits = {
  manifestBytes: 0,
  zipEntries: 10_000,
  zipTotalBytes: 1024 ** 3,
  zipEntryRatio: 200,
  zipTotalRatio: 50,
};

/** A chapter (or its CSS, its table of contents) is parsed whole by the phone: kept small. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** Any other entry (a picture, a font, a sound). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const DOCUMENT = /\.(x?html?|xml|opf|ncx|css|svg|smil)$/i;
/** Books whose zip index is kept open. */
const SHELF_SIZE = 16;

export type Refusal = 'bomb' | 'names' | 'too-big' | 'chapter' | 'broken' | 'not-epub';

export interface BookEntry {
  name: string;
  size: number;
}

export interface OpenBook {
  entries: BookEntry[];
  mtimeMs: number;
  /** The entry's bytes from `start` to `end` (inclusive), streamed from the zip. */
  read(name: string, start: number, end: number): AsyncIterable<Buffer>;
  has(name: string): BookEntry | undefined;
  /** Lets go of the zip once the streams already reading from it have ended. */
  close(): Promise<void>;
}

export type ShelfResult = { ok: true; book: OpenBook } | { ok: false; why: Refusal };

function refusalOf(err: unknown): Refusal {
  if (!(err instanceof PackError)) return 'broken';
  const code = err.problem.code;
  if (code === 'zip-bomb') return 'bomb';
  if (code === 'zip-too-big' || code === 'zip-too-many-entries') return 'too-big';
  if (
    code === 'zip-unsafe-entry' ||
    code === 'zip-symlink' ||
    code === 'zip-duplicate-entry' ||
    code === 'bad-name-encoding' ||
    code === 'name-clash' ||
    code === 'file-folder-clash'
  )
    return 'names';
  return 'broken';
}

/** The bytes of `chunks` from `start` to `end` inclusive; the rest is read past, not kept. */
export async function* sliceChunks(
  chunks: AsyncIterable<Buffer>,
  start: number,
  end: number,
): AsyncIterable<Buffer> {
  let at = 0;
  for await (const chunk of chunks) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end + 1 - at, chunk.length);
    if (to > from) yield chunk.subarray(from, to);
    at += chunk.length;
    if (at > end) return;
  }
}

async function openBook(file: string): Promise<ShelfResult> {
  let zip: ZipReader;
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
    zip = await ZipReader.open(file, BOOK_LIMITS);
  } catch (err) {
    return { ok: false, why: refusalOf(err) };
  }
  const entries = zip.list();
  const bad = entries.find((e) =>
    DOCUMENT.test(e.name) ? e.size > MAX_DOCUMENT_BYTES : e.size > MAX_ENTRY_BYTES,
  );
  const why: Refusal | null = bad
    ? 'chapter'
    : !entries.some((e) => e.name === 'META-INF/container.xml')
      ? 'not-epub'
      : null;
  if (why) {
    await zip.close();
    return { ok: false, why };
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    ok: true,
    book: {
      entries,
      mtimeMs,
      has: (name) => byName.get(name.normalize('NFC')),
      async *read(name, start, end) {
        const located = await zip.locate(name);
        yield* sliceChunks(zip.chunks(located), start, end);
      },
      close: () => zip.close(),
    },
  };
}

/**
 * The last few books opened, by file and content (pack folders never change in place):
 * a class reading the same book opens its zip once. Refusals are remembered too.
 */
export class BookShelf {
  private readonly books = new Map<string, Promise<ShelfResult>>();

  open(file: string, etag: string): Promise<ShelfResult> {
    const key = `${file}\0${etag}`;
    const known = this.books.get(key);
    if (known) {
      this.books.delete(key);
      this.books.set(key, known);
      return known;
    }
    const opening = openBook(file);
    this.books.set(key, opening);
    while (this.books.size > SHELF_SIZE) {
      const [oldest, result] = this.books.entries().next().value as [string, Promise<ShelfResult>];
      this.books.delete(oldest);
      void result.then((r) => (r.ok ? r.book.close() : undefined));
    }
    return opening;
  }
}

export const BOOK_SHELF = serviceKey('book-shelf', (_ctx: Context) => new BookShelf());
