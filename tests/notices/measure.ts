import type { Page } from 'playwright-core';

export interface MarkerMeasure {
  /** Which picture (0-based, in page order) and which marker in it. */
  picture: number;
  shape: string;
  data: { x: number; y: number; w: number; h: number };
  /** The drawn shape's box as fractions of the picture's box on screen. */
  drawn: { x: number; y: number; w: number; h: number };
}

/**
 * Measures every marker on the page: the bounding box of its drawn shape (ellipse,
 * rectangle or arrow) against the bounding box of the picture it sits on, as fractions.
 */
export function measureMarkers(page: Page, root = 'body'): Promise<MarkerMeasure[]> {
  return page.evaluate((rootSel) => {
    const out: Array<{
      picture: number;
      shape: string;
      data: { x: number; y: number; w: number; h: number };
      drawn: { x: number; y: number; w: number; h: number };
    }> = [];
    const pictures = [...document.querySelectorAll(`${rootSel} svg.notice-picture`)];
    pictures.forEach((svg, picture) => {
      const image = svg.querySelector('image');
      const box = (image ?? svg).getBoundingClientRect();
      for (const g of svg.querySelectorAll('g.marker')) {
        const el = g as SVGGElement;
        const shape = el.querySelector('.marker-shape');
        if (!shape) continue;
        const r = shape.getBoundingClientRect();
        const num = (k: string) => Number(el.dataset[k]);
        out.push({
          picture,
          shape: el.dataset['shape'] ?? '',
          data: { x: num('x'), y: num('y'), w: num('w'), h: num('h') },
          drawn: {
            x: (r.left - box.left) / box.width,
            y: (r.top - box.top) / box.height,
            w: r.width / box.width,
            h: r.height / box.height,
          },
        });
      }
    });
    return out;
  }, root);
}

/** The largest gap between where the data puts a marker and where it is drawn. */
export function markerError(m: MarkerMeasure): number {
  const d = m.data;
  const r = m.drawn;
  if (m.shape !== 'arrow') {
    return Math.max(
      Math.abs(r.x - d.x),
      Math.abs(r.y - d.y),
      Math.abs(r.w - d.w),
      Math.abs(r.h - d.h),
    );
  }
  // An arrow runs across its box along one axis and is centred on the other.
  const vertical = r.h > r.w;
  if (vertical) {
    return Math.max(
      Math.abs(r.y - d.y),
      Math.abs(r.h - d.h),
      Math.abs(r.x + r.w / 2 - (d.x + d.w / 2)),
    );
  }
  return Math.max(
    Math.abs(r.x - d.x),
    Math.abs(r.w - d.w),
    Math.abs(r.y + r.h / 2 - (d.y + d.h / 2)),
  );
}
