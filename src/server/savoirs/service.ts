import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { KiwixSupervisor } from './supervisor.js';

/** The box's one kiwix-serve, made on first use over the context. */
export const KIWIX = serviceKey(
  'savoirs',
  (ctx: Context) =>
    new KiwixSupervisor({
      port: ctx.config.kiwixPort,
      workDir: path.join(ctx.paths.dataDir, 'kiwix'),
    }),
);

/** The `.zim` files of the installed packs (one folder per pack under `packsDir`). */
export async function installedZims(packsDir: string): Promise<string[]> {
  const found: string[] = [];
  const packs = await readdir(packsDir, { withFileTypes: true }).catch(() => []);
  for (const pack of packs) {
    if (!pack.isDirectory() || pack.name.startsWith('.')) continue;
    const dir = path.join(packsDir, pack.name);
    const files = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const f of files) {
      if (f.isFile() && f.name.toLowerCase().endsWith('.zim')) {
        found.push(path.join(f.parentPath, f.name));
      }
    }
  }
  return found.sort();
}

/** Started with the box: serve the installed packs' ZIM files; stopped with it. */
export async function startSavoirs(ctx: Context): Promise<() => Promise<void>> {
  const sup = ctx.services.get(KIWIX);
  await sup.setZims(await installedZims(ctx.paths.packsDir));
  return () => sup.stop();
}
