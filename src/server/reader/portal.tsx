import type { Context } from '../context.js';
import { readerKind } from '../files/safety.js';
import { readerUrl } from '../files/urls.js';
import { PORTAL_EXTRAS } from '../portal/extras.js';
import { href } from '../ui/page.js';
import { READER_TEXT } from './messages.js';

/** On a work's page: "Lire ici" for each of its files the reader opens (EPUB today). */
export function registerReaderExtras(ctx: Context): void {
  ctx.services.get(PORTAL_EXTRAS).work.set('reader', (page, work) => {
    const books = work.files.filter((f) => readerKind(f.mime));
    if (books.length === 0) return null;
    const t = READER_TEXT[page.lang];
    return (
      <section class="read-here" aria-labelledby="read-here">
        <h2 id="read-here">{t.readHere}</h2>
        <p>{t.readHereHint}</p>
        <ul>
          {books.map((f) => (
            <li key={f.position}>
              <a class="button" href={href(page, readerUrl(work.id, f))}>
                {t.readHere}
                {books.length > 1 ? ` : ${f.name}` : ''}
              </a>
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
