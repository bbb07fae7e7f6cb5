import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { newPage } from '../helpers/browser.js';

/** The kiosk screen: 15.6" 1920×1080, touch. */
export const KIOSK_VIEW = {
  viewport: { width: 1920, height: 1080 },
  hasTouch: true,
  isMobile: false,
} as const;

export function requireBuild(box: TestBox): void {
  if (!existsSync(path.join(box.ctx.paths.kioskDist, 'index.html'))) {
    throw new Error(
      'dist/kiosk is missing: run `npm run build:kiosk` first (npm test does it in pretest).',
    );
  }
}

/** A second of 8-bit mono silence-ish tone as WAV: real audio the browser can play. */
export function wav(seconds = 2): Buffer {
  const rate = 8000;
  const n = rate * seconds;
  const data = Buffer.alloc(n);
  for (let i = 0; i < n; i++)
    data[i] = 128 + Math.round(20 * Math.sin((i / rate) * 2 * Math.PI * 440));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + n, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(n, 40);
  return Buffer.concat([header, data]);
}

/** Runs ffmpeg once per machine for a test file in the temp folder, then reuses it. */
function madeOnce(name: string, ffmpegArgs: string[]): Buffer {
  const file = path.join(tmpdir(), name);
  if (!existsSync(file)) {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', ...ffmpegArgs, file]);
  }
  return readFileSync(file);
}

/** A two-second WebM test picture made with ffmpeg (once per machine, then reused). */
export function webm(): Buffer {
  return madeOnce('lanterne-kiosk-test-2s.webm', [
    '-i',
    'testsrc=size=320x240:rate=10',
    '-t',
    '2',
    '-c:v',
    'libvpx',
    '-b:v',
    '100k',
  ]);
}

/** A small PNG picture made with ffmpeg (once per machine, then reused). */
export function png(): Buffer {
  return madeOnce('lanterne-kiosk-test.png', ['-i', 'testsrc=size=640x480', '-frames:v', '1']);
}

const cover = (colour: string, label: string) => ({
  name: 'cover.svg',
  mime: 'image/svg+xml',
  content: `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300"><rect width="200" height="300" fill="${colour}"/><text x="20" y="160" font-size="28" fill="#fff">${label}</text></svg>`,
});

/** A small catalogue with every kind of work the kiosk shows. */
export function seed(box: TestBox): void {
  addWorks(box.ctx, 'demo', [
    work('la-foret', 'La Forêt des contes', {
      description: 'Des contes de la forêt, à lire et à relire.',
      authors: [{ name: 'Jeanne Dupré', role: 'author' }],
      cover: cover('#2e5e3a', 'Forêt'),
      files: [
        { name: 'la-foret.epub', content: 'PK epub', mime: 'application/epub+zip' },
        {
          name: 'la-foret.txt',
          content: 'Il était une fois une forêt.\n\nFin.',
          mime: 'text/plain',
        },
      ],
    }),
    work('chansons', 'Chansons d’été', {
      type: 'audio',
      cover: cover('#8a3b12', 'Été'),
      files: [{ name: 'chanson.wav', content: wav(), mime: 'audio/wav' }],
    }),
    work('film', 'Film des tilleuls', {
      type: 'video',
      files: [{ name: 'film.webm', content: webm(), mime: 'video/webm' }],
    }),
    work('photo', 'Photo de la mire', {
      type: 'image',
      files: [{ name: 'mire.png', content: png(), mime: 'image/png' }],
    }),
    work('le-port', 'Le Port', { description: 'Un roman de la mer.' }),
    // Long words, to see that titles wrap between words ("Bienven/ue" must not happen).
    work('bienvenue', 'Bienvenue à la médiathèque intercommunale', {
      description: 'Un guide de bienvenue pour découvrir la médiathèque.',
      authors: [{ name: 'Marie-Françoise Delacroix-Montgolfier', role: 'author' }],
    }),
    work('guide', 'Guide du jardinage', {
      type: 'document',
      files: [{ name: 'guide.pdf', content: '%PDF-1.4 test', mime: 'application/pdf' }],
    }),
    work('outil', 'Outil de dessin', {
      type: 'software',
      files: [{ name: 'outil.zip', content: 'PK zip', mime: 'application/zip' }],
    }),
    ...Array.from({ length: 7 }, (_, i) => work(`livre-${i + 1}`, `Livre numéro ${i + 1}`)),
  ]);
}

export interface KioskPage {
  page: Page;
  context: BrowserContext;
}

/**
 * A kiosk page with Playwright's fake clock installed: time still flows, and the tests
 * jump over the kiosk's own pauses (the half-second press guard, the waking touch)
 * with `page.clock.runFor` instead of sleeping.
 */
export async function kioskPage(
  browser: Browser,
  baseUrl: string,
  view: BrowserContextOptions = KIOSK_VIEW,
): Promise<Page> {
  const page = await newPage(browser, view);
  await page.clock.install();
  await page.goto(`${baseUrl}/kiosk/`);
  await page.getByTestId('attract').waitFor();
  return page;
}

export async function openKiosk(browser: Browser, baseUrl: string): Promise<KioskPage> {
  const page = await kioskPage(browser, baseUrl);
  return { page, context: page.context() };
}

/** Wakes the kiosk from its welcome screen with a real touch in the middle of the screen.
 *  The page must have the fake clock installed (see `kioskPage`). */
export async function wakeUp(page: Page): Promise<void> {
  const size = page.viewportSize() ?? KIOSK_VIEW.viewport;
  await page.touchscreen.tap(size.width / 2, size.height / 2);
  await page.getByTestId('home').waitFor();
  // The waking touch is swallowed for a moment after the finger lifts (on purpose).
  await page.clock.runFor(500);
}

/** A tap, then the pause a person makes before the next one (presses closer than half
 *  a second apart are ignored on purpose, see acceptPress), on the page's fake clock. */
export async function tap(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).tap();
  await page.clock.runFor(520);
}

/** Types on the kiosk's own keyboard, one key at a time like a person, switching to the
 *  accents layer and back when the screen's layout has one. */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    const key = page.getByTestId(ch === ' ' ? 'key-space' : `key-${ch}`);
    if (!(await key.isVisible())) {
      const layer = page.getByTestId('key-accents').or(page.getByTestId('key-letters'));
      await layer.tap();
      await page.clock.runFor(230);
    }
    await key.tap();
    await page.clock.runFor(230);
  }
}

export { makeTestBox };
