import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FORMAT, type Manifest, manifestSchema } from '../../src/server/packs/manifest.js';
import { AUTHOR } from './licences.js';
import { sha256 } from './outputs.js';
import type { Work } from './works.js';

export interface BuiltItem {
  work: Work;
  /** Relative to the pack folder. */
  files: string[];
  cover: string;
  attribution: string;
}

function fileRef(contentDir: string, rel: string): { path: string; size: number; sha256: string } {
  const data = readFileSync(path.join(contentDir, rel));
  return { path: rel, size: data.length, sha256: sha256(data) };
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The starter e-notices live in `content/notices/<id>/notice.json` and the starter
 * parcours in `content/parcours/<id>/parcours.json` (written by hand, not by this
 * builder). Only the JSON is listed: its pictures are listed, with their own checksums,
 * inside the document itself.
 */
function scanDocuments(contentDir: string, folder: string, file: string): Manifest['notices'] {
  const dir = path.join(contentDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(
      (name) =>
        statSync(path.join(dir, name)).isDirectory() && existsSync(path.join(dir, name, file)),
    )
    .sort()
    .map((name) => {
      const rel = `${folder}/${name}/${file}`;
      const parsed: unknown = JSON.parse(readFileSync(path.join(contentDir, rel), 'utf8'));
      const declared =
        typeof parsed === 'object' && parsed !== null && 'id' in parsed
          ? (parsed as { id: unknown }).id
          : undefined;
      const id = typeof declared === 'string' && ID.test(declared) ? declared : name;
      if (!ID.test(id)) throw new Error(`${rel}: "${id}" n'est pas un identifiant valable`);
      return { id, ...fileRef(contentDir, rel) };
    });
}

export function scanNotices(contentDir: string): Manifest['notices'] {
  return scanDocuments(contentDir, 'notices', 'notice.json');
}

export function scanParcours(contentDir: string): Manifest['parcours'] {
  return scanDocuments(contentDir, 'parcours', 'parcours.json');
}

export function buildManifest(contentDir: string, built: BuiltItem[], created: string): Manifest {
  const manifest = {
    format: MANIFEST_FORMAT,
    id: 'lanterne-demo',
    version: '1.0.0',
    title: 'Lanterne : pack de découverte',
    description:
      'Des livres, des images, des sons, une vidéo et des fiches à imprimer, écrits et dessinés par le Projet Lanterne pour découvrir la boîte dès son premier démarrage. Tout est sous licence libre.',
    publisher: AUTHOR,
    languages: ['fr', 'en'],
    created,
    items: built.map(({ work, files, cover, attribution }) => ({
      id: work.id,
      type: work.type,
      title: work.title,
      authors: [{ name: AUTHOR, role: 'author' as const }],
      description: work.description,
      language: work.language,
      licence: work.licence,
      attribution,
      themes: work.themes,
      // Shown to visitors as the work's source: words for them, not for developers.
      source: 'Créé pour Lanterne, la boîte de culture libre de la bibliothèque.',
      published: created,
      files: files.map((rel) => fileRef(contentDir, rel)),
      cover: fileRef(contentDir, cover),
    })),
    notices: scanNotices(contentDir),
    parcours: scanParcours(contentDir),
  };
  // Fail the build, not the box's first start, if the manifest is wrong.
  return manifestSchema.parse(manifest);
}
