import type { Context } from '../context.js';
import { SetupCodeOutlets } from './setup/outlets.js';

/**
 * At start, a box without animateur password makes its one-time set-up code (log, file)
 * and shows it on the HDMI console and on USB sticks plugged in, until the password is set.
 */
export function startAdmin(ctx: Context): () => void {
  const outlets = new SetupCodeOutlets(ctx);
  void outlets.start();
  ctx.admin.ensureSetupCode();
  return () => outlets.stop();
}
