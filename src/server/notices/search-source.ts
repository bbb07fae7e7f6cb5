import type { SearchSource } from '../catalogue/site-search.js';
import { DEVICE_NAMES } from './messages.js';
import type { NoticeService } from './service.js';

/**
 * The e-notices as the site search sees them: exactly what `NoticeService.list()` shows
 * visitors (so a notice hidden from the list is hidden from search too).
 */
export function noticeSearchSource(notices: Pick<NoticeService, 'list'>): SearchSource {
  return {
    kind: 'notice',
    list: () =>
      notices.list().map((n) => ({
        id: n.id,
        title: n.title,
        summary: n.summary,
        language: n.language,
        themes: n.themes,
        extra: n.devices.map((d) => DEVICE_NAMES[d] ?? d),
      })),
  };
}
