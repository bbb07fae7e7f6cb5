import type { Context } from '../context.js';
import { readerKind } from '../files/safety.js';
import { readerUrl } from '../files/urls.js';
import { PORTAL_EXTRAS } from '../portal/extras.js';
import { href } from '../ui/page.js';
import { READER_TEXT } from './messages.js';

/** On a work's page, beside each file the reader opens (EPUB today): « Lire ici ». */
export function registerReaderExtras(ctx: Context): void {
  ctx.services.get(PORTAL_EXTRAS).file.set('reader', (page, work, file) => {
    if (!readerKind(file.mime)) return null;
    const t = READER_TEXT[page.lang];
    return (
      <p class="read-here">
        <a class="button" href={href(page, readerUrl(work.id, file))}>
          {t.readHere}
        </a>{' '}
        <span class="file-meta">{t.readHereHint}</span>
      </p>
    );
  });
}
