/**
 * QR codes as SVG markup, made on the box. The `qrcode` library is loaded on first use
 * only: most of the box's life is spent serving pages that have none. Codes are cached
 * (the texts are addresses the box itself built), except those that carry a visitor's
 * own progress code (`remember = false`): made, sent, forgotten.
 */
const cache = new Map<string, string>();

export async function qrCodeSvg(
  text: string,
  margin: number,
  /** `false` for a text that carries a visitor's own data (a progress code): not kept. */
  remember = true,
): Promise<string> {
  const key = `${margin}\n${text}`;
  const hit = remember ? cache.get(key) : undefined;
  if (hit) return hit;
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin,
    color: { dark: '#000000', light: '#ffffff' },
  });
  if (!remember) return svg;
  if (cache.size > 500) cache.clear();
  cache.set(key, svg);
  return svg;
}
