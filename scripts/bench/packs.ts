/**
 * Pack import benchmark (issue 3): a generated pack of 2,000 small EPUB-like files and
 * one of 3 large video-like files, each imported into a fresh data folder, against a
 * plain `cp -r` + `sha256sum` of the same files in the same run.
 * Targets: ≥ 500 items/s, and ≥ 0.7× the plain copy's MB/s.
 *
 *   npx tsx scripts/bench/packs.ts          (BENCH_PACK_VIDEO_MB=200 by default)
 *
 * `npm run bench` calls `runPackBench` (scripts/bench/others.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeConfig } from '../../src/server/config.js';
import { openBox } from '../../src/server/core/open-box.js';
import { silentLogger } from '../../src/server/log.js';
import { importPack } from '../../src/server/packs/import.js';
import { MANIFEST_FILE, MANIFEST_FORMAT } from '../../src/server/packs/manifest.js';

export interface PackBenchRow {
  what: string;
  value: string;
  ratio?: string;
  target?: string;
  pass?: boolean;
  /** The plain copy's figure, shown in the reference column. */
  reference?: string;
}

interface Options {
  benchDir?: string;
  log?: (line: string) => void;
  smallCount?: number;
  videoMb?: number;
}

interface Generated {
  dir: string;
  items: number;
  bytes: number;
}

function generate(
  dir: string,
  kind: 'epub' | 'video',
  count: number,
  size: () => number,
): Generated {
  mkdirSync(path.join(dir, kind === 'epub' ? 'livres' : 'videos'), { recursive: true });
  const items = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const rel = kind === 'epub' ? `livres/livre-${i}.epub` : `videos/film-${i}.mp4`;
    const n = size();
    const data = randomBytes(n);
    writeFileSync(path.join(dir, rel), data);
    bytes += n;
    items.push({
      id: `${kind}-${i}`,
      type: kind === 'epub' ? 'book' : 'video',
      title: `${kind === 'epub' ? 'Livre' : 'Film'} numéro ${i}`,
      authors: [{ name: `Autrice ${i % 97}`, role: 'author' }],
      description: 'Un contenu généré pour mesurer la vitesse d’import.',
      language: 'fr',
      licence: 'CC-BY-4.0',
      attribution: `« ${kind} ${i} », Autrice, CC BY 4.0`,
      themes: [`Thème ${i % 20}`],
      files: [{ path: rel, size: n, sha256: createHash('sha256').update(data).digest('hex') }],
    });
  }
  const manifest = {
    format: MANIFEST_FORMAT,
    id: `bench-${kind}`,
    version: '1.0.0',
    title: `Banc d’essai ${kind}`,
    languages: ['fr'],
    created: '2026-11-22',
    items,
  };
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return { dir, items: count, bytes };
}

async function timeImport(source: Generated, work: string): Promise<number> {
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const config = makeConfig({
    dataDir,
    contentDir: path.join(work, 'none'),
    mediaDir: path.join(work, 'none'),
  });
  const box = openBox({ config, log: silentLogger });
  const { ctx } = box;
  const start = process.hrtime.bigint();
  const outcome = await importPack(
    ctx,
    { kind: 'folder', path: source.dir, origin: 'local' },
    { freeSpaceMargin: 0 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  box.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (outcome.status !== 'imported')
    throw new Error(`import du banc d’essai refusé : ${JSON.stringify(outcome)}`);
  return seconds;
}

/** `cp -r` then `sha256sum` of every copied file: what a careful person would do by hand. */
function timePlainCopy(source: Generated, work: string): number {
  const dest = path.join(work, `cp-${randomBytes(4).toString('hex')}`);
  const start = process.hrtime.bigint();
  execFileSync('sh', [
    '-c',
    'cp -r "$1" "$2" && find "$2" -type f -print0 | xargs -0 sha256sum > /dev/null',
    'sh',
    source.dir,
    dest,
  ]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(dest, { recursive: true, force: true });
  return seconds;
}

const mbps = (bytes: number, s: number) => bytes / 1e6 / s;
const f1 = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

export async function runPackBench(options: Options = {}): Promise<{ rows: PackBenchRow[] }> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.benchDir ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const work = mkdtempSync(path.join(base, 'lanterne-bench-packs-'));
  const rows: PackBenchRow[] = [];
  try {
    const smallCount = options.smallCount ?? 2000;
    const videoMb = options.videoMb ?? Number(process.env['BENCH_PACK_VIDEO_MB'] ?? '200');
    log(`Packs : génération de ${smallCount} EPUB et de 3 vidéos de ${videoMb} Mo…`);
    const small = generate(
      path.join(work, 'small'),
      'epub',
      smallCount,
      () => 20_000 + Math.floor(Math.random() * 60_000),
    );
    const large = generate(path.join(work, 'large'), 'video', 3, () => videoMb * 1_000_000);
    for (const [name, pack] of [
      ['2 000 EPUB', small],
      ['3 vidéos', large],
    ] as const) {
      // Warm the page cache equally for both. Before each timed run, flush what is
      // pending (the generated files): the import's syncfs must not pay for it.
      timePlainCopy(pack, work);
      execFileSync('sync');
      const plain = timePlainCopy(pack, work);
      execFileSync('sync');
      const imported = await timeImport(pack, work);
      const ratio = mbps(pack.bytes, imported) / mbps(pack.bytes, plain);
      const itemsPerS = pack.items / imported;
      if (pack === small) {
        rows.push({
          what: `Import ${name} : œuvres/s`,
          value: `${f1(itemsPerS)} œuvres/s`,
          target: '≥ 500 œuvres/s',
          pass: itemsPerS >= 500,
        });
      }
      rows.push({
        what: `Import ${name} : débit (${f1(pack.bytes / 1e6)} Mo)`,
        value: `${f1(mbps(pack.bytes, imported))} Mo/s`,
        reference: `${f1(mbps(pack.bytes, plain))} Mo/s (cp -r + sha256sum)`,
        ratio: `${ratio.toFixed(2)}×`,
        target: '≥ 0,7× la copie simple',
        pass: ratio >= 0.7,
      });
      log(`  ${name} : import ${imported.toFixed(2)} s, cp -r + sha256sum ${plain.toFixed(2)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { rows };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { rows } = await runPackBench();
  for (const r of rows) {
    process.stdout.write(
      `${r.what.padEnd(44)} ${r.value.padEnd(16)} ${(r.reference ?? '').padEnd(36)} ${(r.ratio ?? '').padEnd(7)} ${r.target ?? ''} ${r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'}\n`,
    );
  }
}
