/**
 * File names inside a pack: what is allowed, and how names from macOS (NFD), FAT
 * (case-insensitive, CP437) and Windows are brought to one form (NFC) before comparing.
 */

/** Why a relative path from a manifest or a zip is refused, or null when it is fine. */
export function unsafePathReason(rel: string): string | null {
  if (rel.length === 0) return 'chemin vide';
  if (rel.includes('\0')) return 'caractère NUL';
  if (rel.includes('\\')) return 'barre oblique inverse « \\ »';
  if (rel.startsWith('/')) return 'chemin absolu';
  if (/^[A-Za-z]:/.test(rel)) return 'lettre de lecteur Windows';
  // Control characters make names that terminals and file managers show wrongly.
  for (const ch of rel) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'caractère de contrôle';
  }
  const parts = rel.split('/');
  for (const part of parts) {
    if (part === '..') return 'remonte avec « .. »';
    if (part === '' || part === '.') return 'élément vide ou « . »';
  }
  return null;
}

/** The comparison key under which FAT and macOS would consider two names the same. */
export function clashKey(rel: string): string {
  return rel.normalize('NFC').toLowerCase().normalize('NFC');
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
