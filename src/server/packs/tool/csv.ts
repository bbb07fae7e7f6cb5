import { parse } from 'csv-parse/sync';

/**
 * `metadata.csv`: one row per file, edited by an animateur in LibreOffice or Excel.
 * Written in UTF-8 with a BOM (so spreadsheet programs do not mistake accents) and `;`
 * (the French default); read back with `;`, `,` or tab, whichever the header uses.
 */
export const METADATA_FILE = 'metadata.csv';

export const COLUMNS = [
  'file',
  'id',
  'type',
  'title',
  'authors',
  'language',
  'licence',
  'attribution',
  'themes',
  'description',
  'source',
  'cover',
  'note',
] as const;
export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

export interface SheetRow {
  /** The row number the spreadsheet shows (the header is row 1). */
  line: number;
  row: Row;
}

function quote(value: string, sep: string): string {
  return /["\r\n]/.test(value) || value.includes(sep) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(rows: Row[], sep = ';'): string {
  const lines = [
    COLUMNS.join(sep),
    ...rows.map((r) => COLUMNS.map((c) => quote(r[c], sep)).join(sep)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function detectSeparator(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((s) => [s, header.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ';';
}

export class CsvError extends Error {}

/** Parses the sheet; unknown columns are ignored, missing ones read as empty. */
export function readCsv(text: string): SheetRow[] {
  const sep = detectSeparator(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sep,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw new CsvError(`metadata.csv illisible : ${(err as Error).message}`);
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('file')) {
    throw new CsvError(
      'metadata.csv : la première ligne doit donner les noms des colonnes (file, title, licence…).',
    );
  }
  const out: SheetRow[] = [];
  records.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Row;
    header.forEach((h, j) => {
      if ((COLUMNS as readonly string[]).includes(h)) row[h as Column] = (cells[j] ?? '').trim();
    });
    out.push({ line: i + 2, row });
  });
  return out;
}
