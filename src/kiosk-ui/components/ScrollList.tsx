import type { ComponentChildren } from 'preact';
import { useMoreBelow } from '../lib/scroll.js';

/** A part of a screen that scrolls by itself (cards, a long text), its bottom edge faded
 *  while there is more below; the top bar and the screen's buttons stay in place. */
export function ScrollList({
  class: cls,
  children,
  testId,
}: {
  class: string;
  children: ComponentChildren;
  testId?: string;
}) {
  const ref = useMoreBelow<HTMLDivElement>();
  return (
    <div ref={ref} class={`list ${cls}`} data-testid={testId}>
      {children}
    </div>
  );
}
