import type { Db } from '../db/open.js';
import { CatalogueCounts } from './counts.js';
import { PackRows } from './repo/packs.js';
import { SearchRows } from './repo/search.js';
import { CatalogueState } from './repo/state.js';
import { WorkRows } from './repo/works.js';
import type { FtsQuery } from './text.js';
import type {
  Filters,
  NewPack,
  NewWork,
  Pack,
  Page,
  Theme,
  Work,
  WorkFile,
  WorkSummary,
  WorkType,
} from './types.js';

/**
 * The catalogue's storage, one object per database handle: packs (`repo/packs.ts`),
 * works (`repo/works.ts`), full-text search (`repo/search.ts`), the generation
 * (`repo/state.ts`) and the counts remembered per generation (`counts.ts`).
 * Features outside the catalogue should go through `CatalogueService` instead.
 */
export class CatalogueRepo {
  readonly packs: PackRows;
  readonly works: WorkRows;
  readonly searchRows: SearchRows;
  readonly generation: CatalogueState;
  readonly counts: CatalogueCounts;

  constructor(db: Db) {
    this.packs = new PackRows(db);
    this.works = new WorkRows(db);
    this.searchRows = new SearchRows(db);
    this.generation = new CatalogueState(db);
    this.counts = new CatalogueCounts(this.works, () => this.generation.current().generation);
  }

  insertPack(pack: NewPack, installedAt: string): void {
    this.packs.insert(pack, installedAt);
  }

  /** Removes a pack's works (with their files, authors, themes and index rows) and the pack. */
  deletePack(id: string): void {
    this.works.deleteOfPack(id);
    this.packs.delete(id);
  }

  deleteWorksOfPack(id: string): void {
    this.works.deleteOfPack(id);
  }

  /** When each work of a pack was first added, so a new pack version keeps "date added". */
  addedAtOfPack(id: string): Map<string, string> {
    return this.works.addedAtOfPack(id);
  }

  getPack(id: string): Pack | undefined {
    return this.packs.get(id);
  }

  listPacks(): Pack[] {
    return this.packs.list();
  }

  packDirs(): string[] {
    return this.packs.dirs();
  }

  insertWork(packId: string, work: NewWork, addedAt: string): void {
    this.works.insert(packId, work, addedAt);
  }

  bumpGeneration(now: string): void {
    this.generation.bump(now);
  }

  state(): { generation: number; changedAt: string } {
    return this.generation.current();
  }

  forgetState(): void {
    this.generation.forget();
  }

  getWork(id: string): Work | undefined {
    return this.works.get(id);
  }

  getFile(workId: string, position: number): (WorkFile & { dir: string }) | undefined {
    return this.works.file(workId, position);
  }

  getCover(workId: string): { path: string; mime: string; dir: string } | undefined {
    return this.works.cover(workId);
  }

  /** Works in a stable order: newest first, or by title (the total remembered). */
  list(filters: Filters, order: 'new' | 'title', limit: number, offset: number): Page<WorkSummary> {
    const items = this.works.page(filters, order, limit, offset);
    return { items, total: this.counts.total(filters), offset, limit };
  }

  /** Ranked full-text search over every match; `query` comes from `toFtsQuery` (see `SearchRows`). */
  search(query: FtsQuery, filters: Filters, limit: number, offset: number): Page<WorkSummary> {
    return this.searchRows.search(query, filters, limit, offset);
  }

  themes(): Array<Theme & { count: number }> {
    return this.counts.themes();
  }

  theme(slug: string): Theme | undefined {
    return this.works.theme(slug);
  }

  languages(): Array<{ language: string; count: number }> {
    return this.counts.languages();
  }

  types(): Array<{ type: WorkType; count: number }> {
    return this.counts.types();
  }

  licences(): Array<{ licence: string; count: number }> {
    return this.counts.licences();
  }
}
