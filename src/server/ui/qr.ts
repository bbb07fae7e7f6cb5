/**
 * QR codes as SVG markup, made on the box. The `qrcode` library is loaded on first use
 * only: most of the box's life is spent serving pages that have none. Codes are cached
 * (the texts are addresses the box itself built, never visitor input).
 */
const cache = new Map<string, string>();

export async function qrCodeSvg(text: string, margin: number): Promise<string> {
  const key = `${margin}\n${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin,
    color: { dark: '#000000', light: '#ffffff' },
  });
  if (cache.size > 500) cache.clear();
  cache.set(key, svg);
  return svg;
}
