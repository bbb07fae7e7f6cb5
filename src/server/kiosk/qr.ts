import { qrCodeSvg } from '../ui/qr.js';

/**
 * The take-away QR code, made on the box so the kiosk bundle stays small. The markup
 * comes from the `qrcode` library over an address the box built, so the kiosk may
 * insert it as is.
 */
export function qrSvg(text: string): Promise<string> {
  return qrCodeSvg(text, 4);
}
