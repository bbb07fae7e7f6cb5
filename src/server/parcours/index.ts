/** Parcours: learning paths by level, practised between lessons (issue 15, first part). */
export { PARCOURS } from './key.js';
export { parcoursAdminRoutes } from './admin.js';
export { parcoursFileRoutes, parcoursRoutes } from './routes.js';
export { parcoursSearchSource } from './search-source.js';
export { registerParcoursExtras } from './portal.js';
export { parcoursJsonSchema, PARCOURS_FORMAT, type Parcours } from './format.js';
