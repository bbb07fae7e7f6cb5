import { render } from 'preact';
import { App } from './app.js';
import { loadInfo, startHeartbeat } from './lib/api.js';
import { installGuards } from './lib/guards.js';
import { startIdleWatch } from './lib/session.js';
import './styles.css';

installGuards();
startIdleWatch();
startHeartbeat();
void loadInfo();

const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  // For the throttled-start benchmark (scripts/bench/kiosk.ts): the first screen is painted
  // and its touch handler is live.
  requestAnimationFrame(() => performance.mark('kiosk-interactive'));
}
