import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { SmallFileCache } from './cache.js';
import { makeEtag, planFile, type FileFacts } from './plan.js';
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
  let cached = options.cache?.get(file);
  if (!cached) {
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) throw new HTTPException(404);
    cached = { data: Buffer.alloc(0), size: info.size, mtimeMs: info.mtimeMs };
    if (options.cache && info.size <= options.cache.maxEntryBytes) {
      cached = { ...cached, data: await readSmall(file, info.size) };
      options.cache.set(file, cached);
    }
  }
  const hasData = cached.size > 0 && cached.data.length === cached.size;
  const plan = planFile(
    {
      size: cached.size,
      mtimeMs: cached.mtimeMs,
      etag: options.etag ?? makeEtag(cached.size, cached.mtimeMs),
      mime: options.mime,
      disposition: options.disposition,
      cacheControl: options.cacheControl ?? 'public, max-age=3600',
    },
    {
      method: c.req.method,
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
      range: c.req.header('range'),
      ifRange: c.req.header('if-range'),
    },
  );
  const headers = { 'x-content-type-options': 'nosniff', ...options.headers, ...plan.headers };
  const span =
    'body' in plan && plan.body && plan.end >= plan.start
      ? { start: plan.start, end: plan.end }
      : null;
  const slice = span && hasData ? cached.data.subarray(span.start, span.end + 1) : null;

  // Only bodies go straight to Node's response: Hono answers HEAD by re-wrapping the
  // handler's Response, so bodiless answers (HEAD, 304, 416) must stay plain Responses.
  const outgoing = span ? outgoingOf(c) : undefined;
  if (outgoing && span) {
    outgoing.writeHead(plan.status, headers);
    if (slice) outgoing.end(slice);
    else {
      // A phone that walks away mid-download closes the socket: streaming stops there.
      streamFile(file, span.start, span.end, outgoing).catch(() => outgoing.destroy());
    }
    return RESPONSE_ALREADY_SENT;
  }
  let body: BodyInit | null = null;
  if (span) {
    body = slice
      ? new Uint8Array(slice)
      : (Readable.toWeb(createReadStream(file, span)) as ReadableStream);
  }
  return new Response(body, { status: plan.status, headers });
}
