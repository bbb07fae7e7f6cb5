import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { containedPath } from '../files/safety.js';
import type { FileRef } from './manifest.js';
import { MAX_NOTICE_BYTES } from './notice-assets.js';

/**
 * The JSON documents features keep in packs (e-notices, parcours), read the one way:
 * inside the pack, not too heavy, the checksum the manifest gives, and the files they
 * name beside them (`{path, sha256}`) inside the pack with their own checksums. Each
 * answer is a plain-French reason, for the admin's list of what was skipped.
 */
export interface DocumentWords {
  /** "de notice", "de parcours" */
  of: string;
  /** "notice trop lourde", "parcours trop lourd" */
  tooHeavy: string;
  /** "de la notice", "du parcours" */
  ofThe: string;
}

export type DocumentRead = { ok: true; text: string; file: string } | { ok: false; error: string };

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function readPackDocument(
  packDir: string,
  ref: Pick<FileRef, 'path' | 'sha256'>,
  words: DocumentWords,
): DocumentRead {
  const file = containedPath(packDir, ref.path);
  if (!file) return { ok: false, error: `chemin ${words.of} refusé (il sort du pack)` };
  if (!existsSync(file) || !statSync(file).isFile())
    return { ok: false, error: `fichier ${words.of} introuvable dans le pack` };
  const size = statSync(file).size;
  if (size > MAX_NOTICE_BYTES)
    return { ok: false, error: `${words.tooHeavy} (${size} octets, 512 Kio au plus)` };
  const raw = readFileSync(file);
  if (createHash('sha256').update(raw).digest('hex') !== ref.sha256) {
    return {
      ok: false,
      error: `l’empreinte SHA-256 ${words.ofThe} ne correspond pas au manifeste (fichier abîmé ou modifié)`,
    };
  }
  return { ok: true, text: raw.toString('utf8'), file };
}

/**
 * Checks the files a document names, relative to its folder: inside the pack (not only
 * inside the document's folder), present, with the checksum written. Null when all is well.
 */
export function checkDocumentFiles(
  packDir: string,
  documentDir: string,
  files: Array<{ path: string; sha256: string; where: string }>,
): string | null {
  for (const f of files) {
    const full = containedPath(documentDir, f.path);
    if (!full || !containedPath(packDir, path.relative(packDir, full)))
      return `${f.where} : chemin refusé (${f.path})`;
    if (!existsSync(full)) return `${f.where} : fichier manquant (${f.path})`;
    if (sha256File(full) !== f.sha256)
      return `${f.where} : empreinte SHA-256 fausse pour ${f.path}`;
  }
  return null;
}

/** Where a pack's folder is kept in the database: relative to the packs folder when inside it. */
export function storedPackDir(packsDir: string, packDir: string): string {
  const rel = path.relative(packsDir, packDir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : packDir;
}

/** The absolute folder of a document from what `storedPackDir` kept and its own folder. */
export function documentDir(packsDir: string, storedDir: string, ownDir: string): string {
  const packDir = path.isAbsolute(storedDir) ? storedDir : path.join(packsDir, storedDir);
  return ownDir ? path.join(packDir, ownDir) : packDir;
}
