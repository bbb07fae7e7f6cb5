import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../../../tests/helpers/box.js';
import { SEARCH_CANDIDATES } from './repo.js';

/**
 * The catalogue's performance shortcuts must not change answers: facet counts and list
 * totals are remembered per catalogue generation, and broad searches rank a bounded set
 * of candidates (see `CatalogueRepo.search`).
 */
describe('catalogue shortcuts for large catalogues', () => {
  let box: TestBox;
  const broad = SEARCH_CANDIDATES + 150;

  beforeAll(() => {
    box = makeTestBox();
    const works = Array.from({ length: broad }, (_, i) =>
      work(`large.w${i}`, `Balade numéro ${i} dans la campagne`, {
        type: i % 10 === 0 ? 'audio' : 'book',
        themes: i % 50 === 0 ? ['Randonnée'] : ['Voyages'],
        files: [{ name: 'w.txt', content: 'x', mime: 'text/plain' }],
      }),
    );
    addWorks(box.ctx, 'large', works);
  });
  afterAll(() => box.cleanup());

  it('refreshes facet counts and list totals when a pack is installed or removed', () => {
    const { catalogue } = box.ctx;
    expect(catalogue.find({}).total).toBe(broad);
    expect(catalogue.repo.types().find((t) => t.type === 'video')).toBeUndefined();
    addWorks(box.ctx, 'extra', [
      work('extra.film', 'Un film de plus', { type: 'video', themes: ['Cinéma'] }),
    ]);
    expect(catalogue.find({}).total).toBe(broad + 1);
    expect(catalogue.repo.types().find((t) => t.type === 'video')?.count).toBe(1);
    expect(catalogue.repo.themes().map((t) => t.slug)).toContain('cinema');
    expect(catalogue.find({ type: 'video' }).total).toBe(1);
    catalogue.removePack('extra');
    expect(catalogue.find({}).total).toBe(broad);
    expect(catalogue.find({ type: 'video' }).total).toBe(0);
    expect(catalogue.repo.themes().map((t) => t.slug)).not.toContain('cinema');
  });

  it('gives exact results and totals below the candidate bound, filters included', () => {
    const { catalogue } = box.ctx;
    const expected = Array.from({ length: broad }, (_, i) => i).filter(
      (i) => i % 10 === 0 && String(i).startsWith('7'),
    );
    const audio = catalogue.find({ q: 'numero 7', type: 'audio', pageSize: 100 });
    expect(audio.capped).toBeUndefined();
    expect(audio.total).toBe(expected.length);
    expect(audio.items.map((w) => w.id).sort()).toEqual(expected.map((i) => `large.w${i}`).sort());
    const theme = catalogue.find({ q: 'numero 1', theme: 'randonnee', pageSize: 100 });
    const inTheme = Array.from({ length: broad }, (_, i) => i).filter(
      (i) => i % 50 === 0 && String(i).startsWith('1'),
    );
    expect(theme.items.map((w) => w.id).sort()).toEqual(inTheme.map((i) => `large.w${i}`).sort());
    expect(catalogue.find({ q: 'numéro 7 campagne' }).items[0]?.id).toBe('large.w7');
  });

  it('caps broad searches: ranked among the newest matches, flagged, pages still consistent', async () => {
    const { catalogue } = box.ctx;
    const first = catalogue.find({ q: 'bal', pageSize: 50 });
    expect(first.capped).toBe(true);
    // The visitor is told there are more, not shown a false total.
    const html = await (await box.app.request('/search?q=bal')).text();
    expect(html).toContain(`Plus de ${SEARCH_CANDIDATES.toLocaleString('fr')} résultats`);
    expect(first.total).toBe(SEARCH_CANDIDATES);
    expect(first.pages).toBe(Math.ceil(SEARCH_CANDIDATES / 50));
    const second = catalogue.find({ q: 'bal', pageSize: 50, page: 2 });
    expect(second.items).toHaveLength(50);
    const ids = new Set([...first.items, ...second.items].map((w) => w.id));
    expect(ids.size).toBe(100);
    const audio = catalogue.find({ q: 'bal', type: 'audio', pageSize: 100 });
    expect(audio.items.length).toBeGreaterThan(0);
    expect(audio.items.every((w) => w.type === 'audio')).toBe(true);
    const beyond = catalogue.find({ q: 'bal', pageSize: 50, page: first.pages + 1 });
    expect(beyond.items).toHaveLength(0);
  });

  it('shows a whole-word title match first even when the query is broad', () => {
    const { catalogue } = box.ctx;
    addWorks(box.ctx, 'titre', [work('titre.bal', 'Bal', { themes: ['Danse'] })]);
    expect(catalogue.find({ q: 'bal' }).items[0]?.id).toBe('titre.bal');
  });
});
