import type { CatalogueService } from './service.js';
import { PAGE_SIZE } from './service.js';
import { foldedWords, fold, readQuery, slugify, toFtsQuery } from './text.js';
import type { Filters, WorkSummary } from './types.js';

/** What a search result is: a work, an e-notice or a parcours (a learning path). */
export const SEARCH_KINDS = ['work', 'notice', 'parcours'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Hits found elsewhere on the box at search time, shown apart from the works and never
 * counted with them: articles of the encyclopaedias (kiwix-serve, issue 19).
 */
export interface RemoteHit {
  kind: 'article';
  title: string;
  /** A path on the box (under /savoirs). */
  url: string;
  /** Where it comes from, e.g. the encyclopaedia's title. */
  from: string;
  snippet: string;
}

/** A source asked over the network for each search: it must honour `signal`. */
export interface RemoteSource {
  kind: RemoteHit['kind'];
  find(text: string, opts: { limit: number; signal: AbortSignal }): Promise<RemoteHit[]>;
}

/** A remote source that has not answered by then is left out of the page. */
export const REMOTE_TIMEOUT_MS = 1500;

/** Something searchable that is not a work: small lists, matched in memory. */
export interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  language: string;
  themes: string[];
  /** More words that find it, weighed less than the title and summary. */
  extra: string[];
}

/** A kind of document besides works, e.g. the e-notices the notices service shows visitors. */
export interface SearchSource {
  kind: Exclude<SearchKind, 'work'>;
  /** Only what visitors may see: called for every search, so it must be cheap. */
  list(): SearchDoc[];
}

export type SearchHit =
  { kind: 'work'; work: WorkSummary } | { kind: Exclude<SearchKind, 'work'>; doc: SearchDoc };

export interface SearchQuery extends Filters {
  q: string;
  page?: number | undefined;
  pageSize?: number | undefined;
  /** Only these kinds besides works (all by default): the kiosk has no parcours screen yet. */
  kinds?: ReadonlyArray<Exclude<SearchKind, 'work'>> | undefined;
}

export interface SearchResult {
  /** The query as used (trimmed, cut to its maximum length). */
  q: string;
  /** `empty`: nothing typed; `no-words`: only punctuation or emoji, nothing searched. */
  status: 'ok' | 'empty' | 'no-words';
  /** The query was cut to `MAX_QUERY_CHARS`. */
  tooLong: boolean;
  hits: SearchHit[];
  total: number;
  /** How many hits of each kind (over every page). */
  byKind: Record<SearchKind, number>;
  page: number;
  pages: number;
}

interface Indexed {
  doc: SearchDoc;
  title: string[];
  body: string[];
  extra: string[];
}

/** Every word typed must start a word of the document; the title counts most. */
function score(item: Indexed, words: string[]): number {
  let total = 0;
  for (const word of words) {
    const inTitle = item.title.some((w) => w.startsWith(word));
    const inBody = inTitle || item.body.some((w) => w.startsWith(word));
    const inExtra = inBody || item.extra.some((w) => w.startsWith(word));
    if (!inExtra) return 0;
    const whole = item.title.includes(word) || item.body.includes(word);
    total += (inTitle ? 10 : inBody ? 4 : 1) + (whole ? 1 : 0);
  }
  return total;
}

/**
 * One search over everything a visitor can find: works (FTS5, see `SearchRows`) and the
 * documents of each `SearchSource` (e-notices now, learning paths later), accents and
 * case ignored everywhere. Documents whose title holds every word come first (there are
 * few, and they answer "how do I…"), then works, then documents found by their summary
 * only; filters that only make sense for works (type, licence) leave the others out.
 */
export class SiteSearch {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly sources: SearchSource[],
    private readonly remote: RemoteSource[] = [],
  ) {}

  /**
   * What the remote sources find for a query (read as `search` reads it), within
   * `timeoutMs`: a source that fails or is late gives nothing, silently.
   */
  async remoteHits(q: string, limit = 8, timeoutMs = REMOTE_TIMEOUT_MS): Promise<RemoteHit[]> {
    const { text } = readQuery(q);
    if (!toFtsQuery(text) || this.remote.length === 0) return [];
    const signal = AbortSignal.timeout(timeoutMs);
    const late = new Promise<RemoteHit[]>((resolve) =>
      signal.addEventListener('abort', () => resolve([]), { once: true }),
    );
    const found = await Promise.all(
      this.remote.map((source) =>
        Promise.race([source.find(text, { limit, signal }).catch(() => []), late]),
      ),
    );
    return found.flat().slice(0, limit);
  }

  search(query: SearchQuery): SearchResult {
    const { text, words, tooLong } = readQuery(query.q);
    const limit = Math.min(Math.max(query.pageSize ?? PAGE_SIZE, 1), 100);
    const page = Math.min(Math.max(Math.floor(query.page ?? 1), 1), 10_000);
    const none = { work: 0, notice: 0, parcours: 0 };
    const fts = toFtsQuery(text);
    if (!fts) {
      const status = text ? 'no-words' : 'empty';
      return {
        q: text,
        status,
        tooLong,
        hits: [],
        total: 0,
        byKind: none,
        page,
        pages: 1,
      };
    }
    const folded = words.map(fold);
    const { before, after } = this.others(folded, query);
    const offset = (page - 1) * limit;
    const filters: Filters = {
      type: query.type,
      language: query.language,
      licence: query.licence,
      theme: query.theme,
    };
    // The list is `before`, then the works, then `after`: each page takes its slice.
    const first = before.slice(offset, offset + limit);
    const workOffset = Math.max(0, offset - before.length);
    const workRoom = limit - first.length;
    const works = this.catalogue.searchWorks(fts, filters, Math.max(workRoom, 1), workOffset);
    const shownWorks = workRoom > 0 ? works.items : [];
    const afterOffset = Math.max(0, offset - before.length - works.total);
    const last = after.slice(afterOffset, afterOffset + workRoom - shownWorks.length);
    const hits: SearchHit[] = [
      ...first,
      ...shownWorks.map((work) => ({ kind: 'work' as const, work })),
      ...last,
    ];
    const byKind = { ...none, work: works.total };
    for (const hit of [...before, ...after]) byKind[hit.kind] += 1;
    const total = works.total + before.length + after.length;
    return {
      q: text,
      status: 'ok',
      tooLong,
      hits,
      total,
      byKind,
      page,
      pages: Math.max(1, Math.ceil(total / limit)),
    };
  }

  /**
   * Documents whose title holds every word come before the works ("wifi" → the Wi-Fi
   * notice first); those found only by their summary, themes or devices come after.
   */
  private others(
    words: string[],
    filters: Filters & Pick<SearchQuery, 'kinds'>,
  ): { before: SearchHit[]; after: SearchHit[] } {
    // A type or a licence is a property of works only.
    if (filters.type || filters.licence) return { before: [], after: [] };
    const found: Array<{ hit: SearchHit; score: number; inTitle: boolean }> = [];
    for (const source of this.sources) {
      if (filters.kinds && !filters.kinds.includes(source.kind)) continue;
      for (const doc of source.list()) {
        if (filters.language && !doc.language.startsWith(filters.language)) continue;
        if (filters.theme && !doc.themes.some((t) => slugify(t) === filters.theme)) continue;
        const indexed: Indexed = {
          doc,
          title: foldedWords(doc.title),
          body: foldedWords(`${doc.summary} ${doc.themes.join(' ')}`),
          extra: foldedWords(doc.extra.join(' ')),
        };
        const s = score(indexed, words);
        if (s > 0)
          found.push({
            hit: { kind: source.kind, doc },
            score: s,
            inTitle: words.every((w) => indexed.title.some((t) => t.startsWith(w))),
          });
      }
    }
    found.sort(
      (a, b) =>
        b.score - a.score ||
        (a.hit.kind === 'work' || b.hit.kind === 'work'
          ? 0
          : a.hit.doc.title.localeCompare(b.hit.doc.title, 'fr')),
    );
    return {
      before: found.filter((f) => f.inTitle).map((f) => f.hit),
      after: found.filter((f) => !f.inTitle).map((f) => f.hit),
    };
  }
}
