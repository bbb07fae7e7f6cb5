import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { launchBrowser } from '../helpers/browser.js';
import { installStarters } from '../notices/helpers.js';
import {
  kioskPage,
  makeTestBox,
  requireBuild,
  seed,
  tap,
  typeOnKeyboard,
  wakeUp,
} from './fixture.js';
import { screenProblems } from './measure.js';
import { ruleFor, SCREENS, type KioskScreen } from './screens.js';

/**
 * Every kiosk screen on every screen size libraries buy, at every text size, and in high
 * contrast: nothing off the screen or covered, no clipped text, no broken word, targets
 * at the size rule of that screen (tests/kiosk/screens.ts, docs/kiosk-screens.md).
 *
 * `KIOSK_SCREENSHOTS=1` also writes docs/screenshots/kiosk/<screen>/<size>-<name>.png
 * (normal and « Très grand » text, normal contrast).
 * `KIOSK_SCREENS=800x480,1280x800` runs only those screens.
 */
const SHOTS = process.env['KIOSK_SCREENSHOTS'] ? path.resolve('docs/screenshots/kiosk') : null;
const ONLY = process.env['KIOSK_SCREENS'] ? process.env['KIOSK_SCREENS'].split(',') : null;
/** Text sizes and contrast: the layout is measured at each size; high contrast changes
 *  colours and borders only, so it is measured at the largest size. */
const PASSES = [
  { size: 0, contrast: false },
  { size: 1, contrast: false },
  { size: 2, contrast: false },
  { size: 2, contrast: true },
] as const;
const NOTICE = 'utiliser-la-borne';
/** Screens measured but not photographed, to keep docs/screenshots small: the middle
 *  steps of the notice, the second page and the lists that look like « Livres ». */
const SKIP_SHOT = /^(notice-step-[2-5]|books-page-2|list-(listen|watch|documents|software))$/;
/** In normal text size, only these (« Très grand » has them all). */
const NORMAL_SHOTS = [
  'attract',
  'home',
  'settings',
  'books',
  'work',
  'take-away',
  'audio-player',
  'search',
  'notice-step-1',
  'notice-step-6',
  'idle-warning',
];

describe('every kiosk screen fits every screen size', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    seed(box);
    installStarters(box.ctx, 'notices');
    box.ctx.settings.update({
      libraryName: 'Médiathèque intercommunale des Tilleuls',
      address: '3 place des Tilleuls, 44000 Nantes',
      openingHours: 'Mardi au samedi, 10 h – 18 h',
      contact: '02 40 00 00 00',
      wifiName: 'Lanterne-Tilleuls',
      kioskIdleSeconds: 3600,
    });
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  for (const screen of SCREENS.filter((s) => !ONLY || ONLY.includes(s.name))) {
    it(`${screen.name} (${screen.inches}")`, async () => {
      const problems = await walkAllScreens(screen);
      expect(problems, problems.join('\n')).toEqual([]);
    }, 300_000);
  }

  async function walkAllScreens(screen: KioskScreen): Promise<string[]> {
    const rule = ruleFor(screen);
    const problems: string[] = [];
    const page = await kioskPage(browser, server.url, {
      viewport: { width: screen.width, height: screen.height },
      hasTouch: true,
      isMobile: false,
    });
    let pass: (typeof PASSES)[number] = PASSES[0];
    const check = async (name: string) => {
      await page.clock.runFor(50);
      const where = `${screen.name} size ${pass.size}${pass.contrast ? ' contrast' : ''} ${name}`;
      for (const p of await screenProblems(page, rule)) problems.push(`${where}: ${p}`);
      const shot = pass.size === 2 || (pass.size === 0 && NORMAL_SHOTS.includes(name));
      if (SHOTS && !pass.contrast && shot && !SKIP_SHOT.test(name)) {
        const dir = path.join(SHOTS, screen.name);
        mkdirSync(dir, { recursive: true });
        await page.screenshot({
          path: path.join(dir, `${pass.size === 2 ? 'tres-grand' : 'normal'}-${name}.png`),
        });
      }
    };
    const home = async () => {
      await tap(page, 'go-home');
      await page.getByTestId('home').waitFor();
    };
    const openWork = async (tile: string, id: string) => {
      await tap(page, tile);
      await page.getByTestId(`work-${id}`).waitFor();
      await tap(page, `work-${id}`);
      await page.getByTestId('take-away').waitFor();
    };

    await check('attract');
    await wakeUp(page);
    for (pass of PASSES) {
      await tap(page, 'settings');
      await tap(page, `size-${pass.size}`);
      await tap(page, pass.contrast ? 'contrast-high' : 'contrast-normal');
      await check('settings');
      await tap(page, 'settings-close');
      await check('home');

      await tap(page, 'tile-books');
      await page.getByTestId('work-bienvenue').waitFor();
      await check('books');
      await tap(page, 'page-next');
      await page.getByTestId('work-le-port').waitFor();
      await check('books-page-2');
      await home();
      for (const [tile, id] of [
        ['tile-listen', 'chansons'],
        ['tile-watch', 'film'],
        ['tile-images', 'photo'],
        ['tile-documents', 'guide'],
        ['tile-software', 'outil'],
      ] as const) {
        await tap(page, tile);
        await page.getByTestId(`work-${id}`).waitFor();
        await check(tile.replace('tile-', 'list-'));
        await home();
      }

      await openWork('tile-books', 'la-foret');
      await check('work');
      await tap(page, 'take-away');
      await page.locator('.qr svg').waitFor();
      await check('take-away');
      await tap(page, 'go-back');
      await tap(page, 'open-player');
      await page.getByText('Il était une fois').waitFor();
      await check('reader');
      await home();
      await openWork('tile-listen', 'chansons');
      await tap(page, 'open-player');
      await page.getByTestId('media-toggle').waitFor();
      await check('audio-player');
      await home();
      await openWork('tile-watch', 'film');
      await tap(page, 'open-player');
      await page.getByTestId('media-toggle').waitFor();
      await check('video-player');
      await home();
      await openWork('tile-images', 'photo');
      await tap(page, 'open-player');
      await page.locator('img.picture').waitFor();
      await check('picture');
      await home();
      await openWork('tile-documents', 'guide');
      await check('work-document');
      await home();

      await tap(page, 'tile-search');
      await tap(page, 'key-clear');
      await typeOnKeyboard(page, 'forêt');
      await expect.poll(() => page.getByTestId('query').inputValue()).toBe('forêt');
      await page.getByText('1 résultat').waitFor();
      await check('search');
      if (await page.getByTestId('key-accents').isVisible()) {
        await tap(page, 'key-accents');
        await check('search-accents');
        await tap(page, 'key-letters');
      }
      // "Rechercher" changes the screen: it waits for half a second after the last key.
      await page.clock.runFor(500);
      await tap(page, 'key-submit');
      await page.getByTestId('work-la-foret').waitFor();
      await check('results');
      await home();

      await tap(page, 'tile-learn');
      await page.getByTestId(`notice-${NOTICE}`).waitFor();
      await check('notices');
      await tap(page, `notice-${NOTICE}`);
      await page.getByTestId('step-of').waitFor();
      // A notice opens where this visitor left it: back to its first step.
      while ((await page.getByTestId('notice-stepper').getAttribute('data-step')) !== '1')
        await tap(page, 'step-prev');
      for (let step = 1; ; step++) {
        await page.locator(`[data-step="${step}"] svg.notice-picture`).waitFor();
        await check(`notice-step-${step}`);
        if (await page.getByTestId('notice-done').count()) break;
        await tap(page, 'step-next');
      }
      await tap(page, 'feedback-yes');
      await page.getByTestId('feedback-thanks').waitFor();
      await check('notice-thanks');
      await home();

      await tap(page, 'tile-infos');
      await page.locator('.infos .qr svg').waitFor();
      await check('infos');
      await page.clock.fastForward(3600 * 1000 + 2000);
      await page.getByTestId('idle-warning').waitFor();
      await check('idle-warning');
      await tap(page, 'still-here');
      await home();
    }
    await page.context().close();
    return problems;
  }
});
