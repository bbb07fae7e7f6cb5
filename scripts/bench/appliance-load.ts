import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { netnsUnavailable, startLab } from '../../tests/network/lab.js';

/**
 * The appliance load test: simulated phones on the box's own network (namespaces, see
 * tests/network/lab.ts) browse the portal, search and download with resume (Range),
 * all at once, for a fixed time. `npm run bench` runs the 60 s version; the test suite
 * runs a 10 s one (tests/network/load.test.ts).
 */
export interface LoadOptions {
  baseUrl: string;
  seconds: number;
  phones: number;
  searches: string[];
  workIds: string[];
  /** A large file fetched in two ranged halves, as a resumed download. */
  download: { path: string; size: number };
  /** A hard bound on requests, whatever the time. */
  maxRequests?: number;
}

export interface LoadResult {
  seconds: number;
  phones: number;
  requests: number;
  pages: number;
  downloads: number;
  bytes: number;
  errors: number;
  errorSamples: string[];
  pageLatencyMs: { p50: number; p95: number; p99: number; max: number };
}

interface Got {
  status: number;
  bytes: number;
  headers: Record<string, string | string[] | undefined>;
}

function get(agent: Agent, url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`délai dépassé : ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

/** Runs the simulated phones against `baseUrl` (call it from inside the phone's namespace). */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const deadline = performance.now() + o.seconds * 1000;
  const maxRequests = o.maxRequests ?? 2_000_000;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let requests = 0;
  let downloads = 0;
  let bytes = 0;
  let errors = 0;
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 10) errorSamples.push(what);
  };
  const going = () => performance.now() < deadline && requests < maxRequests;

  const phone = async (n: number) => {
    // One phone, one keep-alive connection, like a browser tab on Wi-Fi.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const page = async (pathAndQuery: string) => {
      const started = performance.now();
      requests++;
      try {
        const r = await get(agent, `${o.baseUrl}${pathAndQuery}`, { 'accept-language': 'fr-FR' });
        if (r.status !== 200) fail(`${pathAndQuery} → ${r.status}`);
        bytes += r.bytes;
        latencies.push(performance.now() - started);
      } catch (err) {
        fail(`${pathAndQuery} : ${(err as Error).message}`);
      }
    };
    const resumedDownload = async () => {
      const half = Math.floor(o.download.size / 2);
      const parts: Array<[string, number]> = [
        [`bytes=0-${half - 1}`, half],
        [`bytes=${half}-`, o.download.size - half],
      ];
      for (const [range, expected] of parts) {
        requests++;
        try {
          const r = await get(agent, `${o.baseUrl}${o.download.path}`, { range });
          if (r.status !== 206 || r.bytes !== expected)
            fail(`${range} → ${r.status}, ${r.bytes} octets`);
          bytes += r.bytes;
        } catch (err) {
          fail(`${range} : ${(err as Error).message}`);
        }
      }
      downloads++;
    };
    for (let i = 0; going(); i++) {
      await page('/bienvenue');
      if (!going()) break;
      await page('/');
      if (!going()) break;
      await page(
        `/search?q=${encodeURIComponent(o.searches[(n + i) % o.searches.length] ?? 'conte')}`,
      );
      if (!going()) break;
      await page(`/works/${o.workIds[(n + i) % o.workIds.length] ?? ''}`);
      if (!going()) break;
      if ((n + i) % 8 === 0) await resumedDownload();
    }
    agent.destroy();
  };

  await Promise.all(Array.from({ length: o.phones }, (_, n) => phone(n)));
  latencies.sort((a, b) => a - b);
  return {
    seconds: o.seconds,
    phones: o.phones,
    requests,
    pages: latencies.length,
    downloads,
    bytes,
    errors,
    errorSamples,
    pageLatencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
  };
}

export type ApplianceLoadOutcome =
  ({ skipped: false } & LoadResult) | { skipped: true; reason: string };

/**
 * Builds the lab (box + phone namespaces), runs the load from inside the phone and
 * tears everything down. Needs root (namespaces); otherwise says why it skipped.
 */
export async function benchApplianceLoad(
  options: { seconds?: number; phones?: number } = {},
): Promise<ApplianceLoadOutcome> {
  const reason = netnsUnavailable();
  if (reason) return { skipped: true, reason };
  const seconds = options.seconds ?? 60;
  const phones = options.phones ?? 200;
  const lab = await startLab();
  try {
    const film = lab.works.find((w) => w.id === 'grand-film')?.files[0];
    const load: LoadOptions = {
      baseUrl: `http://${lab.boxIp}`,
      seconds,
      phones,
      searches: ['conte', 'lanterne', 'film libre', 'autrice', 'numéro 7', 'il était une fois'],
      workIds: lab.works.map((w) => w.id),
      download: {
        path: '/files/grand-film/0/grand-film.bin',
        size: Buffer.from(film?.content ?? '').length,
      },
    };
    const child = lab.spawnInPhone(process.execPath, [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      JSON.stringify(load),
    ]);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 120) * 1000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code !== 0) throw new Error(`la charge a échoué (${code}) : ${err}`);
    return { skipped: false, ...(JSON.parse(out) as LoadResult) };
  } finally {
    await lab.close();
  }
}

const SECTION = '## Appliance load test';

/** Writes (or replaces) only this section of docs/benchmarks.md; the rest is not ours. */
export function writeBenchmarkSection(
  result: LoadResult,
  file = path.resolve(import.meta.dirname, '../../docs/benchmarks.md'),
): void {
  const mb = (result.bytes / 1024 / 1024).toFixed(0);
  const section = [
    SECTION,
    '',
    `${result.phones} simulated phones on the box's own network (network namespaces and a veth pair,`,
    'real dnsmasq from the generated config, real server on port 80; `scripts/bench/appliance-load.ts`),',
    `each browsing the welcome page, the home page, a search and a work page, and every eighth round`,
    `resuming a 3 MB download in two Range requests, for ${result.seconds} s on this machine (2 cores).`,
    '',
    '| phones | duration | requests | pages | resumed downloads | data | errors | page p50 | page p95 | page p99 | page max |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${result.phones} | ${result.seconds} s | ${result.requests} | ${result.pages} | ${result.downloads} | ${mb} MB | ${result.errors} | ${result.pageLatencyMs.p50} ms | ${result.pageLatencyMs.p95} ms | ${result.pageLatencyMs.p99} ms | ${result.pageLatencyMs.max} ms |`,
    '',
    'The load generator runs on the same cores as the server, so these latencies are pessimistic',
    "for the server and say nothing of the radio: the link is a veth pair, not Wi-Fi (the Pi's",
    'built-in Wi-Fi serves about 10 clients, 19–23 with the minimal firmware). Run:',
    '`npx tsx scripts/bench/appliance-load.ts` (root: network namespaces).',
    '',
  ].join('\n');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(SECTION);
  if (start < 0) {
    writeFileSync(file, `${text.replace(/\n*$/, '\n\n')}${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + SECTION.length);
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`);
}

// Inside the phone's namespace: `node --import tsx appliance-load.ts '<options JSON>'`.
// Alone (`npx tsx scripts/bench/appliance-load.ts`): the full 60 s run, written to the docs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  const job = arg
    ? runLoad(JSON.parse(arg) as LoadOptions).then((r) =>
        process.stdout.write(`${JSON.stringify(r)}\n`),
      )
    : benchApplianceLoad().then((r) => {
        if (r.skipped) {
          process.stderr.write(`Test de charge sauté : ${r.reason}\n`);
          return;
        }
        writeBenchmarkSection(r);
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        if (r.errors > 0) process.exitCode = 1;
      });
  job.catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
