/** The box's path for the encyclopaedias; kiwix-serve is told to live under it, so the
 * proxy passes URLs through unchanged (nothing rewritten). */
export const SAVOIRS_ROOT = '/savoirs';

/** The portal's list of the encyclopaedias (`/browse`, by type). */
export const ENCYCLOPAEDIAS = '/browse?type=encyclopedia';

/** One ZIM the box serves: the catalogue work it belongs to and its file on disk. */
export interface ZimBook {
  workId: string;
  /** kiwix-serve's name for it, hence its path under /savoirs (see `bookName`). */
  name: string;
  title: string;
  language: string;
  /** Absolute path of the pack's `.zim` file (checked to stay in its pack folder). */
  file: string;
}

/**
 * kiwix-serve names a book after its file, so the box gives each ZIM a link named after
 * its work: `pack.item` → `pack_item` (work ids never hold `_`, so names never clash).
 */
export function bookName(workId: string): string {
  return workId.replaceAll('.', '_');
}

/** Where a work's encyclopaedia opens on the box: its welcome page. */
export function bookUrl(workId: string): string {
  return `${SAVOIRS_ROOT}/${bookName(workId)}/`;
}

/** The same books, in the same order, from the same files. */
export function sameBooks(a: readonly ZimBook[], b: readonly ZimBook[]): boolean {
  return a.length === b.length && a.every((x, i) => x.name === b[i]?.name && x.file === b[i]?.file);
}
