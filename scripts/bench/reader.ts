/**
 * The EPUB reader (issue 17): time to the first page of a book with Chromium's CPU slowed
 * 4× (a phone-class device), side by side with a reference measured in the same run: the
 * same first chapter opened raw (its entry URL, the browser's own XHTML view). Also the
 * reader's JavaScript weight. Called by `npm run bench`; alone: `npx tsx scripts/bench/reader.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { bookEntryUrl, readerUrl } from '../../src/server/files/urls.js';
import { makeTestBox } from '../../tests/helpers/box.js';
import { launchBrowser, newPage } from '../../tests/helpers/browser.js';
import { REAL, addBooks, realEpub, zipBook } from '../../tests/reader/books.js';
import { measureReader } from './kiosk.js';
import type { Row } from './report.js';

const RUNS = 3;
const THROTTLE = 4;
export const READER_FIRST_PAGE_BUDGET_MS = 1500;

/** A 5 MB EPUB: 40 chapters of ~125 KB each, stored (a zip that size, as the issue asks). */
async function fiveMegabyteBook(): Promise<Buffer> {
  const para =
    '<p>Il était une fois une bibliothèque au bord de la mer, et des livres qui voyageaient sans Internet. </p>';
  const chapters = Array.from({ length: 40 }, (_, i) => ({
    name: `OEBPS/c${i + 1}.xhtml`,
    data: `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${i + 1}</title></head><body><h1>Chapitre ${i + 1}</h1>${para.repeat(1180)}</body></html>`,
    store: true,
  }));
  const items = chapters
    .map(
      (_, i) => `<item id="c${i + 1}" href="c${i + 1}.xhtml" media-type="application/xhtml+xml"/>`,
    )
    .join('');
  const spine = chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('');
  const toc = chapters
    .map((_, i) => `<li><a href="c${i + 1}.xhtml">Chapitre ${i + 1}</a></li>`)
    .join('');
  return zipBook([
    { name: 'mimetype', data: 'application/epub+zip' },
    {
      name: 'META-INF/container.xml',
      data: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    },
    {
      name: 'OEBPS/book.opf',
      data: `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:bench</dc:identifier><dc:title>Cinq mégaoctets</dc:title><dc:language>fr</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest><spine>${spine}</spine></package>`,
    },
    {
      name: 'OEBPS/nav.xhtml',
      data: `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Sommaire</title></head><body><nav epub:type="toc"><ol>${toc}</ol></nav></body></html>`,
    },
    ...chapters,
  ]);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function timed(browser: Browser, url: string, reader: boolean): Promise<number> {
  const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(url, { waitUntil: reader ? 'domcontentloaded' : 'load' });
  let ms: number;
  if (reader) {
    await page.waitForFunction(
      () => performance.getEntriesByName('reader-first-page').length > 0,
      undefined,
      { timeout: 60_000 },
    );
    ms = await page.evaluate(() => performance.getEntriesByName('reader-first-page')[0]!.startTime);
  } else {
    ms = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  }
  await page.context().close();
  return ms;
}

export async function benchReader(options: { root?: string; log?: (line: string) => void } = {}) {
  const root = options.root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const js = measureReader(path.join(root, 'dist', 'kiosk'));
  log(`lecteur : JS gzip ${js.startKb} KB au chargement, ${js.epubKb} KB pour un EPUB`);
  const box = makeTestBox();
  const big = await fiveMegabyteBook();
  addBooks(box.ctx, { whitman: realEpub(REAL.whitman), cinq: big });
  const server = await box.listen();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const books: Array<[string, string, string]> = [
      [
        'whitman',
        `Leaves of Grass (${(realEpub(REAL.whitman).length / 1e6).toFixed(1)} Mo)`,
        'epub/text/inscriptions.xhtml',
      ],
      ['cinq', `EPUB de ${(big.length / 1e6).toFixed(1)} Mo`, 'OEBPS/c1.xhtml'],
    ];
    for (const [id, label, chapter] of books) {
      const reader: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        reader.push(await timed(browser, `${server.url}${readerUrl(id, { position: 0 })}`, true));
        raw.push(
          await timed(browser, `${server.url}${bookEntryUrl(id, { position: 0 }, chapter)}`, false),
        );
      }
      const r = Math.round(median(reader));
      const ref = Math.round(median(raw));
      log(
        `lecteur : ${label}, première page ${reader.map(Math.round).join(', ')} ms ; chapitre brut ${raw.map(Math.round).join(', ')} ms`,
      );
      // The "reference" column: the same first chapter opened raw, in the same run.
      rows.push({
        what: `${label} : première page dans le lecteur, CPU ×${THROTTLE} (médiane de ${RUNS})`,
        value: `${r} ms`,
        lighttpd: `${ref} ms (chapitre brut)`,
        ratio: (r / Math.max(ref, 1)).toFixed(1),
        target: `≤ ${READER_FIRST_PAGE_BUDGET_MS} ms`,
        pass: r <= READER_FIRST_PAGE_BUDGET_MS,
      });
    }
  } finally {
    await browser.close();
    await box.cleanup();
  }
  rows.push({ what: 'JS du lecteur, gzip (pour un EPUB)', value: `${js.epubKb} KB` });
  return rows;
}

export default benchReader;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchReader();
  for (const row of rows)
    console.log(
      `${row.what} : ${row.value}${row.lighttpd ? `, référence ${row.lighttpd}, ratio ${row.ratio}` : ''}${row.target ? ` (cible ${row.target})` : ''}`,
    );
}
