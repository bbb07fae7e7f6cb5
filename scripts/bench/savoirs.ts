/**
 * Encyclopaedias (issue 19): article requests per second through the box's /savoirs
 * proxy against the same kiwix-serve asked directly, in the same run (the ratio is what
 * the proxy costs), and the resident memory of both processes. Real kiwix-serve over a
 * small French ZIM built with zimwriterfs. `npm run bench`, or alone:
 * `npx tsx scripts/bench/savoirs.ts`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPack } from '../../src/server/packs/import.js';
import { KIWIX, SAVOIRS, startSavoirs } from '../../src/server/savoirs/index.js';
import { makeTestBox } from '../../tests/helpers/box.js';
import { buildFrenchZim, freePort, until } from '../../tests/savoirs/zim-build.js';
import { ZIM_BOOK, writeZimPack } from '../../tests/savoirs/zim-pack.js';
import { cpuSeconds, rssMb } from './proc.js';
import { wrk } from './wrk.js';

/** The proxy streams kiwix-serve's answer through Node: it may cost, not halve it all. */
const TARGET_RATIO = 0.3;

export async function benchSavoirs(opts: {
  dir: string;
  log?: (line: string) => void;
  seconds?: number;
}): Promise<Array<Record<string, unknown>>> {
  const log = opts.log ?? (() => undefined);
  const seconds = opts.seconds ?? Number(process.env['BENCH_SECONDS'] ?? '5');
  mkdirSync(opts.dir, { recursive: true });
  const box = makeTestBox({ kiwixPort: await freePort() });
  const stop = await startSavoirs(box.ctx);
  try {
    const zim = await buildFrenchZim(box.dir);
    const pack = path.join(box.dir, 'cle', 'encyclo');
    writeZimPack(pack, zim);
    const outcome = await importPack(box.ctx, { kind: 'folder', path: pack, origin: 'usb' });
    if (outcome.status !== 'imported') throw new Error(`import : ${outcome.status}`);
    await box.ctx.services.get(SAVOIRS).settled();
    const sup = box.ctx.services.get(KIWIX);
    const paths = ['Lune.html', 'Soleil.html', 'Loire.html'].map((a) => `${ZIM_BOOK}/${a}`);
    await until(async () => ((await fetch(`${sup.baseUrl()}${paths[0]}`)).ok ? true : undefined));
    const state = sup.state();
    const kiwixPid = state.kind === 'running' ? state.pid : null;
    const server = await box.listen();
    const base = server.url.replace('localhost', '127.0.0.1');
    if (!(await fetch(`${base}${paths[0]}`)).ok) throw new Error('le relais ne répond pas');
    const common = { paths, connections: 8, seconds, benchDir: opts.dir };
    log(`  kiwix-serve direct, ${seconds} s…`);
    const direct = await wrk({
      ...common,
      base: sup.baseUrl(),
      ...(kiwixPid ? { serverPid: kiwixPid } : {}),
    });
    log(`  à travers /savoirs, ${seconds} s…`);
    // The box answers in this very process: its CPU per request is the proxy's cost
    // (kiwix-serve's own share is the direct figure), whatever else the machine runs.
    const kiwixBefore = kiwixPid ? cpuSeconds(kiwixPid) : 0;
    const proxied = await wrk({ ...common, base, serverPid: process.pid });
    const kiwixDuring = kiwixPid ? cpuSeconds(kiwixPid) - kiwixBefore : 0;
    const ratio = proxied.requestsPerSec / direct.requestsPerSec;
    const ms = (n: number | undefined) => (n === undefined ? '?' : `${n.toFixed(3)} ms`);
    const rps = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} req/s`;
    return [
      {
        what: 'Articles à travers /savoirs (relais de la boîte)',
        value: `${rps(proxied.requestsPerSec)}, p95 ${proxied.p95.toFixed(1)} ms`,
        reference: `${rps(direct.requestsPerSec)}, p95 ${direct.p95.toFixed(1)} ms (kiwix-serve direct)`,
        ratio: `${ratio.toFixed(2)}×`,
        target: `≥ ${TARGET_RATIO}×`,
        pass: ratio >= TARGET_RATIO && proxied.errors === 0 && proxied.non2xx === 0,
      },
      {
        what: 'Temps de calcul par article : la boîte (relais) / kiwix-serve',
        value: `${ms(proxied.cpuMsPerRequest)} / ${ms(kiwixDuring > 0 ? (kiwixDuring * 1000) / proxied.requests : undefined)}`,
        reference: `${ms(direct.cpuMsPerRequest)} (kiwix-serve seul, direct)`,
      },
      {
        what: 'Mémoire résidente de la boîte (processus du banc)',
        value: `${rssMb(process.pid).toFixed(0)} Mo`,
      },
      {
        what: 'Mémoire résidente de kiwix-serve',
        value: kiwixPid ? `${rssMb(kiwixPid).toFixed(0)} Mo` : 'non mesurée',
      },
    ];
  } finally {
    await stop();
    await box.cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchSavoirs({
    dir: path.resolve('.bench/savoirs'),
    log: (l) => process.stdout.write(`${l}\n`),
  });
  for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
}
