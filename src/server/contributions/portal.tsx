import type { Context } from '../context.js';
import { PORTAL_EXTRAS } from '../portal/extras.js';
import { href } from '../ui/page.js';
import { PROPOSE_PATH } from './pages.js';
import { CONTRIBUTIONS } from './service.js';
import { ThanksForm } from './thanks.js';

const INVITE = {
  fr: {
    title: 'Vous créez ?',
    text: 'Photo, texte, son : proposez votre œuvre à la bibliothèque, qui la publiera ici.',
    link: 'Proposer une œuvre',
  },
  en: {
    title: 'Do you create?',
    text: 'Photo, text, sound: offer your work to the library, which will publish it here (form in French).',
    link: 'Offer a work',
  },
} as const;

/** What the portal's pages show of contributions: the invitation, and "merci" on their works. */
export function registerPortalExtras(ctx: Context): void {
  const extras = ctx.services.get(PORTAL_EXTRAS);
  extras.home.set('contributions', (page) => {
    const t = INVITE[page.lang];
    return (
      <section aria-labelledby="propose">
        <h2 id="propose">{t.title}</h2>
        <p>
          {t.text} <a href={href(page, PROPOSE_PATH)}>{t.link}</a>
        </p>
      </section>
    );
  });
  extras.work.set('contributions', (page, work, query) => {
    if (!ctx.services.get(CONTRIBUTIONS).isContribution(work.id)) return null;
    const merci = query.get('merci');
    const done = merci === 'sent' ? 'sent' : merci === 'already' ? 'already' : null;
    return <ThanksForm lang={page.lang} base={page.base} workId={work.id} state={{ done }} />;
  });
}
