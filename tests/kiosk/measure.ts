import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface Target {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Which scrolling list holds it (-1: none); targets in different lists never meet. */
  list: number;
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
        let scroller: Element | null = null;
        for (let p = el.parentElement; p && p !== document.body && !scroller; p = p.parentElement)
          if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) scroller = p;
        const list = scroller ? [...document.querySelectorAll('*')].indexOf(scroller) : -1;
        const name =
          el.dataset['testid'] ??
          el.getAttribute('aria-label') ??
          el.textContent?.trim().slice(0, 30) ??
          el.tagName;
        return { name, x: r.x, y: r.y, width: r.width, height: r.height, list };
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

/** What a screen must meet: the smallest target side and the smallest gap, in CSS px. */
export interface ScreenRule {
  minTarget: number;
  minGap: number;
}

/**
 * Everything wrong with the screen as shown, checked in the page:
 * - the page itself never scrolls, nor a dialog: only lists (`.list`) and the reader may;
 * - every interactive element is inside the viewport (after scrolling its own list to it,
 *   if it lives in one) and is what a finger at its centre would touch (elementFromPoint);
 * - every target is at least `minTarget` px on both sides, `minGap` px from its neighbours;
 * - no text is clipped (its block's scrollWidth/scrollHeight within its client box, its
 *   lines inside every clipping ancestor and the viewport);
 * - no word is broken inside (each word's glyphs sit on one line).
 */
export function screenProblems(page: Page, rule: ScreenRule): Promise<string[]> {
  return page.evaluate((rule) => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight > vh + 1)
      problems.push(`the page scrolls (${root.scrollHeight} px high)`);
    if (root.scrollWidth > vw + 1) problems.push(`the page is ${root.scrollWidth} px wide`);

    const nameOf = (el: Element): string =>
      (el as HTMLElement).dataset?.['testid'] ??
      el.getAttribute('aria-label') ??
      (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30) ??
      el.tagName;
    const scrolls = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return /(auto|scroll)/.test(s.overflowY) || /(auto|scroll)/.test(s.overflowX);
    };
    const clips = (el: Element): boolean => getComputedStyle(el).overflow !== 'visible';
    /** The list this element scrolls inside, if any (the page itself does not count). */
    const scroller = (el: Element): Element | null => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (scrolls(p)) return p;
      return null;
    };
    /** Not shown to the eye: inert behind a dialog, for screen readers only, or 1 px. */
    const hidden = (el: Element): boolean => {
      if (el.closest('[inert], [aria-hidden="true"], .print-frame, .visually-hidden')) return true;
      for (let p: Element | null = el; p; p = p.parentElement) {
        const r = p.getBoundingClientRect();
        if (getComputedStyle(p).position === 'absolute' && r.width <= 1 && r.height <= 1)
          return true;
      }
      return false;
    };
    const inView = (r: DOMRect): boolean =>
      r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;

    // Only declared lists (`.list`) and the text reader may scroll; a dialog or a screen
    // that needs scrolling to show its buttons is cut, whatever its overflow says.
    for (const el of document.querySelectorAll('body *')) {
      if (!scrolls(el) || el.matches('.list, .reader') || hidden(el)) continue;
      const h = el as HTMLElement;
      if (h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1)
        problems.push(
          `${el.tagName.toLowerCase()}.${h.className} needs scrolling (${h.scrollHeight} > ${h.clientHeight} px)`,
        );
    }
    const nodes = [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([readonly]), select, textarea, [role="button"], [role="link"], [tabindex="0"]',
      ),
    ].filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !hidden(el)
      );
    });
    const boxes: Array<{ name: string; r: DOMRect; list: Element | null }> = [];
    for (const el of nodes) {
      const name = nameOf(el);
      const list = scroller(el);
      if (list) {
        if (!inView(list.getBoundingClientRect()))
          problems.push(`list holding "${name}" is off screen`);
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
      const r = el.getBoundingClientRect();
      const w = Math.round(r.width);
      const h = Math.round(r.height);
      if (!inView(r))
        problems.push(
          `"${name}" is outside the screen (${Math.round(r.left)},${Math.round(r.top)} ${w}×${h})`,
        );
      else {
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || (hit !== el && !el.contains(hit)))
          problems.push(
            `"${name}" is covered by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className} in "${nameOf(hit.closest('button, [data-testid]') ?? hit)}"` : 'nothing'}`,
          );
      }
      for (const child of el.querySelectorAll('*')) {
        const c = child.getBoundingClientRect();
        if (c.width === 0 || c.height === 0) continue;
        if (
          c.left < r.left - 1 ||
          c.top < r.top - 1 ||
          c.right > r.right + 1 ||
          c.bottom > r.bottom + 1
        ) {
          problems.push(
            `"${name}": its ${child.tagName.toLowerCase()}.${child.getAttribute('class') ?? ''} sticks out of it`,
          );
          break;
        }
      }
      if (el.matches('[tabindex="0"]:not(button)')) continue;
      // Its laid-out size: the press animation (scale 0.97 while touched) does not count.
      const [lw, lh] = [el.offsetWidth, el.offsetHeight];
      if (lw < rule.minTarget || lh < rule.minTarget)
        problems.push(`target "${name}" is ${lw}×${lh} px`);
    }
    // Lists back to their top, so positions compare as the visitor first sees them.
    for (const el of document.querySelectorAll('*')) if (scrolls(el)) el.scrollTop = 0;
    for (const el of nodes)
      boxes.push({ name: nameOf(el), r: el.getBoundingClientRect(), list: scroller(el) });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.list !== b.list) continue;
        const dx = Math.max(0, Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right));
        const dy = Math.max(0, Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom));
        const d = Math.hypot(dx, dy);
        if (d < rule.minGap)
          problems.push(`"${a.name}" and "${b.name}" are ${d.toFixed(1)} px apart`);
      }
    }

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement;
      if (!text.trim() || !el || hidden(el) || el.closest('svg, script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const all = range.getBoundingClientRect();
      if (all.width === 0 && all.height === 0) continue;
      const where = `"${text.trim().slice(0, 30)}"`;
      let block: Element = el;
      while (
        block.parentElement &&
        getComputedStyle(block).display.startsWith('inline') &&
        !getComputedStyle(block).display.startsWith('inline-')
      )
        block = block.parentElement;
      if (!seen.has(block) && !scrolls(block)) {
        seen.add(block);
        const b = block as HTMLElement;
        if (b.scrollWidth > b.clientWidth + 1 && b.clientWidth > 0)
          problems.push(`${where} is wider than its box (${b.scrollWidth} > ${b.clientWidth} px)`);
        if (b.scrollHeight > b.clientHeight + 1 && b.clientHeight > 0)
          problems.push(
            `${where} is taller than its box (${b.scrollHeight} > ${b.clientHeight} px)`,
          );
      }
      // Inside every clipping ancestor, and on the screen (lists are scrolled to it).
      const list = scroller(el);
      if (list) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const lines = range.getBoundingClientRect();
      for (let p: Element | null = el; p && p !== document.documentElement; p = p.parentElement) {
        if (p !== el && clips(p) && !scrolls(p)) {
          const c = p.getBoundingClientRect();
          if (
            lines.top < c.top - 1 ||
            lines.bottom > c.bottom + 1 ||
            lines.left < c.left - 1 ||
            lines.right > c.right + 1
          ) {
            problems.push(
              `${where} is cut by ${p.tagName.toLowerCase()}.${(p as HTMLElement).className}`,
            );
            break;
          }
        }
      }
      if (!list || lines.height <= list.clientHeight) {
        if (!inView(lines)) problems.push(`${where} is outside the screen`);
      }
      if (list) list.scrollTop = 0;
      // Words on one line each ("Bienven/ue" must not happen); web addresses, set to break
      // anywhere on purpose, may.
      if (getComputedStyle(el).overflowWrap === 'anywhere') continue;
      const re = /[^\s/\u00ad-]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length < 2) continue;
        const w = document.createRange();
        w.setStart(node, m.index);
        w.setEnd(node, m.index + m[0].length);
        const tops = new Set(
          [...w.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)),
        );
        if (tops.size > 1) problems.push(`the word "${m[0]}" is broken across lines`);
      }
    }
    return [...new Set(problems)];
  }, rule);
}
