import { THUMBNAIL_MIME, THUMBNAIL_WIDTHS, canThumbnail } from '../catalogue/covers.js';
import { getLicence } from '../catalogue/licences.js';
import type { Work } from '../catalogue/types.js';
import { coverUrl, fileUrl, thumbnailUrl, workUrl } from '../files/urls.js';
import { xml } from './xml.js';

export const NAV_TYPE = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const ACQ_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';

export interface FeedLink {
  rel: string;
  href: string;
  type: string;
  title?: string;
}

export interface FeedHead {
  id: string;
  title: string;
  updated: string;
  links: FeedLink[];
}

export interface NavEntry {
  id: string;
  title: string;
  content: string;
  href: string;
  type: string;
  count?: number;
}

function link(l: FeedLink & { length?: number }): string {
  const attrs = [`rel="${xml(l.rel)}"`, `href="${xml(l.href)}"`, `type="${xml(l.type)}"`];
  if (l.title) attrs.push(`title="${xml(l.title)}"`);
  if (l.length !== undefined) attrs.push(`length="${l.length}"`);
  return `<link ${attrs.join(' ')}/>`;
}

function feed(head: FeedHead, body: string, extra = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" ` +
    `xmlns:opds="http://opds-spec.org/2010/catalog" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" ` +
    `xmlns:thr="http://purl.org/syndication/thread/1.0">\n` +
    `<id>${xml(head.id)}</id>\n<title>${xml(head.title)}</title>\n<updated>${xml(head.updated)}</updated>\n` +
    `<author><name>Lanterne</name></author>\n${extra}` +
    head.links.map(link).join('\n') +
    `\n${body}</feed>\n`
  );
}

export function navigationFeed(head: FeedHead, entries: NavEntry[]): string {
  const body = entries
    .map(
      (e) =>
        `<entry>\n<title>${xml(e.title)}</title>\n<id>${xml(e.id)}</id>\n<updated>${xml(head.updated)}</updated>\n` +
        `<content type="text">${xml(e.content)}</content>\n` +
        `<link rel="subsection" href="${xml(e.href)}" type="${xml(e.type)}"${e.count !== undefined ? ` thr:count="${e.count}"` : ''}/>\n</entry>\n`,
    )
    .join('');
  return feed(head, body);
}

/** Longest description sent as a summary alone; longer ones get a shortened summary. */
const SUMMARY_MAX = 300;

/**
 * A short description is the summary and nothing else (readers that show both would
 * show it twice); a long one gets a summary cut at a word, plus the full text as content.
 */
function describe(description: string): string[] {
  const text = description.trim();
  if (!text) return [];
  if (text.length <= SUMMARY_MAX) return [`<summary type="text">${xml(text)}</summary>`];
  const cut = text.slice(0, SUMMARY_MAX);
  const atWord = cut
    .slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX / 2))
    .replace(/[\s,;:.–—-]+$/u, '');
  return [
    `<summary type="text">${xml(`${atWord}…`)}</summary>`,
    `<content type="text">${xml(text)}</content>`,
  ];
}

/** One entry with everything a reader app needs to show and fetch the work. */
export function workEntry(work: Work): string {
  const licence = getLicence(work.licence);
  const parts = [
    `<entry>`,
    `<title>${xml(work.title)}</title>`,
    `<id>urn:lanterne:work:${xml(work.id)}</id>`,
    `<updated>${xml(work.addedAt)}</updated>`,
    ...work.authors.map((a) => `<author><name>${xml(a.name)}</name></author>`),
    `<dc:language>${xml(work.language)}</dc:language>`,
    work.published ? `<dc:issued>${xml(work.published)}</dc:issued>` : '',
    `<rights>${xml(`${licence?.name ?? work.licence} — ${work.attribution}`)}</rights>`,
    ...work.themes.map((t) => `<category term="${xml(t.slug)}" label="${xml(t.label)}"/>`),
    ...describe(work.description),
    link({ rel: 'alternate', href: workUrl(work.id), type: 'text/html', title: work.title }),
  ];
  if (work.hasCover && work.coverMime) {
    parts.push(
      link({ rel: 'http://opds-spec.org/image', href: coverUrl(work.id), type: work.coverMime }),
    );
    // The small JPEG made at import; a cover that gets none (SVG) is its own thumbnail.
    const small = canThumbnail(work.coverMime);
    parts.push(
      link({
        rel: 'http://opds-spec.org/image/thumbnail',
        href: small ? thumbnailUrl(work.id, THUMBNAIL_WIDTHS[0]) : coverUrl(work.id),
        type: small ? THUMBNAIL_MIME : work.coverMime,
      }),
    );
  }
  for (const f of work.files) {
    parts.push(
      link({
        rel: 'http://opds-spec.org/acquisition/open-access',
        href: fileUrl('files', work.id, f),
        type: f.mime,
        title: f.name,
        length: f.size,
      }),
    );
  }
  parts.push('</entry>\n');
  return parts.filter(Boolean).join('\n');
}

export function acquisitionFeed(
  head: FeedHead,
  works: Work[],
  paging: { total: number; offset: number; limit: number },
): string {
  const extra =
    `<opensearch:totalResults>${paging.total}</opensearch:totalResults>\n` +
    `<opensearch:startIndex>${paging.offset + 1}</opensearch:startIndex>\n` +
    `<opensearch:itemsPerPage>${paging.limit}</opensearch:itemsPerPage>\n`;
  return feed(head, works.map(workEntry).join(''), extra);
}
