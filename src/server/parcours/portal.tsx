import type { Context } from '../context.js';
import { PORTAL_EXTRAS } from '../portal/extras.js';
import { href } from '../ui/page.js';
import { PARCOURS } from './key.js';
import { fill, parcoursText } from './messages.js';

/** The home page's invitation to the parcours, when the box has some. */
export function registerParcoursExtras(ctx: Context): void {
  ctx.services.get(PORTAL_EXTRAS).home.set('parcours', (page) => {
    const count = ctx.services.get(PARCOURS).list().length;
    if (count === 0) return null;
    const t = parcoursText[page.lang];
    return (
      <section aria-labelledby="apprendre">
        <h2 id="apprendre">{t.listTitle}</h2>
        <p>
          {fill(count > 1 ? t.homeMany : t.homeOne, { n: count })}{' '}
          <a href={href(page, '/apprendre')}>{t.homeLink}</a>
        </p>
      </section>
    );
  });
}
