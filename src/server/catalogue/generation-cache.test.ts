import { describe, expect, it } from 'vitest';
import { addWorks, makeTestBox, work } from '../../../tests/helpers/box.js';
import { openDatabase } from '../db/open.js';
import { GenerationCache } from './generation-cache.js';

describe('GenerationCache', () => {
  it('computes once per key until the generation moves', () => {
    let generation = 1;
    let computed = 0;
    const cache = new GenerationCache<string>(() => generation);
    const make = () => `v${++computed}`;
    expect(cache.get('a', make)).toBe('v1');
    expect(cache.get('a', make)).toBe('v1');
    generation = 2;
    expect(cache.get('a', make)).toBe('v2');
  });

  it('keeps only the most recently used entries', () => {
    const cache = new GenerationCache<number>(() => 0, 2);
    cache.get('a', () => 1);
    cache.get('b', () => 2);
    cache.get('a', () => 99); // a is now the most recent
    cache.get('c', () => 3); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get('a', () => 100)).toBe(1);
    expect(cache.get('b', () => 200)).toBe(200);
  });

  it('follows the real catalogue: an installed or removed pack empties it', async () => {
    const box = makeTestBox();
    try {
      const cache = new GenerationCache<number>(() => box.ctx.catalogue.generation());
      const count = () => cache.get('total', () => box.ctx.catalogue.find({}).total);
      expect(count()).toBe(0);
      addWorks(box.ctx, 'p', [work('p.a', 'Un titre')]);
      expect(count()).toBe(1);
      box.ctx.catalogue.removePack('p');
      expect(count()).toBe(0);
    } finally {
      await box.cleanup();
    }
  });

  it('sees a change made by another connection within a second, its own at once', async () => {
    const box = makeTestBox();
    const other = openDatabase(box.ctx.paths.dbFile);
    try {
      const before = box.ctx.catalogue.generation();
      other.prepare('UPDATE catalogue_state SET generation = generation + 1').run();
      await new Promise((done) => setTimeout(done, 1_100));
      expect(box.ctx.catalogue.generation()).toBe(before + 1);
      addWorks(box.ctx, 'p', [work('p.a', 'Un titre')]);
      expect(box.ctx.catalogue.generation()).toBe(before + 2);
    } finally {
      other.close();
      await box.cleanup();
    }
  });

  it('never serves a stale portal page: new packs and a new library name show at once', async () => {
    const box = makeTestBox();
    try {
      const browse = async (path = '/browse') => (await box.app.request(path)).text();
      addWorks(box.ctx, 'p', [work('p.a', 'Premier titre')]);
      expect(await browse()).toContain('Premier titre');
      expect(await browse('/')).toContain('Premier titre');
      addWorks(box.ctx, 'q', [work('q.b', 'Second titre')]);
      expect(await browse()).toContain('Second titre');
      expect(await browse('/')).toContain('Second titre');
      box.ctx.settings.update({ libraryName: 'Médiathèque du Port' });
      expect(await browse()).toContain('Médiathèque du Port');
      box.ctx.catalogue.removePack('q');
      expect(await browse()).not.toContain('Second titre');
      expect(await browse('/en/browse')).toContain('Premier titre');
    } finally {
      await box.cleanup();
    }
  });
});
