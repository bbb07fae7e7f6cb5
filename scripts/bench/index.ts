/**
 * `npm run bench`: Lanterne against lighttpd on a 100,000-work catalogue, the server
 * pinned to core 0 and the load generator (wrk) to core 1. Prints a table of absolute
 * figures, ratios and PASS/FAIL against the targets of issue 2; writes it to
 * `.bench/results.md` and `.bench/results.json` for `docs/benchmarks.md`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCatalogue } from './catalogue.js';
import { startLanterne } from './lanterne.js';
import { startLighttpd } from './lighttpd.js';
import { runOtherBenches } from './others.js';
import { ensureDebianPackage, probe, rssMb, stop, stopAll } from './proc.js';
import { fmt, markdownTable, simpleMarkdownTable, textTable, type Row } from './report.js';
import { runSearchBench } from './search-bench.js';
import { percentiles } from './search.js';
import { wrk, type WrkResult } from './wrk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = path.join(ROOT, '.bench');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? '8');
const log = (line: string) => process.stdout.write(`${line}\n`);
const SEARCH_TITLE =
  'Recherche à l’échelle d’une bibliothèque (issue 21) : nouvelle contre référence, même exécution';

const TARGETS = {
  bigRatio: 0.6,
  smallRatio: 0.2,
  browseRps: 3000,
  rssIdleMb: 80,
  rssLoadMb: 150,
  firstAnswerMs: 500,
};

/** Searches a visitor types (accents or not, prefixes, several words, a filter). */
const SEARCH_PATHS = [
  '/search?q=foret',
  '/search?q=for%C3%AAt',
  '/search?q=chat',
  '/search?q=histoire%20mer',
  '/search?q=vo',
  '/search?q=lumi%C3%A8re&type=book',
  '/search?q=martin',
  '/search?q=ch%C3%A2teau&language=fr',
];

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

function buildServer(): void {
  log('npm run build:server…');
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    // Others' work in progress may not type-check; tsc still emits, which is enough here.
    log(`  build:server a signalé des erreurs (code ${result.status}) : dist/ utilisé tel qu'émis`);
  }
  if (!existsSync(path.join(ROOT, 'dist/server/main.js')))
    throw new Error('dist/server/main.js absent');
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'inconnu';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${os.cpus().length} cœurs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} Go de RAM, Linux ${os.release()}, Node ${process.version}, charge moyenne ${load}`;
}

async function lanterneWrk(
  pid: number,
  base: string,
  paths: string[],
  connections: number,
  seconds = SECONDS,
): Promise<WrkResult> {
  // Warm up the JIT and the page cache first: the box runs for days, not seconds.
  await wrk({ base, paths, connections, seconds: 2, benchDir: BENCH_DIR });
  return wrk({ base, paths, connections, seconds, benchDir: BENCH_DIR, serverPid: pid });
}

/** What the server would do on a core of its own, from the CPU it used per request. */
function perCore(r: WrkResult): string {
  return r.cpuMsPerRequest
    ? `${r.cpuMsPerRequest.toFixed(3)} ms CPU/req ≈ ${fmt.rps(1000 / r.cpuMsPerRequest)} par cœur`
    : '';
}

/** Requests per second the server would answer on a core of its own (0 if unknown). */
function capacity(r: WrkResult): number {
  return r.cpuMsPerRequest ? 1000 / r.cpuMsPerRequest : 0;
}

function ratioOf(a: number | undefined, b: number | undefined): number {
  return a && b ? a / b : 0;
}

/** Lanterne's and lighttpd's throughput per CPU second, and their ratio. */
function cpuRatio(
  lanterne: number | undefined,
  lighttpd: number | undefined,
  show: (n: number) => string,
): string {
  if (!lanterne || !lighttpd) return '';
  return `${show(lanterne)} contre ${show(lighttpd)} par seconde CPU : ${fmt.ratio(lanterne / lighttpd)}`;
}

function check(result: WrkResult, what: string): string | undefined {
  if (result.errors > 0 || result.non2xx > 0)
    return `${what} : ${result.errors} erreurs, ${result.non2xx} réponses non-2xx`;
  return undefined;
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  log(`Machine : ${machine()}`);
  ensureDebianPackage('wrk', 'wrk', log);
  ensureDebianPackage('lighttpd', 'lighttpd', log);
  ensureDebianPackage('taskset', 'util-linux', log);
  buildServer();

  log('Catalogue de 100 000 œuvres…');
  const cat = ensureCatalogue(BENCH_DIR, log);
  if (cat.generatedInMs > 0) log(`  généré en ${(cat.generatedInMs / 1000).toFixed(1)} s`);

  const searchBench = await runSearchBench({
    root: ROOT,
    benchDir: BENCH_DIR,
    dataDir: cat.dataDir,
    dbFile: cat.dbFile,
    seconds: SECONDS,
    http: true,
    log,
    pin: (core) => spawnSync('taskset', ['-cp', core, String(process.pid)], { stdio: 'ignore' }),
  });

  const [lanPort, ltPort] = [await freePort(), await freePort()];
  const smallPath = `/files/${cat.small.workId}/0/${encodeURIComponent(cat.small.name)}`;
  const bigPath = `/files/${cat.big.workId}/0/${encodeURIComponent(cat.big.name)}`;
  const lt = `http://127.0.0.1:${ltPort}`;
  const lan = `http://127.0.0.1:${lanPort}`;
  const warnings: string[] = [];

  log('Démarrage de lighttpd et de Lanterne (cœur 0)…');
  const lighttpd = await startLighttpd({
    benchDir: BENCH_DIR,
    docRoot: cat.docRoot,
    port: ltPort,
    probePath: `/${cat.small.relPath}`,
    log,
  });
  const server = await startLanterne({
    root: ROOT,
    benchDir: BENCH_DIR,
    dataDir: cat.dataDir,
    port: lanPort,
  });
  // Idle: started, has answered its first page (/), nobody connected since, for 2 s.
  await new Promise((r) => setTimeout(r, 2000));
  const rssIdle = rssMb(server.pid);
  log(`  RSS au repos : ${fmt.mb(rssIdle)}`);
  for (const p of [smallPath, '/browse', SEARCH_PATHS[0] ?? '/']) {
    const status = await probe(`${lan}${p}`, 5000);
    if (status !== 200) throw new Error(`${p} → ${status}\n${server.stderr()}`);
  }

  const rows: Row[] = [];
  try {
    log(`/browse, 50 connexions, ${SECONDS} s…`);
    const browse = await lanterneWrk(
      server.pid,
      lan,
      ['/browse', '/browse?page=2', '/browse?order=title', '/browse?type=audio'],
      50,
    );
    log(`/search?q=foret, 50 connexions…`);
    const foret = await lanterneWrk(server.pid, lan, ['/search?q=foret'], 50);
    log(`Recherches variées (${SEARCH_PATHS.length} requêtes en boucle), 50 connexions…`);
    const searches = await lanterneWrk(server.pid, lan, SEARCH_PATHS, 50);

    log('Petit fichier (5 Ko), 50 connexions : lighttpd puis Lanterne…');
    const smallLt = await wrk({
      base: lt,
      paths: [`/${cat.small.relPath}`],
      connections: 50,
      seconds: SECONDS,
      benchDir: BENCH_DIR,
      serverPid: lighttpd.pid ?? 0,
    });
    const smallLan = await lanterneWrk(server.pid, lan, [smallPath], 50);

    log('Gros fichier (100 Mo), 8 connexions : lighttpd puis Lanterne…');
    const bigLt = await wrk({
      base: lt,
      paths: [`/${cat.big.relPath}`],
      connections: 8,
      seconds: SECONDS,
      benchDir: BENCH_DIR,
      serverPid: lighttpd.pid ?? 0,
    });
    const bigLan = await lanterneWrk(server.pid, lan, [bigPath], 8);

    log('RSS sous 200 connexions (pages, recherches, fichiers)…');
    let rssPeak = rssMb(server.pid);
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(server.pid));
    }, 100);
    const load = await wrk({
      base: lan,
      paths: ['/browse', ...SEARCH_PATHS, smallPath, '/'],
      connections: 200,
      seconds: SECONDS + 2,
      benchDir: BENCH_DIR,
    });
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssMb(server.pid));
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = rssMb(server.pid);

    for (const [r, what] of [
      [browse, '/browse'],
      [foret, 'recherche foret'],
      [searches, 'recherches'],
      [smallLan, 'petit fichier'],
      [bigLan, 'gros fichier'],
      [load, '200 connexions'],
    ] as const) {
      const w = check(r, what);
      if (w) warnings.push(w);
    }

    rows.push(
      {
        what: 'Page catalogue /browse (50 conn.)',
        value: fmt.rps(browse.requestsPerSec),
        target: `≥ ${TARGETS.browseRps} req/s`,
        pass: browse.requestsPerSec >= TARGETS.browseRps,
        cpu: perCore(browse),
        passCpu: capacity(browse) >= TARGETS.browseRps,
      },
      {
        what: '  latence /browse p50 / p95 / p99',
        value: `${fmt.ms(browse.p50)} / ${fmt.ms(browse.p95)} / ${fmt.ms(browse.p99)}`,
      },
      {
        what: 'Recherche /search?q=foret (50 conn.)',
        value: fmt.rps(foret.requestsPerSec),
        note: 'calibre-server : ~94 req/s',
        ratio: `${fmt.ratio(foret.requestsPerSec / 94)} calibre`,
        cpu: perCore(foret),
      },
      {
        what: '  latence foret p50 / p95 / p99',
        value: `${fmt.ms(foret.p50)} / ${fmt.ms(foret.p95)} / ${fmt.ms(foret.p99)}`,
      },
      {
        what: `Recherches variées (${SEARCH_PATHS.length} requêtes)`,
        value: fmt.rps(searches.requestsPerSec),
        ratio: `${fmt.ratio(searches.requestsPerSec / 94)} calibre`,
        cpu: perCore(searches),
      },
      {
        what: '  latence recherches p50 / p95 / p99',
        value: `${fmt.ms(searches.p50)} / ${fmt.ms(searches.p95)} / ${fmt.ms(searches.p99)}`,
      },
      {
        what: 'Gros fichier 100 Mo (8 conn.)',
        value: fmt.gbps(bigLan.bytesPerSec),
        lighttpd: fmt.gbps(bigLt.bytesPerSec),
        ratio: fmt.ratio(bigLan.bytesPerSec / bigLt.bytesPerSec),
        target: `≥ ${TARGETS.bigRatio}×`,
        pass: bigLan.bytesPerSec / bigLt.bytesPerSec >= TARGETS.bigRatio,
        note: 'serveStatic : 0,26×',
        cpu: cpuRatio(bigLan.bytesPerCpuSecond, bigLt.bytesPerCpuSecond, fmt.gbps),
        passCpu: ratioOf(bigLan.bytesPerCpuSecond, bigLt.bytesPerCpuSecond) >= TARGETS.bigRatio,
      },
      {
        what: 'Petit fichier 5 Ko /files/… (50 conn.)',
        value: fmt.rps(smallLan.requestsPerSec),
        lighttpd: fmt.rps(smallLt.requestsPerSec),
        ratio: fmt.ratio(smallLan.requestsPerSec / smallLt.requestsPerSec),
        target: `≥ ${TARGETS.smallRatio}×`,
        pass: smallLan.requestsPerSec / smallLt.requestsPerSec >= TARGETS.smallRatio,
        note: 'avec ETag',
        cpu: cpuRatio(capacity(smallLan), capacity(smallLt), fmt.rps),
        passCpu: ratioOf(capacity(smallLan), capacity(smallLt)) >= TARGETS.smallRatio,
      },
      {
        what: '  latence petit fichier p50 / p99',
        value: `${fmt.ms(smallLan.p50)} / ${fmt.ms(smallLan.p99)}`,
        lighttpd: `${fmt.ms(smallLt.p50)} / ${fmt.ms(smallLt.p99)}`,
      },
      {
        what: 'RSS au repos (démarré, première page servie)',
        value: fmt.mb(rssIdle),
        target: `≤ ${TARGETS.rssIdleMb} Mo`,
        pass: rssIdle <= TARGETS.rssIdleMb,
      },
      {
        what: 'RSS sous 200 connexions (pic)',
        value: fmt.mb(rssPeak),
        target: `≤ ${TARGETS.rssLoadMb} Mo`,
        pass: rssPeak <= TARGETS.rssLoadMb,
        note: `${fmt.rps(load.requestsPerSec)} mixtes`,
      },
      { what: '  RSS au repos 2 s après la charge', value: fmt.mb(rssAfter) },
    );
  } finally {
    await stop(server.child);
    await stop(lighttpd);
  }

  log('Temps jusqu’à la première réponse (3 démarrages à froid du processus)…');
  const starts: number[] = [];
  const startCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await startLanterne({
      root: ROOT,
      benchDir: BENCH_DIR,
      dataDir: cat.dataDir,
      port: await freePort(),
    });
    starts.push(fresh.firstAnswerMs);
    startCpu.push(fresh.startCpuMs);
    await stop(fresh.child);
  }
  const first = percentiles(starts);
  const firstCpu = percentiles(startCpu);
  rows.push({
    what: 'Démarrage → première réponse HTTP',
    value: `${fmt.ms(first.p50)} (médiane ; max ${fmt.ms(first.max)})`,
    target: `≤ ${TARGETS.firstAnswerMs} ms`,
    pass: first.max <= TARGETS.firstAnswerMs,
    cpu: `${fmt.ms(firstCpu.p50)} de CPU jusqu'à la première réponse (max ${fmt.ms(firstCpu.max)})`,
    passCpu: firstCpu.max <= TARGETS.firstAnswerMs,
  });

  const others = process.env['BENCH_SKIP_OTHERS']
    ? []
    : await runOtherBenches(ROOT, BENCH_DIR, log);
  const totalS = (performance.now() - started) / 1000;

  log('');
  log(textTable(rows));
  for (const w of warnings) log(`ATTENTION ${w}`);
  log(`\n${SEARCH_TITLE}`);
  log(textTable(searchBench.rows, 'Référence (avant issue 21)'));
  const otherMd: string[] = [];
  for (const o of others) {
    log(`\n${o.title}`);
    otherMd.push(`### ${o.title}\n`);
    if (o.missing) {
      log(`  ${o.missing}`);
      otherMd.push(`${o.missing}\n`);
    } else {
      log(textTable(o.rows));
      otherMd.push(`${simpleMarkdownTable(o.rows)}\n`);
    }
  }
  log(`\nBanc terminé en ${totalS.toFixed(0)} s.`);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const md = [
    `Mesuré le ${date} UTC — ${machine()}. Serveur (Lanterne ou lighttpd) épinglé sur le cœur 0, wrk sur le cœur 1.`,
    '',
    markdownTable(rows),
    ...(warnings.length ? ['', ...warnings.map((w) => `- Attention : ${w}`)] : []),
    '',
    `### ${SEARCH_TITLE}`,
    '',
    simpleMarkdownTable(searchBench.rows),
    '',
    ...otherMd,
  ].join('\n');
  writeFileSync(path.join(BENCH_DIR, 'results.md'), md);
  writeFileSync(
    path.join(BENCH_DIR, 'results.json'),
    JSON.stringify({ date, machine: machine(), rows, others, warnings, searchBench }, null, 2),
  );
  log(`Résultats écrits dans .bench/results.md`);
}

// Ctrl-C must not leave a pinned server or lighttpd behind: stop our own children only.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .catch(async (err: unknown) => {
    process.stderr.write(
      `Banc interrompu : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => stopAll());
