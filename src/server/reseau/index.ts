/** The network of boxes through Syncthing (issue 20, first part; docs/reseau.md). */
export { RESEAU, ReseauService, startReseau, type ReseauView } from './service.js';
export { SyncthingSupervisor, type SyncthingState } from './supervisor.js';
export { prepareHome, reseauPaths, settingsOf, PACKS_FOLDER } from './home.js';
export { readDeviceId } from './device-id.js';
export { reseauHealth } from './words.js';
export { reseauAdminRoutes } from './admin-routes.js';
