/**
 * `npm run bench:search`: issue 21's part of `npm run bench` alone (the search, new path
 * against the reference, in process and over HTTP, and the box's RSS at rest), for when
 * only the search changed: the whole bench takes minutes of both cores.
 * `BENCH_SKIP_HTTP=1` keeps the in-process part only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCatalogue } from './catalogue.js';
import { startLanterne } from './lanterne.js';
import { ensureDebianPackage, probe, rssMb, stop, stopAll } from './proc.js';
import { fmt, simpleMarkdownTable, textTable } from './report.js';
import { SEARCH_TARGETS, runSearchBench } from './search-bench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = path.join(ROOT, '.bench');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? '8');
const log = (line: string) => process.stdout.write(`${line}\n`);

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

async function main(): Promise<void> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const http = !process.env['BENCH_SKIP_HTTP'];
  if (http) ensureDebianPackage('wrk', 'wrk', log);
  ensureDebianPackage('taskset', 'util-linux', log);
  const cat = ensureCatalogue(BENCH_DIR, log);
  const bench = await runSearchBench({
    root: ROOT,
    benchDir: BENCH_DIR,
    dataDir: cat.dataDir,
    dbFile: cat.dbFile,
    seconds: SECONDS,
    http,
    log,
    pin: (core) => spawnSync('taskset', ['-cp', core, String(process.pid)], { stdio: 'ignore' }),
  });
  if (http) {
    log('RSS au repos du serveur de la boîte (npm run build:server, dist/server/main.js)…');
    spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    const port = await freePort();
    const box = await startLanterne({
      root: ROOT,
      benchDir: BENCH_DIR,
      dataDir: cat.dataDir,
      port,
    });
    try {
      await new Promise((r) => setTimeout(r, 2000));
      const rss = rssMb(box.pid);
      await probe(`http://127.0.0.1:${port}/browse`, 5000);
      bench.rows.push({
        what: 'RSS au repos, 100k œuvres (démarré, première page servie)',
        value: fmt.mb(rss),
        target: `≤ ${SEARCH_TARGETS.rssIdleMb} Mo`,
        pass: rss <= SEARCH_TARGETS.rssIdleMb,
      });
    } finally {
      await stop(box.child);
    }
  }
  log('');
  log(textTable(bench.rows, 'Référence (avant issue 21)'));
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  writeFileSync(
    path.join(BENCH_DIR, 'search-results.md'),
    `${date} UTC\n\n${simpleMarkdownTable(bench.rows)}\n`,
  );
  writeFileSync(
    path.join(BENCH_DIR, 'search-results.json'),
    JSON.stringify({ date, ...bench }, null, 2),
  );
  log('Résultats écrits dans .bench/search-results.md');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .catch((err: unknown) => {
    process.stderr.write(
      `Banc interrompu : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => stopAll());
