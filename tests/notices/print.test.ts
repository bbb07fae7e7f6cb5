import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paletteEntry } from '../../src/server/notices/format.js';
import { sheetOf } from '../../src/server/notices/print.js';
import type { RunningServer } from '../../src/server/server.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { launchBrowser, newPage } from '../helpers/browser.js';
import { installStarters, refOf, starterIds } from './helpers.js';

let box: TestBox;
let server: RunningServer;
let browser: Browser;
let work: string;

beforeAll(async () => {
  box = makeTestBox({ publicUrl: 'http://biblio.lan' });
  installStarters(box.ctx);
  server = await box.listen();
  browser = await launchBrowser();
  work = mkdtempSync(path.join(tmpdir(), 'lanterne-print-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await box?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Text of one PDF page with all white space removed (line breaks fall anywhere). */
function pageText(pdf: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-raw', pdf, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

interface Raster {
  width: number;
  height: number;
  rgb: Buffer;
}

/** Reads a binary PPM (P6) as written by `pdftoppm` without `-png`. */
function readPpm(file: string): Raster {
  const data = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`not a PPM: ${file}`);
  const offset = header[0].length;
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(offset) };
}

/** Pixels close to a colour in the left part of the page (where step pictures sit). */
function countColour(r: Raster, hex: string, maxX: number): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < Math.floor(r.width * maxX); x += 1) {
      const o = (y * r.width + x) * 3;
      if (want.every((v, i) => Math.abs((r.rgb[o + i] ?? 0) - v) < 28)) count += 1;
    }
  }
  return count;
}

/** The words of a text before its first colour reference, enough to find it. */
function anchor(text: string): string {
  return (text.split('{')[0] ?? '').replace(/\s+/g, '').slice(0, 24);
}

describe('e-notices on paper (A4 PDF from Chromium)', () => {
  it('prints every starter notice: expected pages, no step split, markers present', async () => {
    const page = await newPage(browser);
    const summary: string[] = [];
    for (const id of starterIds()) {
      const notice = box.ctx.notices.get(id)?.notice;
      if (!notice) throw new Error(id);
      await page.goto(`${server.url}/fr/notices/${id}/print`);
      const pdf = path.join(work, `${id}.pdf`);
      writeFileSync(
        pdf,
        await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
      );
      const pages = pageCount(pdf);
      // Landscape, three columns: sheet 1 is the heading (with the QR code), "À retenir"
      // if any, then steps, three columns a sheet; a 5-step notice fits on two sheets.
      const remember = notice.remember.length > 0;
      expect(pages, id).toBe(sheetOf(notice.steps.length - 1, remember) + 1);
      if (notice.steps.length <= 5 && !remember) expect(pages, id).toBeLessThanOrEqual(2);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), id).toMatch(
        /Page size:\s+841\.\d+ x 59[45]\.\d+ pts/,
      );
      const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
      expect(texts[0], id).toContain(`http://biblio.lan/notices/${id}`.replace(/\s+/g, ''));

      execFileSync('pdftoppm', ['-r', '40', pdf, path.join(work, id)]);
      const rasters = readdirSync(work)
        .filter((f) => f.startsWith(`${id}-`) && f.endsWith('.ppm'))
        .sort()
        .map((f) => readPpm(path.join(work, f)));
      expect(rasters.length).toBe(pages);

      notice.steps.forEach((step, i) => {
        const expected = sheetOf(i, remember);
        const start = anchor(step.action);
        const found = texts.findIndex((t) => t.includes(start));
        expect(found, `${id} step ${i + 1} "${start}"`).toBe(expected);
        // The end of the step (its last box of text) is on the same page: not split.
        const last = step.result ?? step.tip ?? step.warning;
        if (last) {
          const end = last
            .replace(/\{\d\}/g, '')
            .replace(/\s+/g, '')
            .slice(-20);
          expect(texts[expected], `${id} step ${i + 1} ends on its page`).toContain(end);
          texts.forEach((t, p) => {
            if (p !== expected)
              expect(t.includes(start) && t.includes(end), `${id} step ${i + 1} twice`).toBe(false);
          });
        }
        // Its markers are drawn on that page, in their colours (left column = pictures).
        const raster = rasters[expected];
        if (!raster) throw new Error('page');
        for (const m of step.markers) {
          if (m.colour === 'noir') continue;
          const n = countColour(raster, paletteEntry(m.colour).hex, 1);
          expect(n, `${id} step ${i + 1} marker ${m.colour}`).toBeGreaterThan(15);
        }
      });
      summary.push(`${id}: ${notice.steps.length} steps, ${pages} pages`);
    }
    console.log(summary.join('\n'));
    await page.context().close();
  }, 240_000);

  it('offers the same pages as a PDF made by Chromium on the box, cached per version', async () => {
    const res = await fetch(`${server.url}/notices/wifi-de-la-boite.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(work, 'served.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/,
    );
    expect(pageCount(file)).toBe(2);
    expect(pageText(file, 1)).toContain('TouchezRéglages');
    const cached = readdirSync(path.join(box.ctx.paths.dataDir, 'notices-pdf'));
    expect(cached).toEqual(['wifi-de-la-boite@1.0.0.pdf']);

    // A new version of the notice gets a new PDF; the old one is dropped.
    const { packDir } = installStarters(box.ctx, 'demo', ['wifi-de-la-boite']);
    const json = path.join(packDir, 'notices/wifi-de-la-boite/notice.json');
    writeFileSync(
      json,
      readFileSync(json, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'),
    );
    box.ctx.notices.installPack('demo', packDir, {
      notices: [refOf(packDir, 'notices/wifi-de-la-boite/notice.json', 'wifi-de-la-boite')],
    });
    expect(box.ctx.notices.get('wifi-de-la-boite')?.notice.version).toBe('1.0.1');
    expect((await fetch(`${server.url}/notices/wifi-de-la-boite.pdf`)).status).toBe(200);
    expect(readdirSync(path.join(box.ctx.paths.dataDir, 'notices-pdf'))).toEqual([
      'wifi-de-la-boite@1.0.1.pdf',
    ]);
  }, 120_000);
});
