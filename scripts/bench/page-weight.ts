/**
 * Page weight of the portal's home page with the bundled demo pack, as a phone loads it:
 * bytes on the wire for the HTML alone (identity, gzip, brotli) and for the whole page in
 * Chromium (HTML, CSS, JS, icon, covers) with and without compression, and the covers'
 * weight with thumbnails against the full covers. Run: `npx tsx scripts/bench/page-weight.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadBundledPack } from '../../src/server/packs/starter.js';
import { makeTestBox } from '../../tests/helpers/box.js';
import { rawRequest } from '../../tests/helpers/http.js';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

async function main(): Promise<void> {
  const box = makeTestBox({ contentDir: CONTENT });
  await loadBundledPack(box.ctx);
  const { port } = await box.listen();
  const base = `http://127.0.0.1:${port}`;
  const html = async (encoding: string) =>
    (
      await rawRequest({
        hostname: '127.0.0.1',
        port,
        path: '/fr/',
        headers: { 'accept-encoding': encoding },
      })
    ).body.length;
  console.log(
    `HTML /fr/ : identity ${await html('identity')} B, gzip ${await html('gzip')} B, br ${await html('br')} B`,
  );

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  for (const dpr of [2, 3]) {
    for (const compressed of [true, false]) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: dpr,
        isMobile: true,
        ...(compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } }),
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const urls = new Map<string, string>();
      const sizes = new Map<string, number>();
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
      cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
      await page.goto(`${base}/fr/`, { waitUntil: 'networkidle' });
      // Lazy covers below the fold: scroll so that every one is fetched, as Lighthouse's total.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      let total = 0;
      let covers = 0;
      let fullCovers = 0;
      for (const [id, bytes] of sizes) {
        total += bytes;
        const url = urls.get(id) ?? '';
        const m = /\/covers\/([^/]+)/.exec(url);
        if (m) {
          covers += bytes;
          const cover = box.ctx.files.cover(decodeURIComponent(m[1]!));
          if (cover) fullCovers += readFileSync(cover.full).length;
        }
      }
      console.log(
        `DPR ${dpr}, ${compressed ? 'compressé' : 'sans compression'} : ${sizes.size} requêtes, ${total} B au total, dont couvertures ${covers} B (couvertures entières : ${fullCovers} B)`,
      );
      await context.close();
    }
  }
  await browser.close();
  await box.cleanup();
}

await main();
