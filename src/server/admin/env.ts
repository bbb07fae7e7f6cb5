import type { AdminSession } from './auth/service.js';

/** What `requireAdmin` puts in `c.get('admin')` for the handlers and the layout. */
export interface AdminIdentity extends AdminSession {
  libraryName: string;
}

/**
 * The one place for the typed variables of the box's Hono sub-apps. Admin sub-apps are
 * `new Hono<AdminEnv>()`: there `c.get('admin')` is the session `requireAdmin` set; in a
 * portal or kiosk sub-app (plain `new Hono()`) it does not type-check.
 */
export interface AdminEnv {
  Variables: { admin: AdminIdentity };
}

/** The admin pages open without a session (login, set-up): `admin` may be missing. */
export interface MaybeAdminEnv {
  Variables: { admin?: AdminIdentity };
}
