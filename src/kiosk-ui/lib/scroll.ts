import { useEffect, useRef } from 'preact/hooks';

/**
 * Marks a list that scrolls by itself with `data-more` while there is more below, so
 * the stylesheet fades its bottom edge: a visitor sees that the text or the cards go on
 * (the page itself never scrolls, see docs/kiosk-screens.md).
 */
export function useMoreBelow<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const more = el.scrollTop + el.clientHeight < el.scrollHeight - 2;
      if (more) el.dataset['more'] = '';
      else delete el.dataset['more'];
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  });
  return ref;
}
