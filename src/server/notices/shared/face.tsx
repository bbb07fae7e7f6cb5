/** Moved to `src/shared/notices/face.tsx` (shared with the kiosk app); kept for older imports. */
export * from '../../../shared/notices/face.js';
