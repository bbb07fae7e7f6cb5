import { useEffect, useRef } from 'preact/hooks';
import { Button } from '../components/Button.js';
import { MESSAGES, type Lang } from '../lib/i18n.js';
import { endVisit, stillHere } from '../lib/session.js';
import { store, useKiosk, useT, type VisitorSettings } from '../lib/store.js';

/** Moves focus into a dialog when it opens, so screen readers land on it. */
function useFocusOnOpen() {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function setSetting(patch: Partial<VisitorSettings>) {
  store.set({ settings: { ...store.state.settings, ...patch } });
}

/** Text size, contrast and language, for this visitor only (a reset forgets them). */
export function SettingsPanel() {
  const t = useT();
  const { settings } = useKiosk();
  const ref = useFocusOnOpen();
  return (
    <div
      class="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="settings-title"
      tabIndex={-1}
      ref={ref}
      data-testid="settings-panel"
    >
      <div class="dialog">
        {/* « Fermer » at the top, beside the title: always on screen, however small. */}
        <div class="dialog-head">
          <h2 id="settings-title">{t.settingsTitle}</h2>
          <Button
            class="action action-primary dialog-close"
            onPress={() => store.set({ settingsOpen: false })}
            testId="settings-close"
          >
            {t.close}
          </Button>
        </div>
        <div class="setting" role="group" aria-labelledby="set-size">
          <p id="set-size" class="setting-name">
            {t.textSize}
          </p>
          <div class="choices">
            {([0, 1, 2] as const).map((size) => (
              <Button
                key={size}
                class={`choice size-sample-${size}`}
                pressed={settings.size === size}
                onPress={() => setSetting({ size })}
                testId={`size-${size}`}
              >
                {t.sizes[size]}
              </Button>
            ))}
          </div>
        </div>
        <div class="setting" role="group" aria-labelledby="set-contrast">
          <p id="set-contrast" class="setting-name">
            {t.contrast}
          </p>
          <div class="choices">
            <Button
              class="choice"
              pressed={!settings.contrast}
              onPress={() => setSetting({ contrast: false })}
              testId="contrast-normal"
            >
              {t.contrastNormal}
            </Button>
            <Button
              class="choice choice-contrast"
              pressed={settings.contrast}
              onPress={() => setSetting({ contrast: true })}
              testId="contrast-high"
            >
              {t.contrastHigh}
            </Button>
          </div>
        </div>
        <div class="setting" role="group" aria-labelledby="set-lang">
          <p id="set-lang" class="setting-name">
            {t.language}
          </p>
          <div class="choices">
            {(['fr', 'en'] as Lang[]).map((lang) => (
              <Button
                key={lang}
                class="choice"
                pressed={settings.lang === lang}
                onPress={() => setSetting({ lang })}
                testId={`lang-${lang}`}
              >
                <span lang={lang}>{MESSAGES[lang].langName}</span>
              </Button>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

export function IdleWarning({ until }: { until: number }) {
  const t = useT();
  const ref = useFocusOnOpen();
  const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
  return (
    <div
      class="overlay overlay-idle"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      tabIndex={-1}
      ref={ref}
      data-testid="idle-warning"
    >
      <div class="dialog">
        <h2 id="idle-title">{t.stillThere}</h2>
        <p class="countdown" aria-hidden="true" data-testid="countdown">
          {seconds}
        </p>
        <p id="idle-text">{t.idleText(seconds)}</p>
        <div class="dialog-actions">
          <Button
            class="action action-primary action-huge"
            onPress={stillHere}
            gapMs={0}
            testId="still-here"
          >
            {t.imHere}
          </Button>
          <Button class="action" onPress={endVisit} testId="end-now">
            {t.endNow}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** The box is not answering: nothing to do for the visitor, it comes back by itself. */
export function OneMoment() {
  const t = useT();
  return (
    <div class="overlay overlay-calm" role="alert" data-testid="offline">
      <div class="dialog dialog-calm">
        <span class="breath" aria-hidden="true" />
        <h2>{t.oneMoment}</h2>
        <p>{t.reconnecting}</p>
      </div>
    </div>
  );
}
