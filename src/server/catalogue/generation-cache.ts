/**
 * Remembers values made from the catalogue (a rendered browse page, a feed) until the
 * catalogue changes. Every pack install or removal bumps the catalogue generation, which
 * empties the cache; between changes, the most recently used `maxEntries` are kept.
 *
 * @example
 * const pages = new GenerationCache<string>(() => catalogue.generation());
 * const html = pages.get(url, () => render(url));
 */
export class GenerationCache<T> {
  private readonly entries = new Map<string, T>();
  private generation = -1;

  constructor(
    private readonly currentGeneration: () => number,
    private readonly maxEntries = 200,
  ) {}

  get(key: string, compute: () => T): T {
    const generation = this.currentGeneration();
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh its place: Map iteration order is insertion order, oldest first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
