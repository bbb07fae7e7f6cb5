import type { Db } from '../db/open.js';
import type { CatalogueRepo } from './repo.js';
import { toFtsQuery, type FtsQuery } from './text.js';
import type { Filters, NewPack, NewWork, Pack, Page, Theme, Work, WorkSummary } from './types.js';
import type { WorkType } from './types.js';

export const PAGE_SIZE = 24;
const MAX_PAGE = 100;

export interface ListQuery extends Filters {
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  order?: 'new' | 'title' | undefined;
}

export interface Facets {
  types: Array<{ type: WorkType; count: number }>;
  languages: Array<{ language: string; count: number }>;
  licences: Array<{ licence: string; count: number }>;
  themes: Array<Theme & { count: number }>;
}

export { isWorkType } from '../../shared/work-types.js';

/** Reading and changing the catalogue; the only writer is a pack install or removal. */
export class CatalogueService {
  constructor(
    private readonly db: Db,
    readonly repo: CatalogueRepo,
    private readonly now: () => Date,
  ) {}

  /** Browse or search, one page at a time (pages count from 1). */
  find(query: ListQuery): Page<WorkSummary> & { page: number; pages: number } {
    const limit = Math.min(Math.max(query.pageSize ?? PAGE_SIZE, 1), MAX_PAGE);
    const page = Math.min(Math.max(Math.floor(query.page ?? 1), 1), 10_000);
    const offset = (page - 1) * limit;
    const filters: Filters = {
      type: query.type,
      language: query.language,
      licence: query.licence,
      theme: query.theme,
    };
    const q = query.q?.trim() ?? '';
    const fts = q ? toFtsQuery(q) : null;
    // Only punctuation or emoji: nothing to search, and certainly not the whole catalogue.
    if (q && !fts) return { items: [], total: 0, offset, limit, page, pages: 1 };
    const result = fts
      ? this.repo.search(fts, filters, limit, offset)
      : this.repo.list(filters, query.order ?? 'new', limit, offset);
    return { ...result, page, pages: Math.max(1, Math.ceil(result.total / limit)) };
  }

  /** Ranked works for a query made by `toFtsQuery` (see `SiteSearch` for the whole box). */
  searchWorks(fts: FtsQuery, filters: Filters, limit: number, offset: number): Page<WorkSummary> {
    return this.repo.search(fts, filters, limit, offset);
  }

  work(id: string): Work | undefined {
    return this.repo.getWork(id);
  }

  /** Summaries of the given works, in that order (ids no longer in the catalogue skipped). */
  summaries(ids: string[]): WorkSummary[] {
    return this.repo.works.summaries(ids);
  }

  pack(id: string): Pack | undefined {
    return this.repo.getPack(id);
  }

  /** The filter choices with their counts (remembered per catalogue generation). */
  facets(): Facets {
    return {
      types: this.repo.types(),
      languages: this.repo.languages(),
      licences: this.repo.licences(),
      themes: this.repo.themes(),
    };
  }

  generation(): number {
    return this.repo.state().generation;
  }

  /** When the catalogue last changed (ISO time), for feeds' Last-Modified. */
  changedAt(): string {
    return this.repo.state().changedAt;
  }

  theme(slug: string): Theme | undefined {
    return this.repo.theme(slug);
  }

  /** Every installed pack. */
  packs(): Pack[] {
    return this.repo.listPacks();
  }

  /**
   * Puts a pack's works in the catalogue in one transaction: the previous version of the
   * same pack (if any) disappears at the same instant, and works that were already there
   * keep their "date added". Callers run this after the files are in place.
   * `alsoInTransaction` (the pack hooks) runs inside the same transaction: if it throws,
   * nothing of the pack is committed.
   */
  installPack(pack: NewPack, works: NewWork[], alsoInTransaction?: () => void): void {
    const now = this.now().toISOString();
    try {
      this.db.transaction(() => {
        const addedAt = this.repo.addedAtOfPack(pack.id);
        this.repo.deletePack(pack.id);
        this.repo.insertPack(pack, now);
        for (const work of works) this.repo.insertWork(pack.id, work, addedAt.get(work.id) ?? now);
        alsoInTransaction?.();
        this.repo.bumpGeneration(now);
      })();
    } finally {
      // Whatever was read inside the transaction may have been rolled back.
      this.repo.forgetState();
    }
  }

  removePack(id: string, alsoInTransaction?: () => void): boolean {
    const existed = this.repo.getPack(id) !== undefined;
    if (!existed) return false;
    try {
      this.db.transaction(() => {
        alsoInTransaction?.();
        this.repo.deletePack(id);
        this.repo.bumpGeneration(this.now().toISOString());
      })();
    } finally {
      this.repo.forgetState();
    }
    return true;
  }
}
