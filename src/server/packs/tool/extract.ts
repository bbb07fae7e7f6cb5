import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WorkType } from '../../catalogue/types.js';
import { extractEpub } from './epub.js';
import type { Extracted } from './extracted.js';

export type { Extracted, ExtractedAuthor } from './extracted.js';

const MAX_PDF_BYTES = 200 * 1024 * 1024;

const TYPES: Record<string, WorkType> = {
  epub: 'book',
  pdf: 'document',
  odt: 'document',
  txt: 'document',
  html: 'document',
  mp3: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  flac: 'audio',
  m4a: 'audio',
  wav: 'audio',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  ogv: 'video',
  mkv: 'video',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  svg: 'image',
  zip: 'software',
  apk: 'software',
  // A ZIM (Wikipédia, Vikidia… from the Kiwix library) is an encyclopaedia of its own.
  zim: 'encyclopedia',
};

/** The work type a file name suggests ('document' when nothing better). */
export function guessType(file: string): WorkType {
  return TYPES[path.extname(file).slice(1).toLowerCase()] ?? 'document';
}

async function extractPdf(file: string): Promise<Extracted> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(await readFile(file), {
    ignoreEncryption: true,
    updateMetadata: false,
  });
  const author = doc.getAuthor()?.trim();
  return {
    type: 'document',
    title: doc.getTitle()?.trim() || undefined,
    authors: author
      ? author
          .split(/\s*[;&]\s*/)
          .filter(Boolean)
          .map((name) => ({ name, role: 'author' as const }))
      : [],
    description: doc.getSubject()?.trim() || undefined,
    themes: (doc.getKeywords() ?? '')
      .split(/[;,]/)
      .map((k) => k.trim())
      .filter(Boolean),
    warnings: [],
  };
}

async function extractMedia(file: string, type: WorkType): Promise<Extracted> {
  const { parseFile } = await import('music-metadata');
  const { common } = await parseFile(file, { duration: false });
  const artists = common.artists ?? (common.artist ? [common.artist] : []);
  const picture = common.picture?.[0];
  const ext = picture?.format.split('/')[1]?.replace('jpeg', 'jpg') ?? 'jpg';
  return {
    type,
    title: common.title?.trim() || undefined,
    authors: artists.map((name) => ({ name, role: 'author' as const })),
    language: common.language,
    description: common.description?.[0] ?? common.comment?.[0]?.text,
    themes: common.genre ?? [],
    rights: [common.license, common.copyright].filter(Boolean).join(' '),
    cover: picture ? { name: `cover.${ext}`, data: Buffer.from(picture.data) } : undefined,
    warnings: [],
  };
}

/** Reads what it can from a file; never throws for a damaged file (a warning says why). */
export async function extractMetadata(file: string): Promise<Extracted> {
  const type = guessType(file);
  const ext = path.extname(file).slice(1).toLowerCase();
  try {
    // pdf-lib reads the whole file into memory: a huge PDF is left for a person to describe.
    if (ext === 'pdf' && (await stat(file)).size > MAX_PDF_BYTES) {
      return {
        type,
        warnings: ['PDF trop gros pour en lire les métadonnées : remplissez-les à la main'],
      };
    }
    if (ext === 'epub') return await extractEpub(file);
    if (ext === 'pdf') return await extractPdf(file);
    if (type === 'audio' || type === 'video') return await extractMedia(file, type);
  } catch (err) {
    return { type, warnings: [`métadonnées illisibles (${(err as Error).message})`] };
  }
  return { type, warnings: [] };
}
