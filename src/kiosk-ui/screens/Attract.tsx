import { swallowCurrentTouch } from '../lib/guards.js';
import { wake } from '../lib/session.js';
import { useKiosk, useT } from '../lib/store.js';
import { TodayAteliers } from '../components/TodayAteliers.js';

/** The welcome screen: one big invitation; the whole screen is the button. */
export function Attract() {
  const t = useT();
  const { info } = useKiosk();
  return (
    <main
      class="attract"
      data-testid="attract"
      onPointerDown={(e) => {
        e.preventDefault();
        swallowCurrentTouch(wake);
      }}
    >
      <svg class="lantern" viewBox="0 0 120 160" width="240" height="320" aria-hidden="true">
        <path
          d="M45 20h30M60 8v12M38 34h44l-6 96H44z"
          fill="none"
          stroke="currentColor"
          stroke-width="6"
          stroke-linejoin="round"
        />
        <ellipse class="flame" cx="60" cy="84" rx="14" ry="24" />
        <path d="M34 138h52" stroke="currentColor" stroke-width="8" stroke-linecap="round" />
      </svg>
      <h1>{info?.libraryName ?? 'Lanterne'}</h1>
      <p class="attract-lead">{t.attractLead}</p>
      <TodayAteliers />
      <p class="attract-call">
        <span class="hand" aria-hidden="true">
          ☝
        </span>{' '}
        {t.touchToStart}
      </p>
    </main>
  );
}
