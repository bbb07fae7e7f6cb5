/**
 * ZIM files in packs (issue 19): the one rule for which file of a work is its ZIM and
 * what a ZIM starts with. An `encyclopedia` item carries exactly one `.zim` file; no
 * other item carries any. The box never reads a ZIM itself: kiwix-serve does.
 */

/** The first four bytes of every ZIM file (magic number 72173914, little-endian). */
export const ZIM_MAGIC = Buffer.from([0x5a, 0x49, 0x4d, 0x04]);

export function isZimPath(file: string): boolean {
  return file.toLowerCase().endsWith('.zim');
}

/** The ZIM file of an encyclopaedia's files, when it has exactly one. */
export function zimOf<F extends { path: string }>(files: readonly F[]): F | undefined {
  const zims = files.filter((f) => isZimPath(f.path));
  return zims.length === 1 && files.length === 1 ? zims[0] : undefined;
}

/** What is wrong with an item's files for its type, or null. */
export function zimRuleBroken(
  type: string,
  files: ReadonlyArray<{ path: string }>,
): 'needs-one-zim' | 'zim-outside-encyclopedia' | null {
  if (type === 'encyclopedia') return zimOf(files) ? null : 'needs-one-zim';
  return files.some((f) => isZimPath(f.path)) ? 'zim-outside-encyclopedia' : null;
}
