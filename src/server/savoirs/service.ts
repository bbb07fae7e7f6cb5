import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import type { PackHook } from '../packs/types.js';
import { zimOf } from '../packs/zim.js';
import { bookName, sameBooks, type ZimBook } from './library.js';
import { KIWIX, type KiwixSupervisor } from './supervisor.js';

/** At most this many encyclopaedias are served (a box holds a handful). */
const MAX_BOOKS = 100;

/**
 * The catalogue's encyclopaedias, as kiwix-serve is to serve them: each `encyclopedia`
 * work and its one `.zim` file, found through the same file desk as downloads (so the
 * path is checked to stay inside its pack folder).
 */
export function encyclopedias(ctx: Context): ZimBook[] {
  const works = ctx.catalogue.find({ type: 'encyclopedia', order: 'title', pageSize: MAX_BOOKS });
  const books: ZimBook[] = [];
  for (const summary of works.items) {
    const work = ctx.catalogue.work(summary.id);
    const zim = work && zimOf(work.files);
    const found = zim && ctx.files.locate('files', work.id, String(zim.position));
    if (!work || !found) continue;
    books.push({
      workId: work.id,
      name: bookName(work.id),
      title: work.title,
      language: work.language,
      file: found.full,
    });
  }
  return books;
}

/**
 * Keeps kiwix-serve's library in step with the catalogue: once started with the box,
 * every pack import or removal that changes the encyclopaedias regenerates it and
 * restarts kiwix-serve (after the commit; a pack without ZIM changes nothing).
 */
export class Savoirs {
  private started = false;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: Context) {}

  private get sup(): KiwixSupervisor {
    return this.ctx.services.get(KIWIX);
  }

  async start(): Promise<void> {
    this.started = true;
    await this.sup.setBooks(encyclopedias(this.ctx));
  }

  /** Resolves once the library reflects the catalogue (what tests and the admin wait on). */
  settled(): Promise<void> {
    return this.pending;
  }

  /** Called by the pack hook inside the transaction: looks again once it has committed. */
  changed(): void {
    if (!this.started) return;
    this.pending = this.pending
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        const books = encyclopedias(this.ctx);
        if (!sameBooks(books, this.sup.books())) await this.sup.setBooks(books);
      })
      .catch((err: unknown) => this.ctx.log.error(`Encyclopédies : ${String(err)}`));
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.pending;
    await this.sup.stop();
  }

  packHook(): PackHook {
    return { name: 'savoirs', install: () => this.changed(), remove: () => this.changed() };
  }
}

export const SAVOIRS = serviceKey('savoirs-library', (ctx: Context) => new Savoirs(ctx));

/** Started with the box: serve the catalogue's encyclopaedias; stopped with it. */
export async function startSavoirs(ctx: Context): Promise<() => Promise<void>> {
  const savoirs = ctx.services.get(SAVOIRS);
  await savoirs.start();
  return () => savoirs.stop();
}
