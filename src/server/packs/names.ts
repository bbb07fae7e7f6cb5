import path from 'node:path';

/**
 * File names inside a pack: what is allowed, and how names from macOS (NFD), FAT
 * (case-insensitive, CP437) and Windows are brought to one form (NFC) before comparing.
 */

/**
 * The longest name component the box's disk (ext4: 255 bytes) and an export stick
 * (FAT/exFAT: 255 UTF-16 units, never more than the UTF-8 bytes) can hold.
 */
export const MAX_COMPONENT_BYTES = 255;
/** Characters FAT and exFAT refuse in a name (the export stick must hold every name). */
const FAT_FORBIDDEN = /["*:<>?|]/;
/** A UTF-16 surrogate without its pair: it has no UTF-8 form (it would become U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The name a pack's file gets on the box, and on an export stick: NFC (macOS writes NFD).
 * Checks and copy both go through this, so what was checked is what is written.
 */
export function storedName(rel: string): string {
  return rel.normalize('NFC');
}

/**
 * Why a relative path from a manifest or a zip is refused, or null when it is fine.
 * Decided on the name as it will be stored (`storedName`), in bytes, with the rules of
 * ext4 (the box) and FAT/exFAT (an export stick): the copy never meets a name it cannot write.
 */
export function unsafePathReason(rel: string): string | null {
  if (rel.length === 0) return 'chemin vide';
  if (rel.includes('\0')) return 'caractère NUL';
  if (rel.includes('\\')) return 'barre oblique inverse « \\ »';
  if (rel.startsWith('/')) return 'chemin absolu';
  if (/^[A-Za-z]:/.test(rel)) return 'lettre de lecteur Windows';
  if (LONE_SURROGATE.test(rel)) return 'caractère invalide, sans équivalent UTF-8';
  // Control characters (C0, DEL and C1 such as U+009B) make names that terminals and
  // file managers show wrongly, or that act as escape sequences.
  for (const ch of rel) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f))
      return 'caractère de contrôle';
  }
  const parts = storedName(rel).split('/');
  for (const part of parts) {
    if (part === '..') return 'remonte avec « .. »';
    if (part === '' || part === '.') return 'élément vide ou « . »';
    if (Buffer.byteLength(part, 'utf8') > MAX_COMPONENT_BYTES)
      return `nom de plus de ${MAX_COMPONENT_BYTES} octets`;
    const fat = FAT_FORBIDDEN.exec(part);
    if (fat) return `caractère « ${fat[0]} », interdit sur une clé FAT`;
    if (/[. ]$/.test(part))
      return 'nom finissant par un point ou une espace, interdit sur une clé FAT';
  }
  return null;
}

/**
 * Where a checked name is written under `root`: the one function the copy uses. It
 * re-applies the rule, so a name that skipped the checks cannot be written either.
 */
export function storedPath(root: string, rel: string): string {
  const why = unsafePathReason(rel);
  if (why) throw new Error(`nom refusé (${why})`);
  return path.join(root, ...storedName(rel).split('/'));
}

/** The comparison key under which FAT and macOS would consider two names the same. */
export function clashKey(rel: string): string {
  return storedName(rel).toLowerCase().normalize('NFC');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes that claim to be UTF-8; null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Finds clashes in a set of names: two different names that are the same after NFC
 * normalisation and case folding. Returns pairs [name, earlier name].
 */
export function findClashes(names: Iterable<string>): Array<[string, string]> {
  const seen = new Map<string, string>();
  const clashes: Array<[string, string]> = [];
  for (const name of names) {
    const key = clashKey(name);
    const other = seen.get(key);
    if (other !== undefined && other !== name) clashes.push([name, other]);
    else seen.set(key, name);
  }
  return clashes;
}

/**
 * Finds a name used both for a file and for a folder (`Docs` and `docs/x`, or an explicit
 * folder entry `docs/` of a zip), under the same comparison as `findClashes`: no disk
 * can hold both. Returns [file, folder] or null.
 */
export function findFileFolderClash(
  files: Iterable<string>,
  folders: Iterable<string> = [],
): [string, string] | null {
  const dirs = new Map<string, string>();
  const fileList = [...files];
  for (const dir of folders) dirs.set(clashKey(dir), dir);
  for (const file of fileList) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(clashKey(dir))) dirs.set(clashKey(dir), dir);
    }
  }
  for (const file of fileList) {
    const dir = dirs.get(clashKey(file));
    if (dir !== undefined) return [file, `${dir}/`];
  }
  return null;
}
