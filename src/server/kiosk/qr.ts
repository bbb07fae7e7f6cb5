import QRCode from 'qrcode';

/**
 * A QR code as SVG markup, made on the box so the kiosk bundle stays small. The text is
 * an address the box itself built (never visitor input) and the markup comes from the
 * `qrcode` library, so it is safe to insert into the kiosk page as is.
 */
const cache = new Map<string, string>();

export async function qrSvg(text: string): Promise<string> {
  const hit = cache.get(text);
  if (hit) return hit;
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  if (cache.size > 500) cache.clear();
  cache.set(text, svg);
  return svg;
}
