import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { installStarters, starterIds } from '../notices/helpers.js';
import { KIOSK_VIEW, makeTestBox, requireBuild, seed, tap, wakeUp } from './fixture.js';
import { enhancedContrast, gap, smallText, touchTargets } from './measure.js';

/** 16 mm on a 15.6" 1920×1080 screen (≈ 141 ppi). */
const MIN_TARGET = 88;
const MIN_GAP = 8;
const MIN_TEXT = 24;
/** `KIOSK_SCREENSHOTS=1 npx vitest run tests/kiosk/a11y.test.ts` refreshes docs/screenshots/kiosk/1920x1080-contrast. */
const SHOTS_DIR = process.env['KIOSK_SCREENSHOTS']
  ? path.resolve('docs/screenshots/kiosk/1920x1080-contrast')
  : null;

describe('every kiosk screen: touch targets, text size, contrast, axe', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  const scratch = mkdtempSync(path.join(tmpdir(), 'kiosk-shots-'));
  const problems: string[] = [];
  const checked: string[] = [];

  async function check(page: Page, name: string): Promise<void> {
    await page.clock.runFor(150);
    checked.push(name);
    const targets = await touchTargets(page);
    for (const t of targets) {
      if (t.width < MIN_TARGET || t.height < MIN_TARGET) {
        problems.push(
          `${name}: target "${t.name}" is ${Math.round(t.width)}×${Math.round(t.height)} px`,
        );
      }
    }
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        // A card scrolled under the pager is hidden by its list, not next to the pager.
        if (targets[i]!.list !== targets[j]!.list) continue;
        const d = gap(targets[i]!, targets[j]!);
        if (d < MIN_GAP)
          problems.push(
            `${name}: "${targets[i]!.name}" and "${targets[j]!.name}" are ${d.toFixed(1)} px apart`,
          );
      }
    }
    for (const s of await smallText(page, MIN_TEXT)) problems.push(`${name}: small text ${s}`);
    const axe = await axeViolations(page);
    if (axe.length > 0) problems.push(`${name}: axe ${describeViolations(axe)}`);
    for (const c of await enhancedContrast(page)) problems.push(`${name}: contrast ${c}`);
    const file = path.join(scratch, `${name}.png`);
    await page.screenshot({ path: file });
    // The other sizes and screens: tests/kiosk/screens.test.ts.
    if (SHOTS_DIR && name.endsWith('-contrast')) {
      mkdirSync(SHOTS_DIR, { recursive: true });
      copyFileSync(file, path.join(SHOTS_DIR, `${name}.png`));
    }
  }

  beforeAll(async () => {
    box = makeTestBox();
    requireBuild(box);
    seed(box);
    installStarters(box.ctx, 'notices', starterIds().slice(0, 3));
    box.ctx.settings.update({
      libraryName: 'Médiathèque des Tilleuls',
      address: '3 place des Tilleuls, 44000 Nantes',
      openingHours: 'Mardi au samedi, 10 h – 18 h',
      wifiName: 'Lanterne-Tilleuls',
      kioskIdleSeconds: 3600,
    });
    server = await box.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('meets the numbers on every screen, in both contrasts', async () => {
    for (const contrast of ['normal', 'high'] as const) {
      const page = await newPage(browser, KIOSK_VIEW);
      await page.clock.install();
      await page.goto(`${server.url}/kiosk/`);
      await page.getByTestId('attract').waitFor();
      const suffix = contrast === 'high' ? '-contrast' : '';
      if (!suffix) await check(page, 'attract');
      await wakeUp(page);
      if (contrast === 'high') {
        await tap(page, 'settings');
        await tap(page, 'contrast-high');
        await tap(page, 'settings-close');
      }
      await check(page, `home${suffix}`);
      await tap(page, 'settings');
      await check(page, `settings${suffix}`);
      await tap(page, 'settings-close');
      await tap(page, 'tile-books');
      await page.getByTestId('work-la-foret').waitFor();
      await check(page, `books${suffix}`);
      await tap(page, 'work-la-foret');
      await page.getByTestId('take-away').waitFor();
      await check(page, `work${suffix}`);
      await tap(page, 'take-away');
      await page.locator('.qr svg').waitFor();
      await check(page, `take-away${suffix}`);
      await tap(page, 'go-back');
      await tap(page, 'open-player');
      await page.getByText('Il était une fois').waitFor();
      await check(page, `reader${suffix}`);
      await tap(page, 'go-home');
      await tap(page, 'tile-listen');
      await tap(page, 'work-chansons');
      await tap(page, 'open-player');
      await page.getByTestId('media-toggle').waitFor();
      await check(page, `audio-player${suffix}`);
      await tap(page, 'go-home');
      await tap(page, 'tile-search');
      for (const k of ['f', 'o', 'r', 'ê', 't']) await tap(page, `key-${k}`);
      await page.getByText('1 résultat').waitFor();
      await check(page, `search${suffix}`);
      await tap(page, 'key-submit');
      await page.getByTestId('work-la-foret').waitFor();
      await check(page, `results${suffix}`);
      await tap(page, 'go-home');
      await tap(page, 'tile-learn');
      await page.locator('[data-testid^="notice-"]').first().waitFor();
      await check(page, `notices${suffix}`);
      await page.locator('.notice-card').first().tap();
      // As `tap` does: the next press must come after the half-second guard.
      await page.clock.runFor(520);
      await page.getByTestId('step-of').waitFor();
      await page.locator('.notice-stepper img, .notice-stepper svg').first().waitFor();
      await check(page, `notice-step${suffix}`);
      await tap(page, 'go-home');
      await tap(page, 'tile-infos');
      await page.locator('.infos .qr svg').waitFor();
      await check(page, `infos${suffix}`);
      // The idle warning, after an hour of quiet (the box's setting for this test).
      await page.clock.fastForward(3600 * 1000 + 2000);
      await page.getByTestId('idle-warning').waitFor();
      await check(page, `idle-warning${suffix}`);
      await tap(page, 'still-here');
      // The box stops answering: "Un instant…".
      await page.route('**/api/**', (route) => route.abort());
      await tap(page, 'go-home');
      await tap(page, 'tile-books');
      await page.getByTestId('offline').waitFor();
      await check(page, `offline${suffix}`);
      await page.unroute('**/api/**');
      await page.context().close();
    }
    // Larger text (the kiosk's replacement for zoom) keeps targets and text in bounds.
    const page = await newPage(browser, KIOSK_VIEW);
    await page.clock.install();
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('attract').waitFor();
    await wakeUp(page);
    await tap(page, 'settings');
    await tap(page, 'size-2');
    await tap(page, 'lang-en');
    await tap(page, 'settings-close');
    expect(await page.getByTestId('tile-books').textContent()).toContain('Books');
    await check(page, 'home-large-text-english');
    await tap(page, 'tile-books');
    await page.getByTestId('work-la-foret').waitFor();
    await check(page, 'books-large-text');
    await page.context().close();

    expect(checked.length).toBeGreaterThanOrEqual(25);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 240_000);
});
