import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';

/** Where the box keeps things on disk; derived once from the config. */
export interface Paths {
  /** The repository / install root (holds `src`, `dist`, `content`). */
  appRoot: string;
  dataDir: string;
  dbFile: string;
  /** Imported packs, one folder per installed pack version. */
  packsDir: string;
  /** Work in progress of imports; emptied at every start. */
  stagingDir: string;
  /** The bundled demo pack (and any pack shipped with the box). */
  contentDir: string;
  /** The built kiosk application (Vite output). */
  kioskDist: string;
  /** Static assets of the portal (CSS, icons). */
  assetsDir: string;
}

export function appRoot(): string {
  // src/server/paths.ts and dist/server/paths.js both sit two levels below the root.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

export function makePaths(config: Config, root = appRoot()): Paths {
  return {
    appRoot: root,
    dataDir: config.dataDir,
    dbFile: path.join(config.dataDir, 'lanterne.db'),
    packsDir: path.join(config.dataDir, 'packs'),
    stagingDir: path.join(config.dataDir, 'staging'),
    contentDir: config.contentDir,
    kioskDist: path.join(root, 'dist', 'kiosk'),
    assetsDir: path.join(root, 'src', 'server', 'ui', 'assets'),
  };
}
