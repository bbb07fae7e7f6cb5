/**
 * Prints a page of the box without leaving the kiosk: it loads in a hidden frame and is
 * printed from there. In kiosk mode Chromium (`--kiosk-printing`) sends it straight to
 * the default printer, with no dialog the visitor could wander off from.
 */
export function printPage(url: string): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) return;
  document.getElementById('kiosk-print')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'kiosk-print';
  frame.title = 'impression';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.className = 'print-frame';
  frame.addEventListener('load', () => frame.contentWindow?.print());
  frame.src = target.pathname + target.search;
  document.body.append(frame);
}
