import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip';

/** Text the box writes itself: pages, styles, scripts, feeds, JSON. Never works' files. */
const COMPRESSIBLE =
  /^(text\/(html|css|javascript)|application\/(javascript|json|[\w.+-]+\+json|xml|[\w.+-]+\+xml)|image\/svg\+xml)\s*(;|$)/i;
/** Works' files, covers and media: sent as they are, with byte ranges (files/fast.ts). */
const FILE_PATHS = /^\/(files|media|covers)\//;
/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 512;

/**
 * The coding to use for an Accept-Encoding header (RFC 9110 §12.5.3): brotli when the
 * client takes it (every current browser on HTTP), else gzip, else none. `q=0` refuses.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (coding: Coding) => q.get(coding) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), q.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

function encode(coding: Coding, data: Uint8Array): Buffer {
  // Brotli 5 compresses HTML better than gzip 9 at about the CPU of gzip 6.
  return coding === 'br'
    ? brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
        },
      })
    : gzipSync(data, { level: 6 });
}

/**
 * Remembers the compressed form of responses that carry a validator (static assets,
 * HTML pages with their ETag) at an address without a query: the same page asked by a
 * class of phones is compressed once. Bounded in entries and bytes, oldest first out.
 */
export class CompressedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 200,
    private readonly maxBytes = 2 * 1024 * 1024,
  ) {}

  get(key: string, make: () => Buffer): Buffer {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const made = make();
    if (made.byteLength > this.maxBytes / 4) return made;
    this.entries.set(key, made);
    this.bytes += made.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.bytes -= this.entries.get(oldest.value)?.byteLength ?? 0;
      this.entries.delete(oldest.value);
    }
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Compresses the box's own text answers (HTML, CSS, JS, OPDS and other XML, JSON) with
 * brotli or gzip, as the client asks, and says `Vary: Accept-Encoding` on all of them.
 * Never touches works' files, covers or media (their paths, their `Accept-Ranges`, a
 * partial answer or an answer streamed by hand), nor an answer already encoded or marked
 * `no-transform`.
 *
 * @example app.use(compression())
 */
export function compression(cache = new CompressedCache()): MiddlewareHandler {
  return async function compression(c, next) {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (FILE_PATHS.test(c.req.path)) return;
    // A 304 has no type, but names the same variants as the 200 it stands for.
    if (res.status === 304) {
      if (headers.has('etag') && !headers.has('vary')) headers.set('vary', 'Accept-Encoding');
      return;
    }
    if (!COMPRESSIBLE.test(headers.get('content-type') ?? '')) return;
    if (
      res.status !== 200 ||
      !res.body ||
      headers.has('content-encoding') ||
      headers.has('content-range') ||
      headers.has('accept-ranges') ||
      headers.has('x-hono-already-sent') ||
      /no-transform/i.test(headers.get('cache-control') ?? '')
    ) {
      if (res.status === 200) headers.append('vary', 'Accept-Encoding');
      return;
    }
    headers.append('vary', 'Accept-Encoding');
    const coding = chooseCoding(c.req.header('accept-encoding'));
    if (!coding) return;
    const data = new Uint8Array(await res.arrayBuffer());
    // Remembered only for addresses without a query: a search page holds what a visitor
    // typed, and the box keeps no trace of searches, not even compressed in memory.
    const etag = new URL(c.req.url).search ? null : headers.get('etag');
    const body =
      data.byteLength < MIN_BYTES
        ? null
        : etag
          ? cache.get(`${coding} ${c.req.path} ${etag}`, () => encode(coding, data))
          : encode(coding, data);
    // Hono copies the old answer's headers onto the new one: drop what must change.
    headers.delete('content-length');
    const out = new Headers(headers);
    if (body) out.set('content-encoding', coding);
    out.set('content-length', String((body ?? data).byteLength));
    c.res = new Response(body ? new Uint8Array(body) : data, { status: res.status, headers: out });
  };
}
