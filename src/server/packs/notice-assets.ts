import path from 'node:path';
import { decodeUtf8, unsafePathReason } from './names.js';

/** The notices feature refuses larger notice documents; no need to read more. */
export const MAX_NOTICE_BYTES = 512 * 1024;

export interface AssetRef {
  /** Relative to the pack folder (NFC). */
  path: string;
  sha256: string;
}

/**
 * The pictures and recordings an e-notice names beside it (`{path, sha256}` objects
 * anywhere in its JSON, relative to the notice's folder), so the import copies them
 * with the notice. Anything unreadable or outside the pack is simply not collected:
 * the notices hook then reports that notice as broken, and the rest of the pack loads.
 */
export function noticeAssets(noticePath: string, bytes: Buffer): AssetRef[] {
  const text = bytes.length <= MAX_NOTICE_BYTES ? decodeUtf8(bytes) : null;
  if (text === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const base = path.posix.dirname(noticePath);
  const found = new Map<string, AssetRef>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const p = record['path'];
    const sha = record['sha256'];
    if (
      typeof p === 'string' &&
      typeof sha === 'string' &&
      /^[0-9a-f]{64}$/.test(sha) &&
      !unsafePathReason(p)
    ) {
      const rel = (base === '.' ? p : `${base}/${p}`).normalize('NFC');
      if (!unsafePathReason(rel)) found.set(rel, { path: rel, sha256: sha });
    }
    for (const v of Object.values(record)) visit(v, depth + 1);
  };
  visit(data, 0);
  return [...found.values()];
}
