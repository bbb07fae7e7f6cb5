import { useEffect, useState } from 'preact/hooks';
import type { KioskSetup } from '../../shared/kiosk-types.js';
import { useT } from '../lib/store.js';

/** While a code is shown it is checked often (it goes once the password is set). */
const SHOWN_MS = 5_000;
/** Otherwise rarely: a password reset from the shell makes a new code. */
const IDLE_MS = 60_000;

/**
 * The one-time set-up code, shown on the box's own screen until the animateur password is
 * set. The server gives it only to the kiosk the box runs (a loopback client), never to a
 * phone; nothing is shown once a password exists.
 */
export function SetupCode() {
  const t = useT();
  const [setup, setSetup] = useState<KioskSetup>({ code: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      let next: KioskSetup = { code: null };
      try {
        const res = await fetch('/api/kiosk/setup', { cache: 'no-store' });
        if (res.ok) next = (await res.json()) as KioskSetup;
      } catch {
        // The box is restarting: the kiosk's own "one moment" screen says so.
      }
      if (!live) return;
      setSetup(next);
      timer = setTimeout(() => void look(), next.code ? SHOWN_MS : IDLE_MS);
    };
    void look();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (!setup.code) return null;
  return (
    <aside class="setup-code" data-testid="setup-code" aria-labelledby="setup-code-title">
      <h2 id="setup-code-title">{t.setupTitle}</h2>
      <p class="setup-code-value">{setup.code}</p>
      <p>{t.setupSteps(setup.wifiName, setup.setupUrl)}</p>
    </aside>
  );
}
