import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.js';
import type { KioskSetup } from '../../../shared/kiosk-types.js';
import { isLocalKiosk } from './local.js';
import { setupUrlOf } from './texts.js';

/** What the kiosk screen shows about the set-up code (see `KioskSetup`). */
export function kioskSetup(ctx: Context, c: HonoContext): KioskSetup {
  if (!isLocalKiosk(c) || ctx.admin.isSetUp()) return { code: null };
  const code = ctx.admin.pendingSetupCode();
  if (!code) return { code: null };
  return {
    code,
    setupUrl: setupUrlOf(ctx.config.publicUrl),
    wifiName: ctx.settings.current().wifiName,
  };
}
