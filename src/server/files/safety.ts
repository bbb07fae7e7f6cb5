import path from 'node:path';

/** Ids of works and packs: lower-case letters, digits, dots and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,159}$/;

/**
 * Joins a stored relative path onto its folder and refuses anything that would land
 * outside it (`..`, absolute paths, backslashes, NUL). Returns null when refused.
 */
export function containedPath(root: string, relative: string): string | null {
  if (!relative || relative.includes('\0') || relative.includes('\\') || path.isAbsolute(relative))
    return null;
  const full = path.resolve(root, relative);
  const rel = path.relative(root, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

/** Types a browser may show inline without running anything from the file. */
const INLINE_SAFE =
  /^(image\/(jpeg|png|gif|webp|avif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|application\/pdf|text\/plain)$/;

export function isInlineSafe(mime: string): boolean {
  return INLINE_SAFE.test(mime.split(';')[0]?.trim() ?? '');
}

/** For pack content shown inline anyway (SVG covers): nothing in it may run or load. */
export const UNTRUSTED_CSP =
  "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
