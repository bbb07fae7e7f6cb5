import type { Context as HonoContext } from 'hono';
import type { AdminEnv } from '../env.js';

/**
 * The hidden CSRF field every admin form must carry (inside a `requireAdmin` route).
 *
 * @example <form method="post" action="/admin/packs/x/remove"><CsrfField c={c} />…</form>
 */
export function CsrfField({ c }: { c: HonoContext<AdminEnv> }) {
  return <input type="hidden" name="_csrf" value={c.get('admin').csrf} />;
}

/** Same as `<CsrfField c={c} />`, as a function call. */
export function csrfField(c: HonoContext<AdminEnv>) {
  return <CsrfField c={c} />;
}
