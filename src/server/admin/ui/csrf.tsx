import type { Context as HonoContext } from 'hono';

/**
 * The hidden CSRF field every admin form must carry (inside a `requireAdmin` route).
 *
 * @example <form method="post" action="/admin/packs/x/remove"><CsrfField c={c} />…</form>
 */
export function CsrfField({ c }: { c: HonoContext }) {
  return <input type="hidden" name="_csrf" value={c.get('admin').csrf} />;
}

/** Same as `<CsrfField c={c} />`, as a function call. */
export function csrfField(c: HonoContext) {
  return <CsrfField c={c} />;
}
