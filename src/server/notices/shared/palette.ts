/** Moved to `src/shared/notices/palette.ts` (shared with the kiosk app); kept for older imports. */
export * from '../../../shared/notices/palette.js';
