import type { Context } from '../context.js';

/** At start, a box without animateur password prints (and files) its one-time set-up code. */
export function startAdmin(ctx: Context): () => void {
  ctx.admin.ensureSetupCode();
  return () => {};
}
