import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatAuthors } from './authors.js';
import { COLUMNS, METADATA_FILE, readCsv, writeCsv, type Row } from './csv.js';
import { extractMetadata } from './extract.js';
import { COVERS_DIR, scanFiles, slug, uniqueSlug } from './files.js';
import { guessLicence } from './licence-map.js';

export interface InitReport {
  csvFile: string;
  added: Row[];
  kept: number;
  /** Files whose licence a person must fill in or check (row number, file, note). */
  toConfirm: Array<{ line: number; file: string; note: string }>;
  warnings: string[];
}

/** One pre-filled row for a file, from what the file says about itself. */
export async function rowForFile(
  root: string,
  rel: string,
  taken: Set<string>,
  saveCover:
    ((id: string, cover: { name: string; data: Buffer }) => Promise<string>) | null = coverSaver(
    root,
  ),
): Promise<{ row: Row; warnings: string[]; cover?: { name: string; data: Buffer } | undefined }> {
  const meta = await extractMetadata(path.join(root, rel));
  const id = uniqueSlug(slug(path.posix.basename(rel, path.posix.extname(rel))), taken);
  const guess = guessLicence(meta.rights ?? '');
  const cover = meta.cover && saveCover ? await saveCover(id, meta.cover) : '';
  const row = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Row;
  Object.assign(row, {
    file: rel,
    id,
    type: meta.type,
    title: meta.title ?? '',
    authors: formatAuthors(meta.authors ?? []),
    language: meta.language ?? '',
    licence: guess.licence,
    themes: (meta.themes ?? []).join('; '),
    description: (meta.description ?? '').replace(/\s+/g, ' ').trim(),
    source: meta.source ?? '',
    cover,
    note: guess.note || (meta.rights ? '' : 'à confirmer : le fichier ne dit rien de sa licence'),
  });
  return { row, warnings: meta.warnings.map((w) => `${rel} : ${w}`), cover: meta.cover };
}

/** `init` takes covers out of the files into `_covers/` beside them. */
function coverSaver(root: string) {
  return async (id: string, cover: { name: string; data: Buffer }): Promise<string> => {
    const rel = `${COVERS_DIR}/${id}${path.extname(cover.name).toLowerCase() || '.jpg'}`;
    await mkdir(path.join(root, COVERS_DIR), { recursive: true });
    await writeFile(path.join(root, rel), cover.data);
    return rel;
  };
}

/**
 * `lanterne pack init <dossier>`: writes (or completes) metadata.csv with one row per
 * file. Rows already in the sheet are kept as the person left them.
 */
export async function initFolder(root: string): Promise<InitReport> {
  const csvFile = path.join(root, METADATA_FILE);
  const existing = existsSync(csvFile)
    ? readCsv(await readFile(csvFile, 'utf8')).map((r) => r.row)
    : [];
  const known = new Set(existing.map((r) => r.file));
  const taken = new Set(existing.map((r) => r.id).filter(Boolean));
  const added: Row[] = [];
  const warnings: string[] = [];
  for (const rel of await scanFiles(root)) {
    if (known.has(rel)) continue;
    const { row, warnings: w } = await rowForFile(root, rel, taken);
    added.push(row);
    warnings.push(...w);
  }
  const rows = [...existing, ...added];
  await writeFile(csvFile, writeCsv(rows));
  const toConfirm = rows
    .map((r, i) => ({ line: i + 2, file: r.file, note: r.note, licence: r.licence }))
    .filter((r) => r.licence === '' || r.note !== '')
    .map(({ line, file, note }) => ({ line, file, note: note || 'licence manquante' }));
  return { csvFile, added, kept: existing.length, toConfirm, warnings };
}
