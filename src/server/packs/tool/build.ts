import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getLicence, isKnownLicence } from '../../catalogue/licences.js';
import { WORK_TYPES, type WorkType } from '../../catalogue/types.js';
import {
  compareVersions,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  manifestSchema,
  type Manifest,
  type ManifestItem,
} from '../manifest.js';
import { SIGNATURE_FILE } from '../trust/signature.js';
import { parseAuthors, parseList } from './authors.js';
import { METADATA_FILE, readCsv } from './csv.js';
import { hashFile, regularFileInside, scanFiles, slug, uniqueSlug } from './files.js';
import { writePackZip } from './zip-write.js';

export interface BuildOptions {
  id?: string | undefined;
  title?: string | undefined;
  version?: string | undefined;
  description?: string | undefined;
  publisher?: string | undefined;
  /** Language for rows that leave it empty. */
  language?: string | undefined;
  /** Also write the pack as a zip here. */
  zip?: string | undefined;
  today?: Date | undefined;
}

export interface BuildReport {
  ok: boolean;
  /** Blocking problems, each naming the sheet row: "ligne 3 (livre.epub) : …". */
  errors: string[];
  warnings: string[];
  manifest?: Manifest | undefined;
  manifestFile?: string | undefined;
  zipFile?: string | undefined;
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

export function attributionFor(title: string, authors: string[], licence: string): string {
  const name =
    licence === 'public-domain' ? 'domaine public' : (getLicence(licence)?.name ?? licence);
  return [`« ${title} »`, authors.join(', '), name].filter(Boolean).join(', ');
}

async function readExisting(root: string): Promise<Manifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(await readFile(path.join(root, MANIFEST_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function bumpPatch(version: string): string {
  const parts = version.split('.');
  while (parts.length < 3) parts.push('0');
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return parts.join('.');
}

/**
 * `lanterne pack build <dossier>`: checks metadata.csv row by row, computes sizes and
 * checksums and writes lanterne-pack.json. Refuses (and writes nothing) while a row
 * lacks a title or a licence a person has confirmed.
 */
export async function buildFolder(root: string, options: BuildOptions = {}): Promise<BuildReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const csvFile = path.join(root, METADATA_FILE);
  if (!existsSync(csvFile)) {
    return {
      ok: false,
      errors: [
        `Pas de ${METADATA_FILE} dans ${root} : lancez d'abord « lanterne pack init ${root} ».`,
      ],
      warnings,
    };
  }
  const rows = readCsv(await readFile(csvFile, 'utf8'));
  const taken = new Set(rows.map((r) => r.row.id).filter(Boolean));
  const seenIds = new Set<string>();
  const items: ManifestItem[] = [];
  for (const { line, row } of rows) {
    const where = `ligne ${line} (${row.file || 'sans nom de fichier'})`;
    const problems: string[] = [];
    const full = await regularFileInside(root, row.file);
    if (!full) problems.push(`fichier introuvable dans le dossier : « ${row.file} »`);
    if (row.title === '') problems.push('titre manquant : remplissez la colonne « title »');
    if (row.licence === '') {
      problems.push(
        row.note.startsWith('à confirmer')
          ? `licence à confirmer : ${row.note.replace(/^à confirmer\s*:\s*/, '')} — écrivez la licence dans la colonne « licence »`
          : 'licence manquante : écrivez la licence dans la colonne « licence » (ex. CC-BY-4.0, CC0-1.0, public-domain)',
      );
    } else if (!isKnownLicence(row.licence)) {
      problems.push(
        `licence inconnue « ${row.licence} » : utilisez un identifiant SPDX (CC-BY-SA-4.0, CC0-1.0…) ou public-domain`,
      );
    } else if (row.note.startsWith('à vérifier')) {
      warnings.push(`${where} : ${row.note}`);
    }
    const type = (row.type || 'document') as WorkType;
    if (!(WORK_TYPES as readonly string[]).includes(type))
      problems.push(`type inconnu « ${row.type} » (${WORK_TYPES.join(', ')})`);
    let language = row.language || options.language || '';
    if (language === '') {
      language = 'fr';
      warnings.push(`${where} : langue non indiquée, « fr » utilisé`);
    }
    if (!LANG.test(language))
      problems.push(`code de langue invalide « ${language} » (fr, en, oc…)`);
    const id =
      row.id ||
      uniqueSlug(slug(path.posix.basename(row.file, path.posix.extname(row.file))), taken);
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      problems.push(`identifiant invalide « ${id} » (minuscules, chiffres, tirets)`);
    else if (seenIds.has(id))
      problems.push(`identifiant « ${id} » déjà utilisé par une autre ligne`);
    seenIds.add(id);
    const { authors, unknownRoles } = parseAuthors(row.authors);
    if (unknownRoles.length > 0)
      problems.push(
        `rôle inconnu dans « authors » : ${unknownRoles.join(', ')} (auteur, traducteur, illustrateur, narrateur…)`,
      );
    let cover: ManifestItem['cover'];
    if (row.cover !== '') {
      const coverFile = await regularFileInside(root, row.cover);
      if (!coverFile) problems.push(`couverture introuvable : « ${row.cover} »`);
      else cover = { path: row.cover, ...(await hashFile(coverFile)) };
    }
    if (problems.length > 0 || !full) {
      errors.push(...problems.map((p) => `${where} : ${p}`));
      continue;
    }
    items.push({
      id,
      type,
      title: row.title,
      authors,
      description: row.description,
      language,
      licence: row.licence,
      attribution:
        row.attribution ||
        attributionFor(
          row.title,
          authors.map((a) => a.name),
          row.licence,
        ),
      themes: parseList(row.themes),
      source: row.source,
      files: [{ path: row.file, ...(await hashFile(full)) }],
      ...(cover ? { cover } : {}),
    });
  }
  const listed = new Set(rows.flatMap((r) => [r.row.file, r.row.cover]));
  for (const file of await scanFiles(root)) {
    if (!listed.has(file))
      warnings.push(
        `${file} : fichier absent de ${METADATA_FILE}, il ne sera pas dans le pack (relancez « init » pour l'ajouter)`,
      );
  }
  if (rows.length === 0)
    errors.push(`${METADATA_FILE} ne contient aucune ligne : le pack serait vide.`);
  if (errors.length > 0) return { ok: false, errors, warnings };

  const existing = await readExisting(root);
  const sameItems =
    existing !== undefined && JSON.stringify(existing.items) === JSON.stringify(items);
  let version = options.version ?? existing?.version ?? '1.0.0';
  if (!options.version && existing && !sameItems) version = bumpPatch(existing.version);
  if (options.version && existing && compareVersions(options.version, existing.version) < 0) {
    warnings.push(
      `la version ${options.version} est plus ancienne que ${existing.version} : une boîte qui a la ${existing.version} la refusera`,
    );
  }
  const folderName = path.basename(path.resolve(root));
  const manifestInput = {
    format: MANIFEST_FORMAT,
    id: options.id ?? existing?.id ?? slug(folderName),
    version,
    title: options.title ?? existing?.title ?? folderName,
    description: options.description ?? existing?.description ?? '',
    publisher: options.publisher ?? existing?.publisher ?? '',
    languages: [...new Set(items.map((i) => i.language.split('-')[0] ?? i.language))],
    created: (options.today ?? new Date()).toISOString().slice(0, 10),
    items,
    notices: existing?.notices ?? [],
    parcours: existing?.parcours ?? [],
  };
  if (sameItems && existing) manifestInput.created = existing.created;
  const parsed = manifestSchema.safeParse(manifestInput);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `manifeste : ${i.path.join('.') || '(racine)'} : ${i.message}`,
      ),
      warnings,
    };
  }
  const manifestFile = path.join(root, MANIFEST_FILE);
  const tmp = `${manifestFile}.tmp`;
  await writeFile(tmp, `${JSON.stringify(parsed.data, null, 2)}\n`);
  await rename(tmp, manifestFile);
  if (existsSync(path.join(root, SIGNATURE_FILE)) && !sameItems) {
    await rm(path.join(root, SIGNATURE_FILE));
    warnings.push(
      "le manifeste a changé : l'ancienne signature a été retirée, signez à nouveau (« lanterne pack sign »)",
    );
  }
  const report: BuildReport = { ok: true, errors, warnings, manifest: parsed.data, manifestFile };
  if (options.zip) report.zipFile = await writePackZip(root, parsed.data, options.zip);
  return report;
}
