/** Moved to `src/shared/notices/picture.tsx` (shared with the kiosk app); kept for older imports. */
export * from '../../../shared/notices/picture.js';
