import { mimeOf } from '../core/mime.js';
import path from 'node:path';
import type { NewPack, NewWork } from '../catalogue/types.js';
import type { FileRef, Manifest, ManifestItem } from './manifest.js';
import type { PackOrigin } from './types.js';

/** The MIME type comes from the extension on the box, never from the pack. */
export { mimeOf };

function fileOf(ref: FileRef): NewWork['files'][number] {
  const rel = ref.path.normalize('NFC');
  return {
    path: rel,
    name: path.posix.basename(rel),
    format: path.posix.extname(rel).slice(1).toLowerCase(),
    mime: mimeOf(rel),
    size: ref.size,
    sha256: ref.sha256,
  };
}

/** A work's id on the box: `<pack id>.<item id>`. */
export function workId(packId: string, itemId: string): string {
  return `${packId}.${itemId}`;
}

export function toWork(packId: string, item: ManifestItem): NewWork {
  const cover = item.cover?.path.normalize('NFC') ?? null;
  return {
    id: workId(packId, item.id),
    title: item.title,
    description: item.description,
    language: item.language,
    type: item.type,
    licence: item.licence,
    attribution: item.attribution,
    source: item.source,
    published: item.published ?? null,
    authors: item.authors,
    themes: item.themes,
    files: item.files.map(fileOf),
    coverPath: cover,
    coverMime: cover ? mimeOf(cover) : null,
  };
}

export function toPack(
  manifest: Manifest,
  dir: string,
  manifestSha256: string,
  origin: PackOrigin,
): NewPack {
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    description: manifest.description,
    publisher: manifest.publisher,
    languages: manifest.languages,
    created: manifest.created,
    dir,
    manifestSha256,
    origin,
  };
}
