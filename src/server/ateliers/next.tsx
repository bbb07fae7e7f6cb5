import type { Context } from '../context.js';
import { href, type PageContext } from '../ui/page.js';
import { words } from './messages.js';
import { ATELIERS, type Atelier } from './service.js';
import { dateTimeLabel } from './time.js';
import { atelierPath } from './urls.js';

/** The next workshop not over yet; null when there is none or the date is unknown. */
export function nextAtelier(ctx: Context): Atelier | null {
  return ctx.services.get(ATELIERS).upcoming()?.[0] ?? null;
}

/**
 * "Prochain atelier : …" for the portal's home page (the place the portal keeps for it).
 * Renders nothing when there is no workshop to announce.
 */
export function NextAtelier({ page, a }: { page: PageContext; a: Atelier | null }) {
  if (!a) return null;
  const t = words[page.lang];
  return (
    <section aria-labelledby="next-atelier">
      <h2 id="next-atelier">{t.next}</h2>
      <p>
        <a href={href(page, atelierPath(a.id))}>{a.title}</a>
        {` · ${dateTimeLabel(a.startsAt, page.lang)}${a.place ? ` · ${a.place}` : ''}`}
      </p>
      <p>
        <a href={href(page, '/ateliers')}>{t.seeAll}</a>
      </p>
    </section>
  );
}
