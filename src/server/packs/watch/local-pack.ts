import { copyFile, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../../context.js';
import type { WorkType } from '../../catalogue/types.js';
import { importPack } from '../import.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  manifestSchema,
  type Manifest,
  type ManifestItem,
} from '../manifest.js';
import { attributionFor, bumpPatch } from '../tool/build.js';
import type { ExtractedAuthor } from '../tool/extract.js';
import { hashFile, slug, uniqueSlug } from '../tool/files.js';
import { manifestPaths } from '../tool/zip-write.js';
import type { ImportOutcome } from '../types.js';

/** The box's own pack: files from sticks that the animateur sorted by hand. */
export const LOCAL_PACK_ID = 'pack-local';

export interface LocalFile {
  /** The file on the stick (absolute). */
  from: string;
  type: WorkType;
  title: string;
  authors: ExtractedAuthor[];
  licence: string;
  language: string;
  /** Shown on the work's page (contributions carry their author's). */
  description?: string | undefined;
  cover?: { name: string; data: Buffer } | undefined;
}

async function installedManifest(
  ctx: Context,
): Promise<{ manifest: Manifest; dir: string } | undefined> {
  const pack = ctx.catalogue.repo.getPack(LOCAL_PACK_ID);
  if (!pack) return undefined;
  const dir = path.join(ctx.paths.packsDir, pack.dir);
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')),
    );
    return parsed.success ? { manifest: parsed.data, dir } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds files to the local pack: a new version is assembled in staging (the works
 * already published are hard-linked, not copied), then imported like any pack, so the
 * switch is just as atomic and the checksums just as checked.
 */
export async function publishLocal(
  ctx: Context,
  files: LocalFile[],
  libraryName: string,
): Promise<ImportOutcome> {
  const current = await installedManifest(ctx);
  await mkdir(ctx.paths.stagingDir, { recursive: true });
  const build = await mkdtemp(path.join(ctx.paths.stagingDir, 'local-build-'));
  try {
    const items: ManifestItem[] = [...(current?.manifest.items ?? [])];
    if (current) {
      for (const rel of new Set(manifestPaths(current.manifest))) {
        const target = path.join(build, rel);
        await mkdir(path.dirname(target), { recursive: true });
        await link(path.join(current.dir, rel), target).catch(() =>
          copyFile(path.join(current.dir, rel), target),
        );
      }
    }
    const taken = new Set(items.map((i) => i.id));
    await mkdir(path.join(build, 'files'), { recursive: true });
    for (const f of files) {
      const id = uniqueSlug(slug(path.basename(f.from, path.extname(f.from))), taken);
      const rel = `files/${id}${path.extname(f.from).toLowerCase()}`;
      await copyFile(f.from, path.join(build, rel));
      let cover: ManifestItem['cover'];
      if (f.cover) {
        const coverRel = `files/${id}-couverture${path.extname(f.cover.name).toLowerCase() || '.jpg'}`;
        await writeFile(path.join(build, coverRel), f.cover.data);
        cover = { path: coverRel, ...(await hashFile(path.join(build, coverRel))) };
      }
      items.push({
        id,
        type: f.type,
        title: f.title,
        authors: f.authors,
        description: f.description ?? '',
        language: f.language,
        licence: f.licence,
        attribution: attributionFor(
          f.title,
          f.authors.map((a) => a.name),
          f.licence,
        ),
        themes: [],
        source: '',
        files: [{ path: rel, ...(await hashFile(path.join(build, rel))) }],
        ...(cover ? { cover } : {}),
      });
    }
    const manifest = manifestSchema.parse({
      format: MANIFEST_FORMAT,
      id: LOCAL_PACK_ID,
      version: current ? bumpPatch(current.manifest.version) : '1.0.0',
      title: `Fonds local · ${libraryName}`,
      description: 'Documents ajoutés à la main par la bibliothèque.',
      publisher: libraryName,
      languages: [...new Set(items.map((i) => i.language.split('-')[0] ?? i.language))],
      created: ctx.clock.now().toISOString().slice(0, 10),
      items,
      notices: current?.manifest.notices ?? [],
      parcours: current?.manifest.parcours ?? [],
    });
    await writeFile(path.join(build, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return await importPack(ctx, { kind: 'folder', path: build, origin: 'local' });
  } finally {
    await rm(build, { recursive: true, force: true });
  }
}
