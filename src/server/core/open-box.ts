import { rmSync } from 'node:fs';
import type { Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { FEATURES } from '../features.js';
import { createLogger, type Logger } from '../log.js';
import { makePaths } from '../paths.js';
import { systemClock, type Clock } from './clock.js';

export interface OpenBoxOptions {
  config: Config;
  clock?: Clock | undefined;
  log?: Logger | undefined;
  /** The install root (holds `src`, `dist`); the running code's own by default. */
  appRoot?: string | undefined;
  /**
   * Empties `data/staging` first: anything left there is an import a power cut or a
   * crash interrupted. Only the box's own process does this (`main.ts`).
   */
  emptyStaging?: boolean | undefined;
}

export interface OpenBox {
  ctx: Context;
  /** The schema version after migrating. */
  schemaVersion: number;
  /** Closes the database (the caller stops servers and starters first). */
  close(): void;
}

/**
 * The one way to open a box: config → paths → database → migrations → context. Used
 * by `main.ts`, the test helper, the kill-test child and the benchmarks.
 */
export function openBox(options: OpenBoxOptions): OpenBox {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const paths = options.appRoot ? makePaths(config, options.appRoot) : makePaths(config);
  const db = openDatabase(paths.dbFile);
  const schemaVersion = migrate(db);
  if (options.emptyStaging) rmSync(paths.stagingDir, { recursive: true, force: true });
  const deps = { config, db, paths, clock: options.clock ?? systemClock, log };
  const ctx = createContext(deps, FEATURES);
  return { ctx, schemaVersion, close: () => db.close() };
}
