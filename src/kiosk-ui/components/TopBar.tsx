import { endVisit } from '../lib/session.js';
import { back, goHome, store, useKiosk, useT } from '../lib/store.js';
import { Button } from './Button.js';
import { Icon } from './Icon.js';

/** Always in the same place: back, home, settings, finish. */
export function TopBar() {
  const t = useT();
  const { stack, info } = useKiosk();
  const deep = stack.length > 1;
  return (
    <header class="topbar">
      <nav class="topbar-nav" aria-label={t.appName}>
        <Button class="bar-btn" onPress={back} disabled={!deep} testId="go-back">
          <Icon name="back" />
          <span>{t.back}</span>
        </Button>
        <Button class="bar-btn" onPress={goHome} disabled={!deep} testId="go-home">
          <Icon name="home" />
          <span>{t.home}</span>
        </Button>
      </nav>
      <p class="topbar-name">{info?.libraryName ?? ''}</p>
      <div class="topbar-nav">
        <Button class="bar-btn" onPress={() => store.set({ settingsOpen: true })} testId="settings">
          <Icon name="settings" />
          <span>{t.settings}</span>
        </Button>
        <Button class="bar-btn" onPress={endVisit} testId="finish">
          <Icon name="finish" />
          <span>{t.finish}</span>
        </Button>
      </div>
    </header>
  );
}
