/**
 * Reading in place (issue 17, first part: EPUB): the reader page, a book's entries
 * served from its zip, the "vous quittez la boîte" page, the "Lire ici" link on works.
 */
export { registerReaderExtras } from './portal.js';
export { bookEntryRoutes, readerPageRoutes } from './routes.js';
export { canReadInPlace } from './find.js';
export { BOOK_SHELF } from './shelf.js';
