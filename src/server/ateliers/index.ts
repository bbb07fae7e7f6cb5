/** The ateliers' public face: the agenda, its portal pages, feed, poster and evaluation. */
export { ATELIERS, type Atelier } from './service.js';
export { ateliersAdminRoutes } from './admin-routes.js';
export { ateliersFileRoutes, ateliersPortalRoutes } from './portal-routes.js';
export { evaluationRoutes } from './eval-routes.js';
export { ateliersKioskRoutes } from './kiosk-routes.js';
export { NextAtelier, nextAtelier } from './next.js';
