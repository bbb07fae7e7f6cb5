/**
 * "No way out": the kiosk page never lets a visitor reach the browser, another site,
 * a file, a selection menu or a zoom. Chromium's kiosk flags and policies do the same
 * from outside (deploy/kiosk); this is the inside half, so it also holds on a terminal
 * that was set up by hand.
 */
function isAllowedLink(anchor: HTMLAnchorElement): boolean {
  if (anchor.hasAttribute('download')) return false;
  let url: URL;
  try {
    url = new URL(anchor.href, location.href);
  } catch {
    return false;
  }
  return url.origin === location.origin && url.pathname.startsWith('/kiosk/');
}

export function installGuards(): void {
  const stop = (e: Event) => e.preventDefault();
  document.addEventListener('contextmenu', stop);
  document.addEventListener('selectstart', stop);
  document.addEventListener('dragstart', stop);
  // Links to anything but the kiosk itself (another site, a download, the portal) do nothing.
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (target instanceof HTMLAnchorElement && (!isAllowedLink(target) || target.target)) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    true,
  );
  window.open = () => null;
  // Pinch and trackpad zoom: the kiosk's own text-size control replaces them.
  document.addEventListener(
    'touchstart',
    (e) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    { passive: false },
  );
  document.addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey) e.preventDefault();
    },
    { passive: false },
  );
  // A keyboard left plugged in must not open the address bar, print dialog, devtools…
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || /^F\d+$/.test(e.key)) e.preventDefault();
  });
}

let lastPress = 0;
/**
 * One press, one action: a second press within half a second (a trembling finger,
 * a double tap) is ignored, wherever it lands.
 */
export function acceptPress(gapMs = 500, now = Date.now()): boolean {
  if (now - lastPress < gapMs) return false;
  lastPress = now;
  return true;
}

/**
 * The touch that wakes the kiosk must not also press whatever appears under the finger:
 * swallow every event of that pointer sequence, and the compatibility mouse events and
 * click that follow it, until a moment after the finger lifts.
 */
export function swallowCurrentTouch(onLifted: () => void): void {
  const types = [
    'pointerup',
    'pointercancel',
    'pointerdown',
    'mousedown',
    'mouseup',
    'click',
    'touchend',
    'contextmenu',
  ];
  const block = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  let done = false;
  const lifted = (e: Event) => {
    block(e);
    if (done) return;
    done = true;
    onLifted();
    lastPress = Date.now();
    setTimeout(() => {
      for (const t of types) window.removeEventListener(t, block, true);
      window.removeEventListener('pointerup', lifted, true);
      window.removeEventListener('pointercancel', lifted, true);
    }, 400);
  };
  // `lifted` first: `block` stops every later listener of the same event.
  window.addEventListener('pointerup', lifted, true);
  window.addEventListener('pointercancel', lifted, true);
  for (const t of types) window.addEventListener(t, block, true);
}
