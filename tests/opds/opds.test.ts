import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const LONG = Array.from(
  { length: 40 },
  (_, i) => `Phrase ${i + 1} du long récit, qui continue encore.`,
).join(' ');
const text = (v: string | { '#text': string } | undefined) =>
  typeof v === 'object' ? v['#text'] : v;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'author', 'category', 'Url'].includes(name),
});

interface Link {
  '@rel': string;
  '@href': string;
  '@type': string;
  '@length'?: string;
}
interface Entry {
  title: string;
  summary?: string | { '#text': string };
  content?: string | { '#text': string };
  id: string;
  link: Link[];
  author?: Array<{ name: string }>;
  'dc:language'?: string;
  rights?: string;
}
interface Feed {
  feed: {
    id: string;
    title: string;
    updated: string;
    link: Link[];
    entry?: Entry[];
    'opensearch:totalResults'?: number;
  };
}

describe('the OPDS 1.2 catalogue', () => {
  let box: TestBox;
  let server: RunningServer;
  let base: string;
  /** The box's clock: the test moves it instead of sleeping. */
  let now = Date.parse('2026-06-01T10:00:00.000Z');

  beforeAll(async () => {
    box = makeTestBox({}, { now: () => new Date(now) });
    addWorks(box.ctx, 'demo', [
      work('demo.foret', 'La Forêt & les « loups »', {
        themes: ['Nature'],
        description: 'Des <loups> & des arbres.',
        cover: { name: 'c.png', content: PNG_1PX, mime: 'image/png' },
        files: [
          { name: 'foret.epub', content: 'epub', mime: 'application/epub+zip' },
          { name: 'forêt.pdf', content: '%PDF-1.4', mime: 'application/pdf' },
        ],
      }),
      work('demo.sea', 'Songs of the Sea', { type: 'audio', language: 'en', licence: 'CC0-1.0' }),
      work('demo.long', 'Un long récit', { description: LONG }),
    ]);
    addWorks(
      box.ctx,
      'serie',
      Array.from({ length: 120 }, (_, i) => work(`serie.t${i}`, `Tome ${i + 1}`)),
    );
    server = await box.listen();
    base = server.url.replace('localhost', '127.0.0.1');
  });
  afterAll(() => box.cleanup());

  const fetchFeed = async (path: string) => {
    const res = await fetch(base + path, { headers: { 'accept-encoding': 'gzip, br' } });
    const text = await res.text();
    expect(res.status, path).toBe(200);
    expect(XMLValidator.validate(text), path).toBe(true);
    return { res, text, feed: (parser.parse(text) as Feed).feed };
  };

  it('has a root navigation feed linking to new, types, languages, themes and search', async () => {
    const { res, feed } = await fetchFeed('/opds');
    expect(res.headers.get('content-type')).toContain(
      'application/atom+xml;profile=opds-catalog;kind=navigation',
    );
    const hrefs = (feed.entry ?? []).flatMap((e) => e.link.map((l) => l['@href']));
    expect(hrefs).toEqual(
      expect.arrayContaining(['/opds/new', '/opds/types', '/opds/languages', '/opds/themes']),
    );
    expect(
      feed.link.some(
        (l) => l['@rel'] === 'search' && l['@type'] === 'application/opensearchdescription+xml',
      ),
    ).toBe(true);
  });

  it('gives acquisition entries with type, length, licence, authors and thumbnails, escaped', async () => {
    const { feed, text } = await fetchFeed('/opds/themes/nature');
    expect(text).toContain('La Forêt &amp; les « loups »');
    const entry = feed.entry?.find((e) => e.title === 'La Forêt & les « loups »');
    expect(entry).toBeDefined();
    const acquisitions = entry!.link.filter(
      (l) => l['@rel'] === 'http://opds-spec.org/acquisition/open-access',
    );
    expect(acquisitions.map((l) => [l['@type'], l['@length']])).toEqual([
      ['application/epub+zip', '4'],
      ['application/pdf', '8'],
    ]);
    expect(entry!.link.some((l) => l['@rel'] === 'http://opds-spec.org/image/thumbnail')).toBe(
      true,
    );
    expect(entry!.rights).toContain('CC BY 4.0');
    expect(entry!.author?.[0]?.name).toBe('Autrice Test');
  });

  it('pages with rel="next" until the end', async () => {
    let path: string | undefined = '/opds/new';
    const seen = new Set<string>();
    let pages = 0;
    while (path) {
      const { feed } = await fetchFeed(path);
      for (const e of feed.entry ?? []) seen.add(e.id);
      path = feed.link.find((l) => l['@rel'] === 'next')?.['@href'];
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(123);
  });

  it('searches through OpenSearch, accents ignored', async () => {
    const { text } = await fetchFeed('/opds/opensearch.xml');
    const description = parser.parse(text) as {
      OpenSearchDescription: { Url: Array<{ '@template': string; '@type': string }> };
    };
    const template = description.OpenSearchDescription.Url.find((u) =>
      u['@type'].includes('acquisition'),
    )!['@template'];
    expect(template).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/opds\/search\?q=\{searchTerms\}$/);
    const url = new URL(template.replace('{searchTerms}', encodeURIComponent('foret')));
    const { feed } = await fetchFeed(url.pathname + url.search);
    expect(feed.entry?.map((e) => e.title)).toEqual(['La Forêt & les « loups »']);
  });

  it('resolves every link of every feed reachable from the root', async () => {
    const queue = ['/opds'];
    const visited = new Set<string>();
    const checked = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (visited.has(path)) continue;
      visited.add(path);
      const { feed } = await fetchFeed(path);
      const links = [...feed.link, ...(feed.entry ?? []).flatMap((e) => e.link)];
      for (const link of links) {
        const href = link['@href'];
        if (link['@type'].startsWith('application/atom+xml')) {
          if (!visited.has(href) && visited.size < 40) queue.push(href);
        } else if (!checked.has(href)) {
          checked.add(href);
          const res = await fetch(base + href, { method: 'HEAD' });
          expect(res.status, href).toBe(200);
          if (link['@length'])
            expect(res.headers.get('content-length'), href).toBe(link['@length']);
        }
      }
    }
    expect(visited.size).toBeGreaterThan(8);
    expect(checked.size).toBeGreaterThan(10);
  });

  it('answers HEAD, sends Last-Modified, answers 304, and compresses when asked', async () => {
    const head = await fetch(`${base}/opds/new`, {
      method: 'HEAD',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('gzip');
    expect(head.headers.get('vary')).toContain('Accept-Encoding');
    const lastModified = head.headers.get('last-modified');
    expect(lastModified).toBeTruthy();
    const again = await fetch(`${base}/opds/new`, {
      headers: { 'if-modified-since': lastModified! },
    });
    expect(again.status).toBe(304);
    // A new pack, a few seconds later by the box's clock: the reader fetches them again.
    now += 5_000;
    addWorks(box.ctx, 'neuf', [work('neuf.un', 'Nouveau livre')]);
    const changed = await fetch(`${base}/opds/new`, {
      headers: { 'if-modified-since': lastModified! },
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Nouveau livre');
  });

  it('answers unknown paths and sections with an Atom error a reader app can show', async () => {
    for (const path of [
      '/opds/types/nope',
      '/opds/themes/nope',
      '/opds/languages/%3Cx%3E',
      '/opds/languages/xx',
      '/opds/nothing-here',
      '/opds/new/extra/segments',
      '/opds/catalog.xml',
    ]) {
      const res = await fetch(base + path);
      const body = await res.text();
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/atom+xml');
      expect(XMLValidator.validate(body), path).toBe(true);
      const feed = (parser.parse(body) as Feed).feed;
      expect(feed.title, path).toBe('Page introuvable');
      expect(body, path).toContain('n’existe pas : revenez au début du catalogue');
      expect(feed.link.some((l) => l['@rel'] === 'start' && l['@href'] === '/opds')).toBe(true);
    }
    const post = await fetch(`${base}/opds/new`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-type')).toContain('application/atom+xml');
  });

  it('never repeats the summary as the content', async () => {
    const short = (await fetchFeed('/opds/themes/nature')).feed.entry?.find(
      (e) => e.title === 'La Forêt & les « loups »',
    );
    expect(text(short?.summary)).toBe('Des <loups> & des arbres.');
    expect(short?.content).toBeUndefined();
    const long = (await fetchFeed('/opds/search?q=long%20recit')).feed.entry?.find(
      (e) => e.title === 'Un long récit',
    );
    expect(text(long?.content)).toBe(LONG);
    const summary = text(long?.summary) ?? '';
    expect(summary.length).toBeLessThan(LONG.length / 2);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toBe(text(long?.content));
  });
});
