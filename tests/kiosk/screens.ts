/**
 * The screens libraries buy for the kiosk, with the physical size assumed for each
 * (docs/kiosk-screens.md explains the choice). At the browser's 1:1 scale, a CSS px is a
 * screen pixel, so a millimetre is `pxPerMm` px.
 */
export interface KioskScreen {
  name: string;
  width: number;
  height: number;
  /** Diagonal in inches. */
  inches: number;
  /** The smallest target side allowed on this screen, in mm (16 where it fits, else 11). */
  targetMm: 16 | 11;
}

export const SCREENS: readonly KioskScreen[] = [
  { name: '1920x1080', width: 1920, height: 1080, inches: 15.6, targetMm: 16 },
  { name: '1366x768', width: 1366, height: 768, inches: 15.6, targetMm: 16 },
  { name: '1280x800', width: 1280, height: 800, inches: 10.1, targetMm: 16 },
  { name: '1024x600', width: 1024, height: 600, inches: 7, targetMm: 11 },
  { name: '800x480', width: 800, height: 480, inches: 7, targetMm: 11 },
  { name: '720x1280', width: 720, height: 1280, inches: 7, targetMm: 11 },
];

export function pxPerMm(s: KioskScreen): number {
  return Math.hypot(s.width, s.height) / s.inches / 25.4;
}

/** Smallest target side and gap in CSS px on this screen (gap: 1 mm). */
export function ruleFor(s: KioskScreen): { minTarget: number; minGap: number } {
  const mm = pxPerMm(s);
  return { minTarget: Math.floor(s.targetMm * mm), minGap: Math.floor(mm) };
}
