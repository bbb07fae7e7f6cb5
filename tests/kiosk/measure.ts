import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface Target {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every visible thing a finger can press on the current screen, with its box. */
export function touchTargets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const nodes = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([readonly]), select, textarea, [role="button"], [role="link"]',
    );
    return [...nodes]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[inert]');
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name =
          el.dataset['testid'] ??
          el.getAttribute('aria-label') ??
          el.textContent?.trim().slice(0, 30) ??
          el.tagName;
        return { name, x: r.x, y: r.y, width: r.width, height: r.height };
      });
  });
}

/** Gap between two boxes: 0 when they touch or overlap, else the shortest edge distance. */
export function gap(a: Target, b: Target): number {
  const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width));
  const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Elements with their own visible text whose computed size is under `min` px. */
export function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('[inert], [aria-hidden="true"], svg, .print-frame')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) small.push(`${text.slice(0, 40)} (${size}px)`);
    }
    return small;
  }, min);
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's AAA contrast rule (7:1 for body text, 4.5:1 for large text). */
export async function enhancedContrast(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: unknown,
          ) => Promise<{
            violations: Array<{
              nodes: Array<{ target: string[]; any: Array<{ message: string }> }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast-enhanced'] },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`),
    );
  });
}
