import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { CachedFile, SmallFileCache } from './cache.js';
import { makeEtag, planFile, type FileFacts, type RequestFacts } from './plan.js';
import { streamFile } from './stream.js';

export interface SendOptions {
  mime: string;
  disposition?: FileFacts['disposition'];
  cacheControl?: string;
  /** A strong validator of the content (e.g. from its sha256); size+mtime otherwise. */
  etag?: string | undefined;
  /** Extra headers (e.g. a Content-Security-Policy for untrusted content). */
  headers?: Record<string, string>;
  /** Files that never change in place may be answered from memory without a stat. */
  cache?: SmallFileCache | undefined;
}

async function readSmall(file: string, size: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const data = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(data, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return data.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function outgoingOf(c: HonoContext): ServerResponse | undefined {
  const env = c.env as { outgoing?: ServerResponse } | undefined;
  return env?.outgoing;
}

/** A file's size, date and (when small enough to keep) its bytes; null if it is gone. */
export async function loadFile(file: string, cache?: SmallFileCache): Promise<CachedFile | null> {
  const cached = cache?.get(file);
  if (cached) return cached;
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) return null;
  const entry = { data: Buffer.alloc(0), size: info.size, mtimeMs: info.mtimeMs };
  if (!cache || info.size > cache.maxEntryBytes) return entry;
  const kept = { ...entry, data: await readSmall(file, info.size) };
  cache.set(file, kept);
  return kept;
}

/** What to answer: status, headers, and which bytes (from memory when they are there). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  span: { start: number; end: number } | null;
  slice: Buffer | null;
}

export function planAnswer(cached: CachedFile, options: SendOptions, req: RequestFacts): Answer {
  const plan = planFile(
    {
      size: cached.size,
      mtimeMs: cached.mtimeMs,
      etag: options.etag ?? makeEtag(cached.size, cached.mtimeMs),
      mime: options.mime,
      disposition: options.disposition,
      cacheControl: options.cacheControl ?? 'public, max-age=3600',
    },
    req,
  );
  const headers = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...options.headers,
    ...plan.headers,
  };
  const span =
    'body' in plan && plan.body && plan.end >= plan.start
      ? { start: plan.start, end: plan.end }
      : null;
  const hasData = cached.size > 0 && cached.data.length === cached.size;
  const slice = span && hasData ? cached.data.subarray(span.start, span.end + 1) : null;
  return { status: plan.status, headers, span, slice };
}

/** Sends an answer on Node's response: from memory, or streamed with bounded memory. */
export function writeAnswer(res: ServerResponse, answer: Answer, file: string): void {
  res.writeHead(answer.status, answer.headers);
  const { span, slice } = answer;
  if (!span) res.end();
  else if (slice) res.end(slice);
  // A phone that walks away mid-download closes the socket: streaming stops there.
  else streamFile(file, span.start, span.end, res).catch(() => res.destroy());
}

/**
 * Sends a file with full HTTP semantics (ETag, Last-Modified, 304, Range → 206/416,
 * If-Range, HEAD). Streams straight to Node's response with bounded memory; when run
 * in-process (`app.request()` in tests) it answers with a Web Response instead.
 */
export async function sendFile(
  c: HonoContext,
  file: string,
  options: SendOptions,
): Promise<Response> {
  const cached = await loadFile(file, options.cache);
  if (!cached) throw new HTTPException(404);
  const answer = planAnswer(cached, options, {
    method: c.req.method,
    ifNoneMatch: c.req.header('if-none-match'),
    ifModifiedSince: c.req.header('if-modified-since'),
    range: c.req.header('range'),
    ifRange: c.req.header('if-range'),
  });

  // Only bodies go straight to Node's response: Hono answers HEAD by re-wrapping the
  // handler's Response, so bodiless answers (HEAD, 304, 416) must stay plain Responses.
  const outgoing = answer.span ? outgoingOf(c) : undefined;
  if (outgoing) {
    writeAnswer(outgoing, answer, file);
    return RESPONSE_ALREADY_SENT;
  }
  let body: BodyInit | null = null;
  if (answer.span) {
    body = answer.slice
      ? new Uint8Array(answer.slice)
      : (Readable.toWeb(createReadStream(file, answer.span)) as ReadableStream);
  }
  return new Response(body, { status: answer.status, headers: answer.headers });
}
