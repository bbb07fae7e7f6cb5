import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../../src/server/packs/manifest.js';
import { buildFolder } from '../../../src/server/packs/tool/build.js';
import { COLUMNS, readCsv, writeCsv, type Row } from '../../../src/server/packs/tool/csv.js';
import { initFolder } from '../../../src/server/packs/tool/init.js';
import { verifyPack } from '../../../src/server/packs/tool/verify.js';
import { copyRealEpubs, mp3WithTags } from './fixtures.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/lanterne.mjs');

function sheet(dir: string): Row[] {
  return readCsv(readFileSync(path.join(dir, 'metadata.csv'), 'utf8')).map((r) => r.row);
}

/** What an animateur does in LibreOffice: fill the licences, save with "," this time. */
function confirmLicences(dir: string, licence: string): void {
  const rows = sheet(dir).map((r) => ({ ...r, licence }));
  const text = writeCsv(rows, ',');
  writeFileSync(path.join(dir, 'metadata.csv'), text);
}

describe('pack tool on the three real EPUBs', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyRealEpubs();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('init pre-fills titles, authors, languages and covers from the OPF, in a BOM-prefixed sheet', async () => {
    const report = await initFolder(dir);
    expect(report.added).toHaveLength(3);
    const raw = readFileSync(path.join(dir, 'metadata.csv'));
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(raw.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${COLUMNS.join(';')}`);
    const byFile = new Map(sheet(dir).map((r) => [r.file, r]));
    const bierce = byFile.get('ambrose-bierce_the-devils-dictionary.epub');
    const wodehouse = byFile.get('p-g-wodehouse_love-among-the-chickens.epub');
    const whitman = byFile.get('walt-whitman_leaves-of-grass.epub');
    expect(bierce).toMatchObject({
      title: 'The Devil’s Dictionary',
      authors: 'Ambrose Bierce',
      language: 'en-US',
      type: 'book',
    });
    // The slightly malformed one (23 epubcheck errors) reads just as well.
    expect(wodehouse).toMatchObject({
      title: 'Love Among the Chickens',
      authors: 'P. G. Wodehouse',
      language: 'en-GB',
    });
    expect(whitman).toMatchObject({
      title: 'Leaves of Grass',
      authors: 'Walt Whitman',
      language: 'en-US',
    });
    expect(whitman?.themes).toBe('American poetry -- 19th century');
    expect(whitman?.source).toBe('https://www.gutenberg.org/ebooks/1322');
    for (const row of [bierce, wodehouse, whitman]) {
      expect(row?.cover).toMatch(/^_covers\/.+\.svg$/);
      expect(existsSync(path.join(dir, row?.cover ?? 'x'))).toBe(true);
    }
  });

  it('leaves each prose licence empty with a question, and says so row by row', async () => {
    const rows = sheet(dir);
    for (const row of rows) {
      // Their dc:rights names CC0 for the publisher's work but the US public domain for the text.
      expect(row.licence).toBe('');
      expect(row.note).toMatch(/^à confirmer : .*CC0-1\.0.*États-Unis/);
    }
    const report = await initFolder(dir); // a second init keeps the rows as they are
    expect(report.added).toHaveLength(0);
    expect(report.toConfirm.map((c) => c.line)).toEqual([2, 3, 4]);
  });

  it('build refuses while a licence is unconfirmed, naming each row, and writes nothing', async () => {
    const report = await buildFolder(dir);
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(3);
    expect(report.errors[0]).toMatch(
      /^ligne 2 \(ambrose-bierce_the-devils-dictionary\.epub\) : licence à confirmer/,
    );
    expect(report.errors[2]).toMatch(/^ligne 4 \(walt-whitman_leaves-of-grass\.epub\)/);
    expect(existsSync(path.join(dir, MANIFEST_FILE))).toBe(false);
  });

  it('reports a missing title and an unknown licence with their row numbers', async () => {
    const rows = sheet(dir);
    const first = rows[0] as Row;
    rows[0] = { ...first, title: '', licence: 'CC0-1.0' };
    rows[1] = { ...(rows[1] as Row), licence: 'Libre' };
    rows[2] = { ...(rows[2] as Row), licence: 'CC0-1.0' };
    const saved = readFileSync(path.join(dir, 'metadata.csv'));
    writeFileSync(path.join(dir, 'metadata.csv'), writeCsv(rows));
    const report = await buildFolder(dir);
    writeFileSync(path.join(dir, 'metadata.csv'), saved);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.stringMatching(/^ligne 2 .*titre manquant/),
      expect.stringMatching(/^ligne 3 .*licence inconnue « Libre »/),
    ]);
  });

  it('once a person confirms the licences, build writes a manifest that verify (inspectPack) accepts', async () => {
    confirmLicences(dir, 'CC0-1.0');
    const report = await buildFolder(dir, {
      id: 'classiques',
      title: 'Classiques anglais',
      zip: `${dir}.zip`,
    });
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as {
      items: Array<{
        title: string;
        licence: string;
        attribution: string;
        files: Array<{ path: string; size: number; sha256: string }>;
      }>;
    };
    expect(manifest.items.map((i) => i.title)).toEqual([
      'The Devil’s Dictionary',
      'Love Among the Chickens',
      'Leaves of Grass',
    ]);
    const whitman = manifest.items[2];
    const file = whitman?.files[0];
    const bytes = readFileSync(path.join(dir, file?.path ?? 'x'));
    expect(file?.size).toBe(bytes.length);
    expect(file?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(whitman?.attribution).toBe('« Leaves of Grass », Walt Whitman, CC0 1.0');

    const folder = await verifyPack(dir);
    expect(folder.problems).toEqual([]);
    expect(folder.ok).toBe(true);
    expect(folder.itemCount).toBe(3);
    const zip = await verifyPack(`${dir}.zip`);
    expect(zip.problems).toEqual([]);
    rmSync(`${dir}.zip`, { force: true });
  });

  it('the lanterne command exits 0 on a good pack and 1 with the box message on a damaged one', async () => {
    const ok = await run(process.execPath, [BIN, 'pack', 'verify', dir]);
    expect(ok.stdout).toMatch(/le pack est valide/);
    const epub = path.join(dir, 'walt-whitman_leaves-of-grass.epub');
    const original = readFileSync(epub);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0xff;
    writeFileSync(epub, damaged);
    const failed = await run(process.execPath, [BIN, 'pack', 'verify', dir]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    writeFileSync(epub, original);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stderr).toMatch(/walt-whitman_leaves-of-grass\.epub/);
    expect(failed.stderr).toMatch(/problème/);
  }, 60_000);
});

describe('pack tool on PDF, audio and damaged files', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyRealEpubs();
    for (const f of [
      'ambrose-bierce_the-devils-dictionary.epub',
      'p-g-wodehouse_love-among-the-chickens.epub',
      'walt-whitman_leaves-of-grass.epub',
    ])
      rmSync(path.join(dir, f));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the PDF info dictionary and ID3 tags, and survives a broken EPUB', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.setTitle('Guide du jardin partagé');
    pdf.setAuthor('Médiathèque de Quimper');
    pdf.setSubject('Comment semer, arroser, récolter');
    writeFileSync(path.join(dir, 'guide.pdf'), await pdf.save());
    writeFileSync(
      path.join(dir, 'conte.mp3'),
      mp3WithTags({ TIT2: 'Le Conte du Loup', TPE1: 'Chorale Été', TCOP: 'CC BY-SA 4.0' }),
    );
    writeFileSync(path.join(dir, 'cassé.epub'), 'ceci n’est pas un zip');
    const report = await initFolder(dir);
    const byFile = new Map(sheet(dir).map((r) => [r.file, r]));
    expect(byFile.get('guide.pdf')).toMatchObject({
      type: 'document',
      title: 'Guide du jardin partagé',
      authors: 'Médiathèque de Quimper',
      description: 'Comment semer, arroser, récolter',
      licence: '',
    });
    expect(byFile.get('conte.mp3')).toMatchObject({
      type: 'audio',
      title: 'Le Conte du Loup',
      authors: 'Chorale Été',
      licence: 'CC-BY-SA-4.0',
      note: '',
    });
    expect(byFile.get('cassé.epub')).toMatchObject({ type: 'book', id: 'casse', title: '' });
    expect(report.warnings.some((w) => w.startsWith('cassé.epub : métadonnées illisibles'))).toBe(
      true,
    );
    const build = await buildFolder(dir);
    expect(build.ok).toBe(false);
    expect(build.errors).toEqual([
      expect.stringMatching(/^ligne 2 \(cassé\.epub\) : titre manquant/),
      expect.stringMatching(
        /^ligne 2 \(cassé\.epub\) : licence à confirmer : le fichier ne dit rien/,
      ),
      expect.stringMatching(/^ligne 4 \(guide\.pdf\) : licence/),
    ]);
  });
});
