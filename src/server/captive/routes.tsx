import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
import { clientOf } from '../http/client.js';
import { isLang, negotiateLang, type Lang } from '../i18n/lang.js';
import { renderDocument } from '../ui/page.js';
import type { BoxNames } from './addresses.js';
import { socketSides } from './addresses.js';
import { looksCaptive } from './detect.js';
import { WELCOME_CSS, WelcomePage } from './page.js';

export const WELCOME_PATH = '/bienvenue';
export const CAPTIVE_API_PATH = '/captive-portal/api';

function langOf(c: HonoContext): Lang {
  const chosen = c.req.query('lang');
  if (isLang(chosen)) return chosen;
  c.header('vary', 'Accept-Language');
  return negotiateLang(c.req.header('accept-language'));
}

/**
 * The welcome page, its "Entrer" action and the RFC 8908 captive-portal API. What
 * the box remembers of a visitor is only the in-memory pass (see `CaptivePasses`).
 */
export function captiveRoutes(ctx: Context, names: BoxNames): Hono {
  const enter = (c: HonoContext) => {
    const sides = socketSides(c);
    ctx.captivePasses.pass(sides.client);
    const lang = c.req.query('lang');
    const home = isLang(lang) ? `/${lang}/` : '/';
    c.header('cache-control', 'no-store');
    // Relative: the visitor stays on the name they used, and the page's CSP
    // (form-action 'self') also applies to where the form's answer redirects.
    return c.redirect(home, 303);
  };

  return (
    new Hono()
      .get(WELCOME_PATH, (c) => {
        const sides = socketSides(c);
        const lang = langOf(c);
        const viaProbe = c.req.query('captif') === '1';
        // Counted like any portal page: how many visitors the Wi-Fi brought in.
        ctx.events.emit({
          type: 'page',
          surface: 'portal',
          section: 'welcome',
          client: clientOf(c),
        });
        const otherLang = lang === 'fr' ? 'en' : 'fr';
        const keep = viaProbe ? '&captif=1' : '';
        c.header('cache-control', 'no-store');
        return c.html(
          renderDocument(
            <WelcomePage
              data={{
                lang,
                libraryName: ctx.settings.current().libraryName,
                types: ctx.catalogue.facets().types,
                publicUrl: ctx.config.publicUrl,
                origin: names.origin(sides),
                captive: looksCaptive(c.req.header('user-agent') ?? '', viaProbe),
                enterAction: `${WELCOME_PATH}/entrer?lang=${lang}`,
                otherLangHref: `${WELCOME_PATH}?lang=${otherLang}${keep}`,
              }}
            />,
          ),
        );
      })
      .get(`${WELCOME_PATH}/style.css`, (c) => {
        c.header('content-type', 'text/css; charset=utf-8');
        c.header('cache-control', 'public, max-age=3600');
        return c.body(WELCOME_CSS);
      })
      .post(`${WELCOME_PATH}/entrer`, enter)
      // Some mini-browsers lose the form; a plain link must work too.
      .get(`${WELCOME_PATH}/entrer`, enter)
      .get(CAPTIVE_API_PATH, (c) => {
        const sides = socketSides(c);
        const origin = names.origin(sides);
        const passed = ctx.captivePasses.hasPassed(sides.client);
        const body: Record<string, unknown> = {
          captive: !passed,
          'user-portal-url': `${origin}${WELCOME_PATH}`,
          'venue-info-url': `${origin}/about`,
        };
        if (passed) body['seconds-remaining'] = ctx.captivePasses.secondsRemaining(sides.client);
        return c.body(JSON.stringify(body), 200, {
          'content-type': 'application/captive+json',
          'cache-control': 'private, no-store',
        });
      })
  );
}
