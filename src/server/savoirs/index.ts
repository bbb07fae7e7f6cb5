/** Offline encyclopaedias (ZIM files) through the box's own kiwix-serve (issue 19). */
export {
  KIWIX,
  KiwixSupervisor,
  kiwixServeArgs,
  SAVOIRS_ROOT,
  type KiwixOptions,
  type KiwixState,
} from './supervisor.js';
export { savoirsProxyRoutes, type SavoirsPage } from './proxy.js';
export { registerSavoirsExtras, savoirsPageFor } from './portal.js';
export { savoirsPage } from './pages.js';
export { SAVOIRS, Savoirs, encyclopedias, startSavoirs } from './service.js';
export { bookName, bookUrl, type ZimBook } from './library.js';
export { articleSearchSource } from './articles.js';
export { kiwixHealth } from './words.js';
