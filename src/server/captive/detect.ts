/**
 * Whether the page is probably shown in an OS's captive mini-browser (iOS/macOS
 * Captive Network Assistant, Android's CaptivePortalLogin), which cannot download
 * files. A false positive only shows advice that is true anyway, so the guess leans
 * towards "captive".
 */
export function looksCaptive(userAgent: string, viaProbe: boolean): boolean {
  if (viaProbe) return true;
  if (/CaptiveNetworkSupport/i.test(userAgent)) return true;
  // Android WebView (the captive portal login app is one): "; wv)" in the platform part.
  if (/Android/.test(userAgent) && /;\s*wv\)/.test(userAgent)) return true;
  // iOS web sheets are WKWebViews: WebKit without the "Safari/" token real Safari sends.
  if (
    /\b(iPhone|iPad|iPod|Macintosh)\b/.test(userAgent) &&
    /AppleWebKit/.test(userAgent) &&
    !/Safari\//.test(userAgent)
  ) {
    return true;
  }
  return false;
}
