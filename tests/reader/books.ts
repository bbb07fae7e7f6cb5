import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import type { Context } from '../../src/server/context.js';
import { addWorks, work } from '../helpers/box.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REAL_EPUBS = path.resolve(here, '../../../shared/fixtures/real-epubs');

/** The three real EPUBs (Standard Ebooks; Wodehouse is the slightly malformed one). */
export const REAL = {
  bierce: 'ambrose-bierce_the-devils-dictionary.epub',
  wodehouse: 'p-g-wodehouse_love-among-the-chickens.epub',
  whitman: 'walt-whitman_leaves-of-grass.epub',
} as const;

const EPUB = 'application/epub+zip';

/** Zips entries in order (`mimetype` first, stored), as an EPUB is written. */
export function zipBook(
  entries: Array<{ name: string; data: Buffer | string; store?: boolean }>,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(Buffer.from(e.data), e.name, { compress: !(e.store ?? e.name === 'mimetype') });
  }
  zip.end();
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => parts.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    zip.outputStream.on('error', reject);
  });
}

/** A minimal EPUB 3 whose one chapter is `body` (and the extra entries). */
export function tinyEpub(
  body: string,
  extra: Array<{ name: string; data: Buffer | string; store?: boolean }> = [],
  manifestExtra = '',
): Promise<Buffer> {
  return zipBook([
    { name: 'mimetype', data: EPUB },
    {
      name: 'META-INF/container.xml',
      data: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    },
    {
      name: 'OEBPS/book.opf',
      data: `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:hostile</dc:identifier><dc:title>Livre piégé</dc:title><dc:language>fr</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>${manifestExtra}</manifest><spine><itemref idref="c1"/></spine></package>`,
    },
    {
      name: 'OEBPS/nav.xhtml',
      data: `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Sommaire</title></head><body><nav epub:type="toc"><ol><li><a href="c1.xhtml">Chapitre un</a></li></ol></nav></body></html>`,
    },
    {
      name: 'OEBPS/c1.xhtml',
      data: `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Un</title></head><body>${body}</body></html>`,
    },
    ...extra,
  ]);
}

/** Puts books in the catalogue as works with one EPUB file each (position 1). */
export function addBooks(ctx: Context, books: Record<string, Buffer>): void {
  addWorks(
    ctx,
    'livres',
    Object.entries(books).map(([id, data]) =>
      work(id, `Livre ${id}`, { files: [{ name: `${id}.epub`, content: data, mime: EPUB }] }),
    ),
  );
}

export function realEpub(name: string): Buffer {
  return readFileSync(path.join(REAL_EPUBS, name));
}
