import { decodeUtf8, unsafePathReason } from '../packs/names.js';
import { readZipEntries } from '../packs/tool/zip-read.js';
import { sniffImage } from '../notices/admin/image.js';
import type { ContributionKind } from './repo.js';

/** What a proposed file is, by its content (never by its name or declared type). */
export interface Sniffed {
  kind: ContributionKind;
  /** The extension the box gives the stored file. */
  ext: string;
}

export type SniffResult = { ok: true; file: Sniffed } | { ok: false; message: string };

const refuse = (message: string): SniffResult => ({ ok: false, message });

const ascii = (b: Buffer, start: number, end: number) => b.toString('latin1', start, end);

/** Signatures of a second format hidden in a file (a "polyglot"): refused wherever they are. */
const ZIP_MARKS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const PDF_MARK = Buffer.from('%PDF-', 'latin1');
const MARKUP = /<(script|html|svg|iframe|object|embed|\?php)[\s>/]|<!doctype\s+html/i;
/** PDF features that run something or carry other files. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\b/;

function isExecutable(b: Buffer): boolean {
  return (
    ascii(b, 0, 2) === 'MZ' ||
    ascii(b, 0, 4) === '\x7fELF' ||
    ascii(b, 0, 2) === '#!' ||
    [0xcafebabe, 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(
      b.length >= 4 ? b.readUInt32BE(0) : 0,
    )
  );
}

function audioExt(b: Buffer): string | null {
  if (ascii(b, 0, 3) === 'ID3') return 'mp3';
  if (b.length > 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) return 'mp3';
  if (ascii(b, 0, 4) === 'OggS') return 'ogg';
  if (ascii(b, 0, 4) === 'fLaC') return 'flac';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return 'wav';
  if (ascii(b, 4, 8) === 'ftyp' && /^M4[AB] $/.test(ascii(b, 8, 12))) return 'm4a';
  return null;
}

/** Valid UTF-8 without NUL or control characters other than tab and line breaks. */
function plainText(b: Buffer): string | null {
  const text = decodeUtf8(b);
  if (text === null) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

/** Entry names of an EPUB: listed without reading any entry, each checked like a pack's. */
async function epubProblem(file: string): Promise<string | null> {
  let names: string[] = [];
  try {
    await readZipEntries(file, (all) => {
      names = all;
      return [];
    });
  } catch {
    return 'Ce fichier EPUB est abîmé : la boîte ne peut pas le lire.';
  }
  if (names.length > 5000) return 'Ce fichier EPUB contient trop de fichiers.';
  if (names.some((n) => unsafePathReason(n.replace(/\/$/, '')) !== null))
    return 'Ce fichier EPUB contient des noms de fichiers dangereux : il est refusé.';
  if (names.some((n) => /\.(exe|dll|bat|cmd|sh|apk|msi|com|scr|jar)$/i.test(n)))
    return 'Ce fichier EPUB contient un programme : il est refusé.';
  return null;
}

/**
 * Recognises a proposed file by its first bytes and refuses what the box never takes:
 * programs, SVG and other markup, files hiding a second format (a ZIP or PDF inside a
 * picture…), PDFs that run scripts. `file` is the same bytes on disk (for EPUB listing).
 */
export async function sniffContribution(data: Buffer, file: string): Promise<SniffResult> {
  if (data.length === 0) return refuse('Le fichier est vide : choisissez un autre fichier.');
  if (isExecutable(data))
    return refuse(
      'Les programmes ne sont pas acceptés : proposez une photo, un texte, un son, un PDF ou un EPUB.',
    );
  const head = ascii(data, 0, 512).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return refuse('Les images SVG ne sont pas acceptées : envoyez la photo en JPEG ou en PNG.');

  let found: Sniffed | null = null;
  const image = sniffImage(data);
  if (image) found = { kind: 'image', ext: image.ext === 'gif' ? 'png' : image.ext };
  else if (ascii(data, 0, 5) === '%PDF-') found = { kind: 'pdf', ext: 'pdf' };
  else if (
    ascii(data, 0, 4) === 'PK\x03\x04' &&
    ascii(data, 30, 38) === 'mimetype' &&
    ascii(data, 38, 58) === 'application/epub+zip'
  )
    found = { kind: 'epub', ext: 'epub' };
  else {
    const audio = audioExt(data);
    if (audio) found = { kind: 'audio', ext: audio };
    else if (plainText(data) !== null) found = { kind: 'text', ext: 'txt' };
  }
  if (!found)
    return refuse(
      'Ce type de fichier n’est pas accepté : proposez une photo (JPEG, PNG, WebP), un texte, un son (MP3, OGG, FLAC), un PDF ou un EPUB.',
    );

  const hidden =
    'Ce fichier en cache un autre (un fichier « polyglotte ») : il est refusé. Enregistrez-le à nouveau depuis votre application, puis réessayez.';
  if (found.kind !== 'epub' && ZIP_MARKS.some((m) => data.includes(m))) return refuse(hidden);
  if (found.kind !== 'pdf' && data.includes(PDF_MARK)) return refuse(hidden);
  if (found.kind === 'text') {
    if (/^\s*</.test(data.toString('utf8', 0, 256)))
      return refuse(
        'Les pages web et fichiers balisés ne sont pas acceptés : envoyez un texte simple (.txt).',
      );
  } else if (MARKUP.test(data.toString('latin1'))) return refuse(hidden);
  if (found.kind === 'pdf' && PDF_ACTIVE.test(data.toString('latin1')))
    return refuse(
      'Ce PDF contient des scripts ou des pièces jointes : exportez-le à nouveau en PDF simple, puis réessayez.',
    );
  if (found.kind === 'epub') {
    const problem = await epubProblem(file);
    if (problem) return refuse(problem);
  }
  return { ok: true, file: found };
}
