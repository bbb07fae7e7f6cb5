/**
 * HTTP semantics for sending one file (RFC 9110): validators, conditional requests and
 * a single byte range. Pure: it decides, `deliver.ts` sends.
 */
import { asciiFileName } from './ascii.js';

export interface FileFacts {
  size: number;
  mtimeMs: number;
  /** A strong validator, with its quotes, e.g. `"5f3a-18c2"`. */
  etag: string;
  mime: string;
  /** `attachment` makes browsers save the file under `filename`. */
  disposition?: { type: 'attachment' | 'inline'; filename: string } | undefined;
  cacheControl: string;
}

export interface RequestFacts {
  method: string;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  range?: string | undefined;
  ifRange?: string | undefined;
}

export type Plan =
  | { status: 304; headers: Record<string, string> }
  | { status: 416; headers: Record<string, string> }
  | {
      status: 200 | 206;
      headers: Record<string, string>;
      start: number;
      end: number;
      body: boolean;
    };

export function makeEtag(size: number, mtimeMs: number): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

function etagMatches(header: string, etag: string): boolean {
  // Weak comparison (RFC 9110 §8.8.3.2) as If-None-Match requires.
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

/** Seconds precision: HTTP dates have no milliseconds. */
function notModifiedSince(header: string, mtimeMs: number): boolean {
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/**
 * Parses `bytes=a-b`, `bytes=a-`, `bytes=-n`. Returns null when the header should be
 * ignored (not bytes, several ranges, malformed), 'unsatisfiable' when no byte of it
 * exists in the file.
 */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
  if (!match) return null;
  const [, a = '', b = ''] = match;
  if (a === '' && b === '') return null;
  // An empty file has no byte to range over (`bytes=-5` would give `bytes 0--1/0`):
  // the Range header is ignored, as RFC 9110 allows, and the empty body sent with 200.
  if (size === 0) return null;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** ASCII fallback plus RFC 5987 UTF-8 form, as RFC 6266 recommends. */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const ascii = asciiFileName(filename);
  const encoded = encodeURIComponent(filename.normalize('NFC')).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function planFile(file: FileFacts, req: RequestFacts): Plan {
  const headers: Record<string, string> = {
    'accept-ranges': 'bytes',
    etag: file.etag,
    'last-modified': new Date(file.mtimeMs).toUTCString(),
    'cache-control': file.cacheControl,
  };
  const conditional = req.ifNoneMatch
    ? etagMatches(req.ifNoneMatch, file.etag)
    : req.ifModifiedSince !== undefined && notModifiedSince(req.ifModifiedSince, file.mtimeMs);
  if (conditional) return { status: 304, headers };

  headers['content-type'] = file.mime;
  if (file.disposition) {
    headers['content-disposition'] = contentDisposition(
      file.disposition.type,
      file.disposition.filename,
    );
  }
  const body = req.method !== 'HEAD';
  let range = req.range ? parseRange(req.range, file.size) : null;
  if (range && req.ifRange !== undefined) {
    const ifRange = req.ifRange.trim();
    const fresh =
      ifRange.startsWith('"') || ifRange.startsWith('W/')
        ? ifRange === file.etag
        : Date.parse(ifRange) === Math.floor(file.mtimeMs / 1000) * 1000;
    if (!fresh) range = null;
  }
  if (range === 'unsatisfiable') {
    headers['content-range'] = `bytes */${file.size}`;
    delete headers['content-type'];
    delete headers['content-disposition'];
    return { status: 416, headers };
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${file.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    return { status: 206, headers, start: range.start, end: range.end, body };
  }
  headers['content-length'] = String(file.size);
  return { status: 200, headers, start: 0, end: file.size - 1, body };
}
