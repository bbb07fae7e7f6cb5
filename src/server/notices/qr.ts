import { qrCodeSvg } from '../ui/qr.js';

/** A QR code as inline SVG markup (dark on white, quiet zone kept). */
export async function qrSvg(text: string, remember = true): Promise<string> {
  // The generated markup is ours (no visitor input reaches it except the escaped URL).
  return (await qrCodeSvg(text, 2, remember)).replace(
    '<svg ',
    '<svg aria-hidden="true" focusable="false" ',
  );
}

/** The public address of a notice on the box (what the QR code points to). */
export function noticeUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/notices/${encodeURIComponent(id)}`;
}
