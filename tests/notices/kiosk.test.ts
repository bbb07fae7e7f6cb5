import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxEvent } from '../../src/server/events/bus.js';
import type { RunningServer } from '../../src/server/server.js';
import type { TestBox } from '../helpers/box.js';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.js';
import { makeTestBox, openKiosk, requireBuild, tap, wakeUp } from '../kiosk/fixture.js';
import { installStarters, starterIds } from './helpers.js';
import { badgeOverlap, markerError, measureMarkers } from './measure.js';

/** WCAG contrast ratio between two computed CSS colours (rgb/rgba). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

async function stepOf(page: Page): Promise<string> {
  return (await page.getByTestId('step-of').textContent()) ?? '';
}

async function openNotice(page: Page, id: string): Promise<void> {
  await tap(page, `notice-${id}`);
  await page.getByTestId('notice-stepper').waitFor();
}

describe('e-notices on the kiosk (NoticeStepper inside the real kiosk app)', () => {
  let box: TestBox;
  let server: RunningServer;
  let browser: Browser;
  const events: BoxEvent[] = [];

  beforeAll(async () => {
    box = makeTestBox({ publicUrl: 'http://biblio.lan' });
    requireBuild(box);
    installStarters(box.ctx);
    box.ctx.events.on((e) => events.push(e));
    server = await box.listen();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await box?.cleanup();
  });

  it('goes step by step with huge buttons, resumes where the visitor left, ends with the faces', async () => {
    const { page, context } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-learn');
    for (const id of starterIds()) await page.getByTestId(`notice-${id}`).waitFor();
    await openNotice(page, 'wifi-de-la-boite');
    expect(await stepOf(page)).toBe('Étape 1 sur 4');
    expect(await page.getByTestId('step-prev').isDisabled()).toBe(true);
    for (const id of ['step-prev', 'step-next', 'notice-print']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(88);
    }
    expect(describeViolations(await axeViolations(page))).toBe('');

    await tap(page, 'step-next');
    expect(await stepOf(page)).toBe('Étape 2 sur 4');
    // "…, encadré en rouge {1}." reads as the words, then the red sign (no digit).
    expect(await page.getByTestId('step-action').textContent()).toBe(
      'Touchez Wi-Fi, encadré en rouge .',
    );
    expect(await page.getByTestId('step-action').locator('svg.ref-sign').count()).toBe(1);
    await tap(page, 'step-prev');
    expect(await stepOf(page)).toBe('Étape 1 sur 4');
    await tap(page, 'step-next');
    await tap(page, 'step-next');
    expect(await stepOf(page)).toBe('Étape 3 sur 4');
    expect(
      events
        .filter((e) => e.type === 'notice-step')
        .map((e) => (e.type === 'notice-step' ? e.step : 0)),
    ).toEqual([1, 2, 1, 2, 3]);

    // Leave half-way, come back: the notice opens where the visitor was.
    await tap(page, 'go-back');
    await page.getByTestId('notices').waitFor();
    await openNotice(page, 'wifi-de-la-boite');
    expect(await stepOf(page)).toBe('Étape 3 sur 4');

    await tap(page, 'step-next');
    expect(await stepOf(page)).toBe('Étape 4 sur 4');
    await page.getByTestId('notice-done').waitFor();
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'notice', noticeId: 'wifi-de-la-boite', action: 'finish' }),
    );
    expect(describeViolations(await axeViolations(page))).toBe('');
    await tap(page, 'feedback-yes');
    await page.getByTestId('feedback-thanks').waitFor();
    await expect
      .poll(() => box.ctx.notices.repo.feedbackCounts())
      .toEqual([{ notice_id: 'wifi-de-la-boite', face: 'yes', count: 1 }]);
    expect(events).toContainEqual({
      type: 'notice-feedback',
      noticeId: 'wifi-de-la-boite',
      face: 'yes',
    });
    await context.close();
  }, 90_000);

  it('draws the markers where the data says, pulsing unless motion is reduced', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page, context } = await openKiosk(browser, server.url);
      await page.emulateMedia({ reducedMotion });
      await wakeUp(page);
      await tap(page, 'tile-learn');
      await openNotice(page, 'lire-un-livre');
      for (let step = 1; step <= 6; step += 1) {
        const markers = await measureMarkers(page, '.notice-stepper');
        expect(markers.length).toBeGreaterThan(0);
        for (const m of markers) {
          expect(markerError(m), `step ${step}`).toBeLessThan(0.015);
          if (m.shape !== 'arrow') expect(badgeOverlap(m), `step ${step} badge`).toBeLessThan(0.5);
        }
        if (step < 6) await tap(page, 'step-next');
      }
      const animation = await page
        .locator('.notice-stepper .marker-shape')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName);
      expect(animation).toBe(reducedMotion === 'reduce' ? 'none' : 'ns-pulse');
      await context.close();
    }
  }, 90_000);

  it('shows "À retenir" with the first step of a notice that has advice', async () => {
    const { page, context } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-learn');
    await openNotice(page, 'message-frauduleux');
    const box = page.getByTestId('notice-remember');
    expect(await box.locator('h2').textContent()).toBe('À retenir');
    expect(await box.locator('li').count()).toBe(5);
    expect(await box.textContent()).toContain('code secret');
    await tap(page, 'step-next');
    expect(await page.getByTestId('notice-remember').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('follows the kiosk text size and high contrast', async () => {
    const { page, context } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-learn');
    await openNotice(page, 'appel-video');
    const action = page.getByTestId('step-action');
    const size0 = await action.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size0).toBeGreaterThanOrEqual(24);

    await tap(page, 'settings');
    await tap(page, 'size-2');
    await tap(page, 'contrast-high');
    await tap(page, 'settings-close');
    const size2 = await action.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size2).toBeGreaterThan(size0 * 1.4);
    const next = await page.getByTestId('step-next').boundingBox();
    expect(next?.height ?? 0).toBeGreaterThanOrEqual(88);
    const colours = await page.evaluate(() => {
      const get = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return { fg: '', bg: '' };
        return { fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor };
      };
      return {
        page: getComputedStyle(document.body).backgroundColor,
        action: get('[data-testid="step-action"]'),
        next: get('[data-testid="step-next"]'),
      };
    });
    expect(contrast(colours.action.fg, colours.page)).toBeGreaterThanOrEqual(7);
    expect(contrast(colours.next.fg, colours.next.bg)).toBeGreaterThanOrEqual(7);
    expect(describeViolations(await axeViolations(page))).toBe('');
    await context.close();
  }, 90_000);

  it('reads aloud with speech made on the box, and hides the button when it cannot', async () => {
    const api = (await (await fetch(`${server.url}/api/notices/livre-audio`)).json()) as {
      speech: boolean;
      notice: { steps: Array<{ speechUrl: string | null }> };
    };
    expect(api.speech).toBe(true);
    const url = api.notice.steps[0]?.speechUrl ?? '';
    const wav = await fetch(`${server.url}${url}`);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(bytes.length).toBeGreaterThan(20_000);

    const { page, context } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-learn');
    await openNotice(page, 'livre-audio');
    await page.getByTestId('read-aloud').waitFor();
    await context.close();

    const saved = process.env['ESPEAK_PATH'];
    process.env['ESPEAK_PATH'] = '';
    try {
      const without = (await (
        await fetch(`${server.url}/api/notices/livre-audio`)
      ).json()) as typeof api;
      expect(without.speech).toBe(false);
      const second = await openKiosk(browser, server.url);
      await wakeUp(second.page);
      await tap(second.page, 'tile-learn');
      await openNotice(second.page, 'livre-audio');
      expect(await second.page.getByTestId('read-aloud').count()).toBe(0);
      await second.context.close();
    } finally {
      if (saved === undefined) delete process.env['ESPEAK_PATH'];
      else process.env['ESPEAK_PATH'] = saved;
    }
  }, 90_000);

  it('prints the paper view from the stepper', async () => {
    const { page, context } = await openKiosk(browser, server.url);
    await wakeUp(page);
    await tap(page, 'tile-learn');
    await openNotice(page, 'ouvrir-le-portail');
    await tap(page, 'notice-print');
    const frame = page.locator('iframe#kiosk-print');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe('/notices/ouvrir-le-portail/print');
    await context.close();
  }, 60_000);
});
