import { goOffline, postEvent, reloadWhenBack } from './api.js';
import { blankVisit, store } from './store.js';

/** Marks the moment things happen, so the idle timer knows when to warn. */
let lastActivity = Date.now();
let busy = 0;

export function touched(): void {
  lastActivity = Date.now();
}

/** A playing film counts as someone watching, even without touches. */
export function setBusy(on: boolean): void {
  busy = Math.max(0, busy + (on ? 1 : -1));
}

/**
 * Ends the visit: counts its length (no identifiers), forgets everything in storage and
 * reloads the app from scratch, so the next visitor finds a blank kiosk.
 */
let ending = false;

export function endVisit(): void {
  // Once: the reload takes a moment, and the idle timer keeps ticking meanwhile.
  if (ending) return;
  ending = true;
  const { startedAt } = store.state;
  if (startedAt !== null) {
    postEvent({
      type: 'kiosk-session',
      seconds: Math.max(0, Math.round((Date.now() - startedAt) / 1000)),
    });
  }
  try {
    sessionStorage.clear();
    localStorage.clear();
  } catch {
    // Storage may be disabled by policy; nothing to clear then.
  }
  // Reload only from a box that answers: reloading while it restarts would leave Chromium
  // on its own error page, with no way back for the next visitor.
  fetch('/kiosk/', { method: 'HEAD', cache: 'no-store' }).then(
    (res) => (res.ok ? location.replace('/kiosk/') : forgetInPlace()),
    forgetInPlace,
  );
}

/** The box is away: forget the visit in memory now, reload when it is back. */
function forgetInPlace(): void {
  store.set(blankVisit());
  reloadWhenBack();
  goOffline();
}

export function wake(): void {
  touched();
  store.set({ awake: true, startedAt: Date.now() });
}

/** Checks once a second whether the visitor has gone quiet, then counts down. */
export function startIdleWatch(): void {
  for (const type of ['pointerdown', 'keydown', 'wheel', 'scroll']) {
    window.addEventListener(type, touched, { capture: true, passive: true });
  }
  setInterval(() => {
    const { awake, info, warningUntil, offline } = store.state;
    if (!awake || !info) return;
    const now = Date.now();
    if (busy > 0 || offline) {
      // Watching a film or waiting for the box is not "gone".
      touched();
      return;
    }
    if (warningUntil === null) {
      if (now - lastActivity >= info.idleSeconds * 1000) {
        store.set({ warningUntil: now + info.warningSeconds * 1000, settingsOpen: false });
      }
    } else if (now >= warningUntil) {
      endVisit();
    } else {
      // Re-render the countdown.
      store.set({ warningUntil });
    }
  }, 1000);
}

export function stillHere(): void {
  touched();
  store.set({ warningUntil: null });
}
