import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBox, type TestBox } from '../../../tests/helpers/box.js';
import { formatCount } from '../portal/messages.js';
import { SearchRows } from './repo/search.js';
import { toFtsQuery } from './text.js';
import type { Filters, NewPack, NewWork } from './types.js';

/**
 * Ranking beyond the old bound (issue 21): before, only the newest 1,000 text matches
 * were ranked, so the oldest of 50,000 matches could never come first and the total
 * stopped at 1,000. Here the best match is the very first work added.
 */
const MASS = 49_998;
const DISTRACTORS = 10;

function pack(id: string): NewPack {
  return {
    id,
    version: '1.0.0',
    title: id,
    description: '',
    publisher: 'tests',
    languages: ['fr'],
    created: null,
    dir: `${id}@1.0.0`,
    manifestSha256: '0'.repeat(64),
    origin: 'local',
  };
}

function work(id: string, title: string, description: string, extra: Partial<NewWork> = {}) {
  return {
    id,
    title,
    description,
    language: 'fr',
    type: 'book',
    licence: 'CC0-1.0',
    attribution: title,
    source: '',
    published: null,
    authors: [{ name: 'Jeanne Martin', role: 'author' }],
    themes: ['Récits'],
    files: [],
    coverPath: null,
    coverMime: null,
    ...extra,
  } satisfies NewWork;
}

describe('search ranks every match (50,000 matches, the best is the oldest)', () => {
  let box: TestBox;

  beforeAll(() => {
    box = makeTestBox();
    const { catalogue } = box.ctx;
    catalogue.installPack(pack('ancien'), [work('ancien.lumiere', 'Lumière', 'Un vieux conte.')]);
    catalogue.installPack(
      pack('masse'),
      Array.from({ length: MASS }, (_, i) =>
        work(`masse.${i}`, `Carnet ${i}`, 'Une histoire de lumière dans la nuit.', {
          type: i % 2 === 0 ? 'audio' : 'book',
          themes: i % 5 === 0 ? ['Randonnée'] : ['Récits'],
        }),
      ),
    );
    catalogue.installPack(
      pack('autres'),
      Array.from({ length: DISTRACTORS }, (_, i) =>
        work(`autres.${i}`, `Lumineux matin`, `Numéro ${i}.`),
      ),
    );
    catalogue.installPack(pack('neuf'), [
      work('neuf.soir', 'Lumière du soir sur la ville', 'Des rues.'),
    ]);
  }, 120_000);
  afterAll(() => box.cleanup());

  it('finds the oldest, best match first, with or without accents and capitals', () => {
    const { catalogue } = box.ctx;
    for (const q of ['lumiere', 'lumière', 'LUMIÈRE', 'Lumiere']) {
      const page = catalogue.find({ q });
      expect(page.total, q).toBe(MASS + 2);
      expect(
        page.items.slice(0, 3).map((w) => w.id),
        q,
      ).toEqual(['ancien.lumiere', 'neuf.soir', 'masse.0']);
    }
  });

  it('gives a true total and pages to the last page exactly', () => {
    const { catalogue } = box.ctx;
    const first = catalogue.find({ q: 'lumiere', pageSize: 24 });
    const pages = Math.ceil((MASS + 2) / 24);
    expect(first.pages).toBe(pages);
    const last = catalogue.find({ q: 'lumiere', pageSize: 24, page: pages });
    const onLast = (MASS + 2) % 24 || 24;
    expect(last.items).toHaveLength(onLast);
    // Equal rank: the works of the mass come in the order they were added.
    expect(last.items.map((w) => w.id)).toEqual(
      Array.from({ length: onLast }, (_, i) => `masse.${MASS - onLast + i}`),
    );
    expect(last.total).toBe(MASS + 2);
    expect(catalogue.find({ q: 'lumiere', pageSize: 24, page: pages + 1 }).items).toEqual([]);
    const middle = catalogue.find({ q: 'lumiere', pageSize: 100, page: 300 });
    expect(middle.items.map((w) => w.id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `masse.${299 * 100 - 2 + i}`),
    );
  });

  it('counts filters over every match', () => {
    const { catalogue } = box.ctx;
    expect(catalogue.find({ q: 'lumiere', type: 'audio' }).total).toBe(MASS / 2);
    const hiking = catalogue.find({ q: 'lumière', theme: 'randonnee', pageSize: 100 });
    expect(hiking.total).toBe(Math.ceil(MASS / 5));
    expect(hiking.items.every((w) => Number(w.id.split('.')[1]) % 5 === 0)).toBe(true);
    expect(catalogue.find({ q: 'lumiere', licence: 'CC-BY-4.0' }).total).toBe(0);
    expect(catalogue.find({ q: 'lumiere', language: 'fr' }).total).toBe(MASS + 2);
  });

  it('gives the same pages with and without accents', () => {
    const { catalogue } = box.ctx;
    for (const page of [1, 3, 2000]) {
      const plain = catalogue.find({ q: 'histoire lumiere nuit', page }).items.map((w) => w.id);
      expect(plain.length).toBeGreaterThan(0);
      expect(catalogue.find({ q: 'HISTOIRE Lumière nuît', page }).items.map((w) => w.id)).toEqual(
        plain,
      );
    }
  });

  it('follows the typing: every prefix finds the best match first', () => {
    const { catalogue } = box.ctx;
    for (const q of ['l', 'lu', 'Lum', 'lumi', 'lumiè', 'lumier']) {
      expect(catalogue.find({ q }).items[0]?.id, q).toBe('ancien.lumiere');
    }
    // "lumi" also starts « Lumineux »: title matches before description matches.
    const lumi = catalogue.find({ q: 'lumi', pageSize: 100 });
    expect(lumi.total).toBe(MASS + 2 + DISTRACTORS);
    expect(lumi.items.slice(1, 1 + DISTRACTORS).every((w) => w.id.startsWith('autres.'))).toBe(
      true,
    );
    expect(lumi.items[1 + DISTRACTORS]?.id).toBe('neuf.soir');
    // Several words: the last one as typed.
    expect(catalogue.find({ q: 'lumiere soi' }).items.map((w) => w.id)).toEqual(['neuf.soir']);
    expect(catalogue.find({ q: 'jeanne mart' }).total).toBe(MASS + 2 + DISTRACTORS);
  });

  it('ranks the same whether the matches are read at once or tier by tier', () => {
    const inMemory = new SearchRows(box.ctx.db, 100_000);
    const inIndex = new SearchRows(box.ctx.db, 0);
    const cases: Array<[string, Filters, number]> = [
      ['lumiere', {}, 0],
      ['lumi', {}, 0],
      ['lumi', {}, 24],
      ['lumi', { type: 'audio' }, 480],
      ['l', {}, MASS - 10],
      ['carnet 12', { theme: 'randonnee' }, 0],
      ['jeanne', {}, MASS],
    ];
    for (const [q, filters, offset] of cases) {
      const fts = toFtsQuery(q)!;
      const a = inMemory.search(fts, filters, 24, offset);
      const b = inIndex.search(fts, filters, 24, offset);
      expect(b.total, q).toBe(a.total);
      expect(
        b.items.map((w) => w.id),
        `${q} from ${offset}`,
      ).toEqual(a.items.map((w) => w.id));
      expect(a.items.length, q).toBeGreaterThan(0);
    }
  });

  it('says the true count on the portal', async () => {
    const html = await (await box.app.request('/search?q=lumiere')).text();
    expect(html).toContain(`${formatCount('fr', MASS + 2)} résultats`);
  });

  it('ranks a better work installed later, and forgets it once removed', () => {
    const { catalogue } = box.ctx;
    catalogue.installPack(pack('plus'), [work('plus.lumiere', 'Lumière', 'Encore.')]);
    expect(
      catalogue
        .find({ q: 'lumiere' })
        .items.slice(0, 3)
        .map((w) => w.id),
    ).toEqual(['ancien.lumiere', 'plus.lumiere', 'neuf.soir']);
    expect(catalogue.find({ q: 'lumiere' }).total).toBe(MASS + 3);
    catalogue.removePack('plus');
    expect(catalogue.find({ q: 'lumiere' }).total).toBe(MASS + 2);
    expect(catalogue.find({ q: 'encore' }).total).toBe(0);
  });
});
