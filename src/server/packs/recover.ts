import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { withPackLock } from './import.js';
import { clearUploads } from './upload.js';

export interface Recovery {
  stagingCleared: number;
  orphansRemoved: string[];
  /** Packs whose folder is missing (should never happen: the folder is renamed in before the commit). */
  missingDirs: string[];
}

/**
 * Puts the disk back in line with the catalogue after a crash or power cut: empties
 * staging (imports that never reached their commit) and deletes folders under `packs/`
 * that no pack row references (a new version renamed in but never committed, or an old
 * version whose deletion was cut short). The database is the truth.
 */
export function recoverPacks(ctx: Context): Promise<Recovery> {
  return withPackLock(ctx, async () => {
    const result: Recovery = { stagingCleared: 0, orphansRemoved: [], missingDirs: [] };
    await mkdir(ctx.paths.stagingDir, { recursive: true });
    for (const name of await readdir(ctx.paths.stagingDir)) {
      await rm(path.join(ctx.paths.stagingDir, name), { recursive: true, force: true });
      result.stagingCleared += 1;
    }
    await mkdir(ctx.paths.packsDir, { recursive: true });
    const referenced = new Set(ctx.catalogue.repo.packDirs());
    for (const name of await readdir(ctx.paths.packsDir)) {
      if (referenced.has(name)) continue;
      await rm(path.join(ctx.paths.packsDir, name), { recursive: true, force: true });
      result.orphansRemoved.push(name);
    }
    await clearUploads(ctx);
    for (const dir of referenced) {
      if (!existsSync(path.join(ctx.paths.packsDir, dir))) result.missingDirs.push(dir);
    }
    if (result.stagingCleared + result.orphansRemoved.length > 0) {
      ctx.log.info(
        `Reprise après interruption : ${result.stagingCleared} import(s) inachevé(s) et ${result.orphansRemoved.length} dossier(s) orphelin(s) nettoyés.`,
      );
    }
    for (const dir of result.missingDirs)
      ctx.log.warn(`Le dossier du pack « ${dir} » a disparu du disque.`);
    return result;
  });
}
