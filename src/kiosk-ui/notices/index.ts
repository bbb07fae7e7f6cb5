/** The e-notice components the kiosk loads lazily (see screens/Learn.tsx). */
export { NoticeStepper, type NoticeStepperProps } from './NoticeStepper.js';
export { clearProgress, loadProgress, saveProgress } from './progress.js';
