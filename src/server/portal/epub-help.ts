import { fold } from '../catalogue/text.js';
import type { NoticeSummary } from '../notices/service.js';

export interface EpubHelp {
  android: { id: string; title: string } | null;
  iphone: { id: string; title: string } | null;
}

function isAboutBooks(n: NoticeSummary): boolean {
  return [n.title, ...n.themes].some((text) => /\b(livre|book|epub)/.test(fold(text)));
}

/**
 * The box's own notices on opening a book on each kind of phone: a notice about books
 * (title or theme) for that device, the most specific one first (fewest devices).
 */
export function epubHelp(notices: NoticeSummary[]): EpubHelp {
  const pick = (device: 'android' | 'iphone') => {
    const found = notices
      .filter((n) => n.devices.includes(device) && isAboutBooks(n))
      .sort((a, b) => a.devices.length - b.devices.length || a.title.localeCompare(b.title));
    const best = found[0];
    return best ? { id: best.id, title: best.title } : null;
  };
  return { android: pick('android'), iphone: pick('iphone') };
}
