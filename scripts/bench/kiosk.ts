/**
 * The kiosk's budget (issue 5): JavaScript weight, gzipped, and the time to the first
 * interactive screen with Chromium's CPU slowed 6× (a Pi-class device). Called by
 * `npm run bench` through `benchKiosk()`; also runs alone: `npx tsx scripts/bench/kiosk.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, newPage } from '../../tests/helpers/browser.js';
import { KIOSK_VIEW, makeTestBox, seed } from '../../tests/kiosk/fixture.js';

export const KIOSK_JS_BUDGET_KB = 60;
export const KIOSK_START_BUDGET_MS = 1000;
const RUNS = 5;

export interface KioskBundle {
  /** Gzipped KB of the scripts the first screen loads. */
  initialKb: number;
  /** Gzipped KB of every script of the kiosk, lazy parts (e-notices) included. */
  totalKb: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The scripts one entry of the build can load: `static` those it needs to start,
 * `all` with its lazy parts too (walked through Vite's manifest).
 */
function reachable(
  manifest: Record<string, ManifestChunk>,
  entry: string,
): { static: string[]; all: string[] } {
  const walk = (lazy: boolean) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(chunk.file)) return;
      seen.add(chunk.file);
      for (const k of chunk.imports ?? []) visit(k);
      if (lazy) for (const k of chunk.dynamicImports ?? []) visit(k);
    };
    visit(entry);
    return [...seen].filter((f) => f.endsWith('.js')).map((f) => path.basename(f));
  };
  return { static: walk(false), all: walk(true) };
}

/**
 * Measures dist/kiosk as built (`npm run build:kiosk`): the kiosk app (entry
 * `index.html`) apart from the EPUB reader, the build's second entry, which the kiosk
 * only loads in its reading frame and the portal only on the reader page.
 */
export function measureBundle(dist: string): KioskBundle {
  const assets = path.join(dist, 'assets');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`${dist} is missing: run npm run build:kiosk`);
  const gz = (name: string) =>
    gzipSync(readFileSync(path.join(assets, name)), { level: 9 }).length / 1024;
  const manifest = JSON.parse(
    readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const kiosk = reachable(manifest, 'index.html');
  const sum = (names: string[]) => Math.round(names.reduce((a, n) => a + gz(n), 0) * 10) / 10;
  return { initialKb: sum(kiosk.static), totalKb: sum(kiosk.all) };
}

/** The reader's scripts, gzipped: what opening an EPUB loads (its entry and its paginator). */
export function measureReader(dist: string): { startKb: number; epubKb: number } {
  const assets = path.join(dist, 'assets');
  const gz = (name: string) =>
    gzipSync(readFileSync(path.join(assets, name)), { level: 9 }).length / 1024;
  const manifest = JSON.parse(
    readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const key = Object.keys(manifest).find(
    (k) => manifest[k]?.isEntry && manifest[k]?.name === 'reader',
  );
  if (!key) throw new Error('the reader entry is missing from the kiosk build');
  const start = reachable(manifest, key).static;
  const paginator = Object.values(manifest)
    .map((c) => path.basename(c.file))
    .filter((f) => /^paginator-.*\.js$/.test(f));
  const sum = (names: string[]) => Math.round(names.reduce((a, n) => a + gz(n), 0) * 10) / 10;
  return { startKb: sum(start), epubKb: sum([...start, ...paginator]) };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Cold loads of /kiosk/ with the CPU throttled 6×: navigation start → first interactive paint. */
export async function measureThrottledStart(runs = RUNS): Promise<number[]> {
  const box = makeTestBox();
  seed(box);
  const server = await box.listen();
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await newPage(browser, KIOSK_VIEW);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      await page.goto(`${server.url}/kiosk/`);
      await page.waitForFunction(
        () => performance.getEntriesByName('kiosk-interactive').length > 0,
      );
      times.push(
        await page.evaluate(() => performance.getEntriesByName('kiosk-interactive')[0]!.startTime),
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await box.cleanup();
  }
  return times;
}

export async function benchKiosk(options: { root?: string; log?: (line: string) => void } = {}) {
  const root = options.root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const bundle = measureBundle(path.join(root, 'dist', 'kiosk'));
  log(`kiosk: JS gzip ${bundle.initialKb} KB au démarrage, ${bundle.totalKb} KB en tout`);
  const times = await measureThrottledStart();
  const start = Math.round(median(times));
  log(
    `kiosk: premier écran interactif, CPU ÷6 : ${times.map((t) => Math.round(t)).join(', ')} ms (médiane ${start})`,
  );
  return [
    {
      what: 'JS de la borne, gzip (premier écran)',
      value: `${bundle.initialKb} KB`,
      target: `≤ ${KIOSK_JS_BUDGET_KB} KB`,
      pass: bundle.initialKb <= KIOSK_JS_BUDGET_KB,
    },
    {
      what: 'JS de la borne, gzip (tout, e-notices comprises)',
      value: `${bundle.totalKb} KB`,
      target: `≤ ${KIOSK_JS_BUDGET_KB} KB`,
      pass: bundle.totalKb <= KIOSK_JS_BUDGET_KB,
    },
    {
      what: `Premier écran interactif, CPU ralenti ×6 (médiane de ${times.length})`,
      value: `${start} ms`,
      target: `≤ ${KIOSK_START_BUDGET_MS} ms`,
      pass: start <= KIOSK_START_BUDGET_MS,
    },
  ];
}

export default benchKiosk;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchKiosk().then(
    (rows) => console.table(rows),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
