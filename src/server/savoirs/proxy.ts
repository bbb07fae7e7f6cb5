import { request, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Hono, type Context as HonoContext } from 'hono';
import { ENCYCLOPAEDIAS } from './library.js';
import { SAVOIRS_ROOT, type KiwixState, type KiwixSupervisor } from './supervisor.js';

/** Request headers the box passes to kiwix-serve (caching and ranges only). */
const REQUEST_HEADERS = ['range', 'if-none-match', 'if-modified-since', 'if-range'];
/** Response headers passed back; the box's own security headers apply on top. */
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
];

/** Answers up to this size are read whole, larger ones (pictures, videos) streamed. */
const SMALL_BODY = 256 * 1024;

interface Upstream {
  status: number;
  header(name: string): string | undefined;
  bytes(): Promise<Buffer>;
  stream(): ReadableStream<Uint8Array>;
  discard(): void;
}

/**
 * One request to kiwix-serve on loopback, with Node's own client: `fetch` cost about
 * twice as much per article (scripts/bench/savoirs.ts). No kept-alive pool: kiwix-serve
 * closes every connection (`Connection: close`).
 */
function ask(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) =>
      resolve(upstreamOf(res)),
    );
    req.setTimeout(30_000, () => req.destroy(new Error('kiwix-serve ne répond pas')));
    req.once('error', reject);
    req.end();
  });
}

function upstreamOf(res: IncomingMessage): Upstream {
  return {
    status: res.statusCode ?? 502,
    header: (name) => {
      const value = res.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    bytes: async () => {
      const parts: Buffer[] = [];
      for await (const chunk of res) parts.push(chunk as Buffer);
      return Buffer.concat(parts);
    },
    stream: () => Readable.toWeb(res) as ReadableStream<Uint8Array>,
    discard: () => res.resume(),
  };
}

/** The box's own page for a request kiwix-serve cannot answer (see `pages.tsx`). */
export type SavoirsPage = (c: HonoContext, state: KiwixState, status: 404 | 503) => string;

/**
 * `/savoirs/…` proxied to the box's kiwix-serve, which is told to live under the same
 * path, so no URL is rewritten; only a redirect's absolute loopback address becomes a
 * path on the box. When kiwix-serve is down, has no book at all, or answers 404 to a
 * page, the visitor gets the box's own French page instead.
 */
export function savoirsProxyRoutes(sup: KiwixSupervisor, page: SavoirsPage): Hono {
  const app = new Hono();
  const answer = (c: HonoContext, status: 404 | 503) =>
    c.html(page(c, sup.state(), status), status, status === 503 ? { 'retry-after': '5' } : {});
  // kiwix-serve's own welcome page lists the books in English and links to kiwix.org:
  // the box's French list of its encyclopaedias stands in for it.
  app.on(['GET', 'HEAD'], [SAVOIRS_ROOT, `${SAVOIRS_ROOT}/`], (c) =>
    c.redirect(ENCYCLOPAEDIAS, 302),
  );
  app.on(['GET', 'HEAD'], [SAVOIRS_ROOT, `${SAVOIRS_ROOT}/*`], async (c) => {
    if (sup.state().kind === 'empty') return answer(c, 404);
    const url = new URL(c.req.url);
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    let upstream: Upstream;
    try {
      upstream = await ask(sup.port(), c.req.method, `${url.pathname}${url.search}`, headers);
    } catch {
      return answer(c, 503);
    }
    if (upstream.status === 404 && upstream.header('content-type')?.startsWith('text/html')) {
      upstream.discard();
      return answer(c, 404);
    }
    const out = new Headers();
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.header(name);
      if (value !== undefined) out.set(name, value);
    }
    const location = upstream.header('location');
    if (location !== undefined) {
      const target = new URL(location, sup.baseUrl());
      if (target.pathname.startsWith(`${SAVOIRS_ROOT}/`) || target.pathname === SAVOIRS_ROOT) {
        out.set('location', `${target.pathname}${target.search}`);
      }
    }
    const size = Number(upstream.header('content-length') ?? Number.NaN);
    // A small answer (most articles) is read whole and written in one go: piping a web
    // stream into Node's response costs more than the article itself.
    const bodiless = c.req.method === 'HEAD' || upstream.status === 304;
    // Read to its end even without a body, so the connection is let go.
    if (bodiless) upstream.discard();
    const body = bodiless
      ? null
      : size <= SMALL_BODY
        ? new Uint8Array(await upstream.bytes())
        : upstream.stream();
    return new Response(body, { status: upstream.status, headers: out });
  });
  return app;
}
