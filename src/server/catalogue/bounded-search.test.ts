import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work, type TestBox } from '../../../tests/helpers/box.js';
import { formatCount } from '../portal/messages.js';

/**
 * The catalogue's performance shortcuts must not change answers: facet counts and list
 * totals are remembered per catalogue generation, and a broad search pages through every
 * match (before issue 21 only the newest 1,000 were ranked).
 */
describe('catalogue shortcuts for large catalogues', () => {
  let box: TestBox;
  const broad = 1150;

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

  it('gives exact results and totals, filters included', () => {
    const { catalogue } = box.ctx;
    const expected = Array.from({ length: broad }, (_, i) => i).filter(
      (i) => i % 10 === 0 && String(i).startsWith('7'),
    );
    const audio = catalogue.find({ q: 'numero 7', type: 'audio', pageSize: 100 });
    expect(audio.total).toBe(expected.length);
    expect(audio.items.map((w) => w.id).sort()).toEqual(expected.map((i) => `large.w${i}`).sort());
    const theme = catalogue.find({ q: 'numero 1', theme: 'randonnee', pageSize: 100 });
    const inTheme = Array.from({ length: broad }, (_, i) => i).filter(
      (i) => i % 50 === 0 && String(i).startsWith('1'),
    );
    expect(theme.items.map((w) => w.id).sort()).toEqual(inTheme.map((i) => `large.w${i}`).sort());
    expect(catalogue.find({ q: 'numéro 7 campagne' }).items[0]?.id).toBe('large.w7');
  });

  it('counts every match of a broad search and pages through all of them', async () => {
    const { catalogue } = box.ctx;
    const first = catalogue.find({ q: 'bal', pageSize: 50 });
    expect(first.total).toBe(broad);
    expect(first.pages).toBe(Math.ceil(broad / 50));
    const html = await (await box.app.request('/search?q=bal')).text();
    expect(html).toContain(`${formatCount('fr', broad)} résultats`);
    expect(html).not.toContain('Plus de');
    const ids = new Set<string>();
    for (let page = 1; page <= first.pages; page++)
      for (const w of catalogue.find({ q: 'bal', pageSize: 50, page }).items) ids.add(w.id);
    expect(ids.size).toBe(broad);
    const audio = catalogue.find({ q: 'bal', type: 'audio', pageSize: 100 });
    expect(audio.total).toBe(broad / 10);
    expect(audio.items.every((w) => w.type === 'audio')).toBe(true);
    const beyond = catalogue.find({ q: 'bal', pageSize: 50, page: first.pages + 1 });
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(broad);
  });

  it('shows a whole-word title match first even when the query is broad', () => {
    const { catalogue } = box.ctx;
    addWorks(box.ctx, 'titre', [work('titre.bal', 'Bal', { themes: ['Danse'] })]);
    expect(catalogue.find({ q: 'bal' }).items[0]?.id).toBe('titre.bal');
  });
});
