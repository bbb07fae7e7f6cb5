import { build } from 'esbuild';
import net from 'node:net';
import path from 'node:path';
import { startLanterne } from './lanterne.js';
import { probe, rssMb, stop } from './proc.js';
import { benchQueries } from './search.js';
import { wrk, type WrkResult } from './wrk.js';

/** The in-process mix as portal URLs (`/search?q=…&type=…&page=…`). */
export function searchUrls(): string[] {
  return benchQueries().map((q) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(q))
      if (value !== undefined) params.set(key, String(value));
    return `/search?${params.toString()}`;
  });
}

export interface HttpFigures {
  /** The ~190 search URLs in a loop, 50 connections. */
  searches: WrkResult;
  /** `/browse` (4 connections) while 50 connections search. */
  browseInStorm: WrkResult;
  searchInStorm: WrkResult;
  /** Started, first page served, 2 s idle. */
  rssIdle: number;
  rssPeak: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `search-server.ts` as one bundle, built like `scripts/build-server.mjs` builds the box. */
async function buildSearchServer(root: string): Promise<string> {
  const entry = '.bench/search-server/main.js';
  await build({
    entryPoints: { main: path.join(root, 'scripts/bench/search-server.ts') },
    outdir: path.join(root, '.bench/search-server'),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['better-sqlite3'],
    minifyWhitespace: true,
    minifySyntax: true,
    banner: {
      js: "import { createRequire as __lanterneRequire } from 'node:module'; const require = __lanterneRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return entry;
}

/**
 * HTTP searches, the new path against the reference, each in its own server process
 * pinned to core 0 over the same (prepared) bench database, wrk on core 1: CPU per
 * search from /proc, then a storm (50 searching connections) with `/browse` beside it.
 */
export async function benchSearchHttp(opts: {
  root: string;
  benchDir: string;
  dataDir: string;
  seconds: number;
  log: (line: string) => void;
}): Promise<{ fresh: HttpFigures; reference: HttpFigures }> {
  const entry = await buildSearchServer(opts.root);
  const urls = searchUrls();
  const out: Partial<Record<'fresh' | 'reference', HttpFigures>> = {};
  for (const name of ['reference', 'fresh'] as const) {
    const port = await freePort();
    const server = await startLanterne({
      root: opts.root,
      benchDir: opts.benchDir,
      dataDir: opts.dataDir,
      port,
      entry,
      env: { BENCH_SEARCH: name },
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await new Promise((r) => setTimeout(r, 2000));
      const rssIdle = rssMb(server.pid);
      for (const p of ['/browse', urls[0] ?? '/']) {
        const status = await probe(`${base}${p}`, 5000);
        if (status !== 200) throw new Error(`${p} → ${status}\n${server.stderr()}`);
      }
      let rssPeak = rssMb(server.pid);
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 100);
      opts.log(
        `  ${name} : ${urls.length} recherches en boucle, 50 connexions, ${opts.seconds} s…`,
      );
      const common = { base, benchDir: opts.benchDir };
      await wrk({ ...common, paths: urls, connections: 50, seconds: 2 });
      const searches = await wrk({
        ...common,
        paths: urls,
        connections: 50,
        seconds: opts.seconds,
        serverPid: server.pid,
      });
      opts.log(`  ${name} : tempête de recherches (50 conn.) et /browse (4 conn.) à côté…`);
      const [searchInStorm, browseInStorm] = await Promise.all([
        wrk({ ...common, paths: urls, connections: 50, seconds: opts.seconds }),
        wrk({
          ...common,
          paths: ['/browse', '/browse?page=2', '/browse?type=audio'],
          connections: 4,
          seconds: opts.seconds,
        }),
      ]);
      clearInterval(sampler);
      out[name] = { searches, searchInStorm, browseInStorm, rssIdle, rssPeak };
    } finally {
      await stop(server.child);
    }
  }
  if (!out.fresh || !out.reference) throw new Error('banc HTTP incomplet');
  return { fresh: out.fresh, reference: out.reference };
}
