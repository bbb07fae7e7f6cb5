import type { Context } from '../context.js';
import { pageContext } from '../http/page-context.js';
import { PORTAL_EXTRAS } from '../portal/extras.js';
import { OpenBook, savoirsPage } from './pages.js';
import type { SavoirsPage } from './proxy.js';
import { KIWIX } from './supervisor.js';

/** An encyclopaedia's work page opens it (or says why not now): the portal imports none of this. */
export function registerSavoirsExtras(ctx: Context): void {
  ctx.services
    .get(PORTAL_EXTRAS)
    .workLead.set('savoirs', (page, work) =>
      work.type === 'encyclopedia' ? (
        <OpenBook page={page} workId={work.id} state={ctx.services.get(KIWIX).state()} />
      ) : null,
    );
}

/** The proxy's own French (or English) page, in the visitor's language. */
export function savoirsPageFor(ctx: Context): SavoirsPage {
  return (c, state, status) => savoirsPage(pageContext(ctx, c), state, status);
}
