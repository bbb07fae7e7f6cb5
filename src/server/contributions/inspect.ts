import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extractMetadata } from '../packs/tool/extract.js';
import { reencodeImage } from './reencode.js';
import type { Contribution } from './repo.js';

/** How much of a text the moderation page shows (escaped, as text). */
const TEXT_PREVIEW = 8000;

/** What the file says about itself, for the animateur to spot a real name. */
export async function fileMetadata(
  c: Contribution,
  file: string,
): Promise<Array<[string, string]>> {
  if (c.kind === 'image' || c.kind === 'text') return [];
  const m = await extractMetadata(file);
  const rows: Array<[string, string]> = [];
  if (m.title) rows.push(['Titre dans le fichier', m.title]);
  if (m.authors?.length)
    rows.push(['Auteur(s) dans le fichier', m.authors.map((a) => a.name).join(', ')]);
  if (m.description) rows.push(['Description dans le fichier', m.description.slice(0, 500)]);
  if (m.rights) rows.push(['Droits dans le fichier', m.rights.slice(0, 300)]);
  if (c.kind === 'pdf') {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(await readFile(file), {
      ignoreEncryption: true,
      updateMetadata: false,
    });
    const creator = doc.getCreator();
    const producer = doc.getProducer();
    if (creator) rows.push(['Logiciel (créateur)', creator]);
    if (producer) rows.push(['Logiciel (producteur)', producer]);
  }
  for (const w of m.warnings) rows.push(['Remarque', w]);
  return rows;
}

/** The beginning of a text proposal (shown escaped by Preact, never as HTML). */
export async function textPreview(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  return text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW)}…` : text;
}

/** A small JPEG made again from the stored picture (never the visitor's bytes). */
export async function imagePreview(file: string): Promise<Buffer> {
  const out = `${file}.apercu.jpg`;
  try {
    await reencodeImage(file, out, 'jpg', 640);
    return await readFile(out);
  } finally {
    await rm(out, { force: true });
  }
}

/**
 * Empties a PDF's information fields and XMP metadata (author, title, software…), so a
 * real name the author did not want published is gone from the file itself.
 */
export async function clearPdfMetadata(file: string): Promise<number> {
  const { PDFDocument, PDFName } = await import('pdf-lib');
  const doc = await PDFDocument.load(await readFile(file), {
    ignoreEncryption: true,
    updateMetadata: false,
  });
  doc.setTitle('');
  doc.setAuthor('');
  doc.setSubject('');
  doc.setKeywords([]);
  doc.setCreator('');
  doc.setProducer('');
  doc.catalog.delete(PDFName.of('Metadata'));
  const tmp = `${file}.tmp`;
  await writeFile(tmp, await doc.save({ updateFieldAppearances: false }));
  await rename(tmp, file);
  return (await stat(file)).size;
}
