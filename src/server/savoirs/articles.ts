import type { RemoteHit, RemoteSource } from '../catalogue/site-search.js';
import { SAVOIRS_ROOT, type ZimBook } from './library.js';

/** What the article source needs of the box's kiwix-serve. */
export interface ArticleServer {
  books(): readonly ZimBook[];
  baseUrl(): string;
  running(): boolean;
}

/** At most this many encyclopaedias are asked per search (in parallel). */
const MAX_ASKED = 8;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an XML element's content (entities decoded; kiwix-serve escapes its RSS). */
function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? all;
  });
}

function tag(item: string, name: string): string {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(item);
  // Decoded, then any markup dropped: these are shown as text, escaped.
  return m?.[1]
    ? xmlText(m[1])
        .replace(/<[^>]*>/g, '')
        .trim()
    : '';
}

/**
 * An article's URL on the box from its path in the book (segments as stored, or
 * URL-encoded when `encoded`): relative, no dot segment, nothing that leaves the book.
 */
function articleUrl(book: ZimBook, articlePath: string, encoded = false): string | null {
  let parts = articlePath.split('/');
  try {
    if (encoded) parts = parts.map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) return null;
  return `${SAVOIRS_ROOT}/${book.name}/${parts.map(encodeURIComponent).join('/')}`;
}

async function suggestions(
  server: ArticleServer,
  book: ZimBook,
  text: string,
  limit: number,
  signal: AbortSignal,
): Promise<RemoteHit[]> {
  const params = new URLSearchParams({ content: book.name, term: text, count: String(limit) });
  const res = await fetch(`${server.baseUrl()}${SAVOIRS_ROOT}/suggest?${params}`, { signal });
  if (!res.ok) return [];
  const entries = (await res.json()) as Array<{ value?: unknown; kind?: unknown; path?: unknown }>;
  const hits: RemoteHit[] = [];
  for (const e of Array.isArray(entries) ? entries : []) {
    if (e.kind !== 'path' || typeof e.value !== 'string' || typeof e.path !== 'string') continue;
    const url = articleUrl(book, e.path);
    if (url) hits.push({ kind: 'article', title: e.value, url, from: book.title, snippet: '' });
  }
  return hits;
}

async function fullText(
  server: ArticleServer,
  book: ZimBook,
  text: string,
  limit: number,
  signal: AbortSignal,
): Promise<RemoteHit[]> {
  const params = new URLSearchParams({
    'books.name': book.name,
    pattern: text,
    format: 'xml',
    pageLength: String(limit),
  });
  const res = await fetch(`${server.baseUrl()}${SAVOIRS_ROOT}/search?${params}`, { signal });
  if (!res.ok) return [];
  const xml = await res.text();
  const prefix = `${SAVOIRS_ROOT}/${book.name}/`;
  const hits: RemoteHit[] = [];
  for (const [, item = ''] of xml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    const link = tag(item, 'link');
    const url = link.startsWith(prefix) ? articleUrl(book, link.slice(prefix.length), true) : null;
    const title = tag(item, 'title');
    if (url && title)
      hits.push({
        kind: 'article',
        title,
        url,
        from: book.title,
        snippet: tag(item, 'description'),
      });
  }
  return hits;
}

/**
 * Articles of the box's encyclopaedias for the site search, from kiwix-serve's own
 * endpoints: title suggestions (`/suggest`) first, then full-text hits (`/search`),
 * each book asked in parallel. Silent (no hit) when kiwix-serve is not running, or
 * answers late or badly: the works and e-notices never wait on it beyond the bound.
 */
export function articleSearchSource(server: () => ArticleServer): RemoteSource {
  return {
    kind: 'article',
    async find(text, { limit, signal }) {
      const s = server();
      if (!s.running()) return [];
      const books = s.books().slice(0, MAX_ASKED);
      const quiet = (p: Promise<RemoteHit[]>) => p.catch(() => [] as RemoteHit[]);
      const found = await Promise.all(
        books.flatMap((book) => [
          quiet(suggestions(s, book, text, limit, signal)),
          quiet(fullText(s, book, text, limit, signal)),
        ]),
      );
      // Every book's title suggestions, then every book's full-text hits; an article found
      // both ways is shown once, with the full-text snippet.
      const byUrl = new Map<string, RemoteHit>();
      const ordered = [...found.filter((_, i) => i % 2 === 0), ...found.filter((_, i) => i % 2)];
      for (const hit of ordered.flat()) {
        const seen = byUrl.get(hit.url);
        if (!seen) byUrl.set(hit.url, hit);
        else if (!seen.snippet) seen.snippet = hit.snippet;
      }
      return [...byUrl.values()].slice(0, limit);
    },
  };
}
