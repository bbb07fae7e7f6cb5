import { z } from 'zod';
import { WORK_TYPES } from '../catalogue/types.js';

/** The file at the root of every pack (a folder, or a `.zip` of one). */
export const MANIFEST_FILE = 'lanterne-pack.json';
export const MANIFEST_FORMAT = 'lanterne-pack/1';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'lettres minuscules, chiffres et tirets seulement (64 au plus)',
  );
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 en hexadécimal (64 caractères)');
const text = (max: number) => z.string().trim().max(max);

/** A file of the pack: a relative POSIX path, its exact size and checksum. */
export const fileRefSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(512)
    .describe(
      'Chemin relatif au dossier du pack, avec des « / », sans « .. » (ex. livres/foret.epub)',
    ),
  size: z.number().int().min(0).describe('Taille exacte en octets'),
  sha256: sha256.describe('Empreinte SHA-256 du fichier, en hexadécimal minuscule'),
});

export const authorSchema = z.object({
  name: text(200).min(1),
  role: z
    .enum([
      'author',
      'translator',
      'illustrator',
      'narrator',
      'editor',
      'composer',
      'photographer',
      'director',
    ])
    .default('author'),
});

export const itemSchema = z.object({
  /** Unique in the pack; the work's id on the box is `<pack id>.<item id>`. */
  id,
  type: z
    .enum(WORK_TYPES)
    .describe(
      'Genre de l’œuvre ; « encyclopedia » : une encyclopédie ou un dictionnaire hors ligne, un seul fichier .zim (Kiwix)',
    ),
  title: text(300).min(1),
  authors: z.array(authorSchema).max(50).default([]),
  description: text(10_000).default(''),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'code de langue (fr, en, oc…)'),
  /** An SPDX id (`CC-BY-4.0`…) or `public-domain`. */
  licence: z
    .string()
    .min(1)
    .max(64)
    .describe('Identifiant SPDX (CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0…) ou public-domain'),
  /** The credit line visitors copy, e.g. "« Titre », Autrice, CC BY 4.0". */
  attribution: text(1000).min(1),
  themes: z.array(text(80).min(1)).max(20).default([]),
  source: text(1000).default(''),
  published: text(40).optional(),
  files: z.array(fileRefSchema).min(1).max(50),
  cover: fileRefSchema.optional(),
});

/** E-notices travel in packs as their own JSON documents (format in docs/notices.md). */
export const noticeRefSchema = fileRefSchema.extend({ id });

/** Parcours (learning paths) travel the same way (format in docs/parcours.md). */
export const parcoursRefSchema = fileRefSchema.extend({ id });

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  id,
  /** Dotted numbers, compared number by number: 1.10.0 is newer than 1.9.2. */
  version: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,6}){0,3}$/, 'version en nombres séparés par des points (1.0.2)'),
  title: text(200).min(1),
  description: text(5000).default(''),
  publisher: text(200).default(''),
  languages: z.array(z.string().min(2).max(12)).min(1).max(20),
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'date au format AAAA-MM-JJ'),
  items: z.array(itemSchema).max(100_000).default([]),
  notices: z.array(noticeRefSchema).max(10_000).default([]),
  parcours: z.array(parcoursRefSchema).max(10_000).default([]),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestItem = z.infer<typeof itemSchema>;
export type FileRef = z.infer<typeof fileRefSchema>;

/** -1, 0 or 1, comparing dotted version numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The published JSON Schema (docs/pack.schema.json is generated from this). */
export function manifestJsonSchema(): unknown {
  return {
    $id: 'https://lanterne.lan/docs/pack.schema.json',
    title: 'Manifeste de pack Lanterne (lanterne-pack.json)',
    description:
      'Un pack est un dossier (ou un .zip de ce dossier) avec ce fichier à sa racine. Chemins relatifs au dossier, séparés par « / ». Voir docs/packs.md.',
    ...(z.toJSONSchema(manifestSchema, { io: 'input' }) as Record<string, unknown>),
  };
}
