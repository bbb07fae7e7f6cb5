import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';

/** A real, playable WAV: 5 seconds of a 440 Hz tone, 8 kHz mono 16-bit. */
function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the portal in a real Chromium', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const ranges: string[] = [];

  beforeAll(async () => {
    box = makeTestBox();
    addWorks(box.ctx, 'demo', [
      work('demo.foret', 'La Forêt enchantée', {
        themes: ['Nature', 'Contes'],
        description: 'Une histoire de clairière.\n\nDeuxième paragraphe.',
        cover: { name: 'c.png', content: PNG_1PX, mime: 'image/png' },
        files: [
          { name: 'foret.epub', content: 'epub', mime: 'application/epub+zip' },
          { name: 'forêt.pdf', content: '%PDF-1.4\n%%EOF\n', mime: 'application/pdf' },
        ],
      }),
      work('demo.chant', 'Chant du matin', {
        type: 'audio',
        licence: 'CC0-1.0',
        files: [{ name: 'chant.wav', content: toneWav(5), mime: 'audio/wav' }],
      }),
      work('demo.photo', 'Photo du port', {
        type: 'image',
        licence: 'CC-BY-NC-4.0',
        files: [{ name: 'port.png', content: PNG_1PX, mime: 'image/png' }],
      }),
    ]);
    addWorks(
      box.ctx,
      'serie',
      Array.from({ length: 30 }, (_, i) =>
        work(`serie.t${i}`, `Tome ${i + 1} de la série forestière`),
      ),
    );
    box.ctx.events.on((e) => {
      if (e.type === 'play') ranges.push(e.workId);
    });
    server = await box.listen();
    base = server.url.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box.cleanup();
  });

  const pages = [
    '/',
    '/browse',
    '/browse?type=book&page=2',
    '/search?q=foret',
    '/search?q=zzz',
    '/search',
    '/works/demo.foret',
    '/works/demo.chant',
    '/works/demo.photo',
    '/about',
    '/privacy',
    '/works/inconnu',
    '/en/',
    '/en/works/demo.foret',
  ];

  it('has no axe-core violation (WCAG 2.2 A/AA) on any page type, on a phone and a desktop', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const page = await newPage(browser, { viewport });
      for (const path of pages) {
        await page.goto(base + path);
        const violations = await axeViolations(page);
        expect(
          violations,
          `${path} @${viewport.width}px\n${describeViolations(violations)}`,
        ).toEqual([]);
      }
      await page.context().close();
    }
  });

  it('reflows at 320 CSS px without sideways scrolling', async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    for (const path of pages) {
      await page.goto(base + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });

  it('works fully without JavaScript: search, filter, page, open a work', async () => {
    const page = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    await page.goto(`${base}/`);
    await page.fill('#q', 'forêt');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByRole('link', { name: /La Forêt enchantée/ }).click();
    await page.waitForURL(/\/works\/demo\.foret$/);
    expect(await page.textContent('h1')).toBe('La Forêt enchantée');
    await page.goto(`${base}/browse`);
    // The filters are folded in a <details>: it opens without JavaScript.
    expect(await page.isVisible('#f-type')).toBe(false);
    await page.click('details.filters-fold summary');
    await page.selectOption('#f-type', 'book');
    await page.click('form.filters button[type=submit]');
    await page.getByRole('link', { name: /Page suivante/ }).click();
    expect(await page.textContent('[role=status]')).toContain('31 œuvres');
    expect(page.url()).toContain('page=2');
    await page.context().close();
  });

  it('plays audio in the page and seeks with byte ranges', async () => {
    const page = await newPage(browser);
    const rangeHeaders: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/media/demo.chant/'))
        rangeHeaders.push(req.headers()['range'] ?? 'none');
    });
    await page.goto(`${base}/works/demo.chant`);
    const duration = await page.$eval('audio', (audio: HTMLAudioElement) =>
      audio.readyState >= 1
        ? audio.duration
        : new Promise<number>((resolve) =>
            audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true }),
          ),
    );
    expect(duration).toBeCloseTo(5, 1);
    const position = await page.$eval(
      'audio',
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve) => {
          audio.addEventListener('seeked', () => resolve(audio.currentTime), { once: true });
          audio.currentTime = 3.5;
        }),
    );
    expect(position).toBeCloseTo(3.5, 1);
    expect(rangeHeaders.some((r) => r.startsWith('bytes='))).toBe(true);
    expect(ranges).toContain('demo.chant');
    await page.context().close();
  });

  it('opens PDFs in the browser and shows images in the page', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/works/demo.foret`);
    const pdfHref = await page.getAttribute('a[href^="/media/demo.foret/1/"]', 'href');
    expect(pdfHref).toBeTruthy();
    const res = await page.request.get(base + pdfHref!);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^inline;/);
    await page.goto(`${base}/works/demo.photo`);
    const loaded = await page.$eval(
      'img.artwork',
      (img: HTMLImageElement) => img.complete && img.naturalWidth > 0,
    );
    expect(loaded).toBe(true);
    await page.context().close();
  });

  it('copies the attribution with one touch when JavaScript is there', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${base}/works/demo.foret`);
    await page.getByRole('button', { name: 'Copier' }).click();
    await expect.poll(() => page.locator('button.copy').textContent()).toBe('Copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '« La Forêt enchantée », CC BY 4.0',
    );
    await context.close();
  });
});
