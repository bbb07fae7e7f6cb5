/** Moved to `src/shared/kiosk-types.ts` (shared with the kiosk app); kept for older imports. */
export * from '../../shared/kiosk-types.js';
