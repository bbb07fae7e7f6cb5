import { core } from '../i18n/core.js';
import { Layout, href, renderDocument, type PageContext } from '../ui/page.js';

export function errorPage(page: PageContext, status: number): string {
  const t = core[page.lang];
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status === 400
        ? [t.badRequestTitle, t.badRequestText]
        : status === 431 || status === 414
          ? [t.tooLongTitle, t.tooLongText]
          : [t.errorTitle, t.errorText];
  return renderDocument(
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a class="button" href={href(page, '/')}>
          {t.backHome}
        </a>
      </p>
    </Layout>,
  );
}
