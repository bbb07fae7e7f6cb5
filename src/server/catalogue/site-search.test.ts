import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../../../tests/helpers/box.js';
import { SiteSearch, type SearchDoc } from './site-search.js';

const doc = (id: string, title: string, summary: string, extra: string[] = []): SearchDoc => ({
  id,
  title,
  summary,
  language: 'fr',
  themes: ['Wi-Fi'],
  extra,
});

describe('one search over works and other documents', () => {
  let box: TestBox;
  let search: SiteSearch;
  const docs = [
    doc('t1', 'Un guide du Wi-Fi', 'Se connecter.'),
    doc('t2', 'Guide de la borne', 'Toucher l’écran.'),
    doc('s1', 'Envoyer une photo', 'Avec ce guide, vous envoyez une photo.'),
    doc('s2', 'Appeler', 'Un petit guide pour appeler.'),
    doc('x1', 'Rien à voir', 'Pas du tout.', ['téléphone Android']),
  ];

  beforeAll(() => {
    box = makeTestBox();
    addWorks(
      box.ctx,
      'p',
      Array.from({ length: 23 }, (_, i) => work(`p.g${i}`, `Guide numéro ${i}`)),
    );
    search = new SiteSearch(box.ctx.catalogue, [{ kind: 'notice', list: () => docs }]);
  });
  afterAll(() => box.cleanup());

  it('pages through title matches, then works, then summary matches, each exactly once', () => {
    const seen: string[] = [];
    const first = search.search({ q: 'GUIDE', pageSize: 10 });
    expect(first.total).toBe(2 + 23 + 2);
    expect(first.byKind).toEqual({ work: 23, notice: 4, parcours: 0 });
    expect(first.pages).toBe(3);
    for (let page = 1; page <= first.pages; page += 1) {
      const result = search.search({ q: 'guide', pageSize: 10, page });
      expect(result.hits.length).toBe(page < 3 ? 10 : 7);
      for (const hit of result.hits) seen.push(hit.kind === 'work' ? hit.work.id : hit.doc.id);
    }
    expect(new Set(seen).size).toBe(27);
    expect(seen.slice(0, 2).sort()).toEqual(['t1', 't2']);
    expect(seen.slice(2, 25).every((id) => id.startsWith('p.'))).toBe(true);
    expect(seen.slice(25).sort()).toEqual(['s1', 's2']);
  });

  it('joins hyphenated words, ignores accents and case, and finds by device names', () => {
    const ids = (q: string) =>
      search.search({ q }).hits.flatMap((h) => (h.kind === 'notice' ? [h.doc.id] : []));
    expect(ids('wifi')).toContain('t1');
    expect(ids('WI FI')).toContain('t1');
    expect(ids('ecran')).toEqual(['t2']);
    expect(ids('android')).toEqual(['x1']);
    expect(ids('photo envoyer')).toEqual(['s1']);
    expect(ids('photo borne')).toEqual([]);
  });

  it('leaves documents out for work-only filters and applies theme and language', () => {
    expect(search.search({ q: 'guide', type: 'book' }).byKind.notice).toBe(0);
    expect(search.search({ q: 'guide', licence: 'CC0-1.0' }).byKind.notice).toBe(0);
    expect(search.search({ q: 'guide', theme: 'wi-fi' }).byKind.notice).toBe(4);
    expect(search.search({ q: 'guide', theme: 'nature' }).byKind.notice).toBe(0);
    expect(search.search({ q: 'guide', language: 'en' }).byKind.notice).toBe(0);
  });

  it('says empty, no words, and too long apart', () => {
    expect(search.search({ q: '  ' }).status).toBe('empty');
    expect(search.search({ q: '🙂 %' })).toMatchObject({ status: 'no-words', total: 0, hits: [] });
    const long = search.search({ q: `guide ${'é'.repeat(500)}` });
    expect(long.tooLong).toBe(true);
    expect([...long.q].length).toBe(200);
  });
});
