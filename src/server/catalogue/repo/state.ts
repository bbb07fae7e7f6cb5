import type { Db } from '../../db/open.js';

/** How long this process trusts the generation it read (see `state`). */
const STATE_TTL_MS = 1000;

/** The catalogue's generation: bumped by every pack install or removal. */
export class CatalogueState {
  private readonly s;
  private read: { value: { generation: number; changedAt: string }; at: number } | null = null;

  constructor(db: Db) {
    this.s = {
      bump: db.prepare(
        'UPDATE catalogue_state SET generation = generation + 1, changed_at = ? WHERE id = 1',
      ),
      state: db.prepare('SELECT generation, changed_at FROM catalogue_state WHERE id = 1'),
    };
  }

  bump(now: string): void {
    this.s.bump.run(now);
    this.forget();
  }

  /**
   * Read at most once a second: every request asks for it (page and file caches), and
   * this process's own writers call `forget`, so only a change made by another process
   * can take up to a second to be seen.
   */
  current(): { generation: number; changedAt: string } {
    const now = performance.now();
    if (this.read && now - this.read.at < STATE_TTL_MS) return this.read.value;
    const row = this.s.state.get() as { generation: number; changed_at: string };
    const value = { generation: row.generation, changedAt: row.changed_at };
    this.read = { value, at: now };
    return value;
  }

  /** After a write (committed or rolled back), the next `current()` reads the database. */
  forget(): void {
    this.read = null;
  }
}
