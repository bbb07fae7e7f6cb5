import { stat } from 'node:fs/promises';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { PackError } from '../packs/problems.js';
import type { PackLimits } from '../packs/read/reader.js';
import { ZipReader } from '../packs/read/zip.js';
import { navigationOf, rootfileOf } from '../packs/tool/epub.js';

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
  /** The entries the reader asks for first (container.xml, package, navigation). */
  first: string[];
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

/** An entry's bytes, when it is small enough to parse here (the package's first files). */
async function small(zip: ZipReader, entry: BookEntry | undefined): Promise<Buffer | null> {
  if (!entry || entry.size > 1024 * 1024) return null;
  const parts: Buffer[] = [];
  for await (const chunk of zip.chunks(await zip.locate(entry.name))) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * What the reader fetches first, so that the page can ask for it while the reader's
 * script loads: container.xml, the package document it names, the navigation document.
 * Read with the pack tool's own EPUB parsing; a damaged book just gets no hint.
 */
async function firstEntries(zip: ZipReader, byName: Map<string, BookEntry>): Promise<string[]> {
  const first = ['META-INF/container.xml'];
  try {
    const container = await small(zip, byName.get(first[0]!));
    const opfPath = container ? (await rootfileOf(container)).normalize('NFC') : '';
    const opf = await small(zip, byName.get(opfPath));
    if (!opf) return first;
    first.push(opfPath);
    const nav = (await navigationOf(opf, opfPath))?.normalize('NFC');
    if (nav && byName.has(nav)) first.push(nav);
  } catch {
    // As said: no hint.
  }
  return first;
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
  const first = await firstEntries(zip, byName);
  return {
    ok: true,
    book: {
      entries,
      first,
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
