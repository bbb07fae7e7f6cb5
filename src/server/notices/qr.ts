import QRCode from 'qrcode';

/** A QR code as inline SVG markup (drawn by us, dark on white, quiet zone kept). */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // The generated markup is ours (no visitor input reaches it except the escaped URL).
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** The public address of a notice on the box (what the QR code points to). */
export function noticeUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/notices/${encodeURIComponent(id)}`;
}
