import type { Page } from 'playwright-core';

export interface MarkerMeasure {
  /** Which picture (0-based, in page order) and which marker in it. */
  picture: number;
  shape: string;
  data: { x: number; y: number; w: number; h: number };
  /** The drawn shape's box as fractions of the picture's box on screen. */
  drawn: { x: number; y: number; w: number; h: number };
  /** The badge (the colour's sign) beside it, as fractions too. */
  badge: { x: number; y: number; w: number; h: number } | null;
  /** The picture's size on screen, in CSS pixels. */
  size: { w: number; h: number };
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
      badge: { x: number; y: number; w: number; h: number } | null;
      size: { w: number; h: number };
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
        const b = el.querySelector('.marker-badge')?.getBoundingClientRect();
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
          badge: b
            ? {
                x: (b.left - box.left) / box.width,
                y: (b.top - box.top) / box.height,
                w: b.width / box.width,
                h: b.height / box.height,
              }
            : null,
          size: { w: box.width, h: box.height },
        });
      }
    });
    return out;
  }, root);
}

/**
 * How far the marker is from where the data puts it. Rings (circle, rectangle) go
 * around the box, never over it: the error is how much of the box sticks out of the
 * ring (0 when the ring encloses it), or how loose the ring is beyond a small margin.
 * An arrow runs across its box along one axis and is centred on the other.
 */
export function markerError(m: MarkerMeasure): number {
  const d = m.data;
  const r = m.drawn;
  if (m.shape !== 'arrow') {
    const outside = Math.max(
      0,
      r.x - d.x,
      r.y - d.y,
      d.x + d.w - (r.x + r.w),
      d.y + d.h - (r.y + r.h),
    );
    // The ring's own margin: a pad of a few strokes, × √2 for an ellipse round a box.
    const k = m.shape === 'circle' ? Math.SQRT2 : 1;
    const loose = Math.max(0, r.w - d.w * k - 0.08, r.h - d.h * k - 0.08);
    return Math.max(outside, loose);
  }
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

/**
 * How deep the badge (a disc) reaches into the marker's box, in CSS pixels: 0 when it
 * stays outside what the marker points at.
 */
export function badgeOverlap(m: MarkerMeasure): number {
  const b = m.badge;
  if (!b) return Infinity;
  const { w: W, h: H } = m.size;
  const r = (b.w * W) / 2;
  const cx = (b.x + b.w / 2) * W;
  const cy = (b.y + b.h / 2) * H;
  const [x0, y0, x1, y1] = [
    m.data.x * W,
    m.data.y * H,
    (m.data.x + m.data.w) * W,
    (m.data.y + m.data.h) * H,
  ];
  const nx = Math.min(x1, Math.max(x0, cx));
  const ny = Math.min(y1, Math.max(y0, cy));
  return Math.max(0, r - Math.hypot(cx - nx, cy - ny));
}
