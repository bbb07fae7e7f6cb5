export { BoxNames, hostName, plainIp } from './addresses.js';
export { captivePortal } from './middleware.js';
export { CaptivePasses } from './passes.js';
export { CAPTIVE_API_PATH, WELCOME_PATH, captiveRoutes } from './routes.js';
