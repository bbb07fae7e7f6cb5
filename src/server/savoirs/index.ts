/** Offline encyclopaedias (ZIM files) through the box's own kiwix-serve (issue 19). */
export { KiwixSupervisor, SAVOIRS_ROOT, type KiwixOptions, type KiwixState } from './supervisor.js';
export { savoirsProxyRoutes } from './proxy.js';
export { KIWIX, installedZims, startSavoirs } from './service.js';
export { kiwixHealth } from './words.js';
