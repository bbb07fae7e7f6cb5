import { GenerationCache } from './generation-cache.js';
import type { WorkRows } from './repo/works.js';
import type { Filters, Theme, WorkType } from './types.js';

/**
 * Facet counts and list totals scan the whole catalogue (120 ms per browse page at 100k
 * works) but only change when a pack is installed or removed, which bumps the
 * generation (also from another process): remembered until the generation moves.
 * Filter combinations are visitor input: at most 1,000 remembered results.
 */
export class CatalogueCounts {
  private readonly memo: GenerationCache<unknown>;

  constructor(
    private readonly works: WorkRows,
    generation: () => number,
  ) {
    this.memo = new GenerationCache<unknown>(generation, 1000);
  }

  total(filters: Filters): number {
    const key = ['count', filters.type, filters.language, filters.licence, filters.theme];
    return this.remember(key.join('\u0000'), () => this.works.count(filters));
  }

  themes(): Array<Theme & { count: number }> {
    return [...this.remember('themes', () => this.works.themes())];
  }

  languages(): Array<{ language: string; count: number }> {
    return [...this.remember('languages', () => this.works.languages())];
  }

  types(): Array<{ type: WorkType; count: number }> {
    return [...this.remember('types', () => this.works.types())];
  }

  licences(): Array<{ licence: string; count: number }> {
    return [...this.remember('licences', () => this.works.licences())];
  }

  private remember<T>(key: string, compute: () => T): T {
    return this.memo.get(key, compute) as T;
  }
}
