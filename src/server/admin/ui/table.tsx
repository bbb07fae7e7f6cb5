import type { ComponentChildren } from 'preact';

/**
 * A table that may scroll sideways on a phone: the scrolling box is focusable and
 * named, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
