import type { Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
import { isLang, negotiateLang, type Lang } from '../i18n/lang.js';
import type { PageContext } from '../ui/page.js';

/** Works out the language (path prefix first, then Accept-Language) and the page's links. */
export function pageContext(ctx: Context, c: HonoContext, fixed?: Lang | null): PageContext {
  const url = new URL(c.req.url);
  let path = url.pathname;
  const prefix = /^\/(fr|en)(?=\/|$)/.exec(path)?.[1];
  let lang: Lang;
  let base = '';
  if (fixed ?? (isLang(prefix) ? prefix : null)) {
    lang = (fixed ?? prefix) as Lang;
    base = `/${lang}`;
    path = path.slice(3) || '/';
  } else {
    lang = negotiateLang(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language');
  }
  return { lang, base, path, search: url.search, libraryName: ctx.settings.current().libraryName };
}
