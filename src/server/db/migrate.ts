import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths.js';
import type { Db } from './open.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;
/**
 * First line of a migration that rebuilds a table other tables point to: foreign keys
 * are off while it runs (a pragma SQLite ignores inside a transaction), and checked
 * before it commits.
 */
const FOREIGN_KEYS_OFF = '-- lanterne: foreign-keys-off';

/** The migrations folder ships as SQL beside the sources (`src/server/db/migrations`). */
export function migrationsDir(): string {
  // Built (bundled in dist/server) or run from the sources: the SQL ships as source.
  return path.join(appRoot(), 'src/server/db/migrations');
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) return null;
      return {
        version: Number(match[1]),
        name: match[2] ?? '',
        sql: readFileSync(path.join(dir, file), 'utf8'),
      };
    })
    .filter((m): m is Migration => m !== null)
    .sort((a, b) => a.version - b.version);
  // Features own number ranges (catalogue 001+, packs 010+, notices 020+, admin 030+,
  // statistics 040+), so numbers must be unique and increasing but need not be contiguous.
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && previous.version === m.version) {
      throw new Error(`Two migrations share number ${m.version}`);
    }
  });
  return migrations;
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own
 * transaction, so a power cut leaves the database at one numbered version or the next.
 * `upTo` stops early (used by the tests that upgrade from each previous version).
 */
export function migrate(db: Db, migrations = loadMigrations(), upTo = Infinity): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    const keysOff = m.sql.startsWith(FOREIGN_KEYS_OFF);
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0)
          throw new Error(`Migration ${m.version} leaves rows pointing nowhere`);
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (keysOff) db.pragma('foreign_keys = ON');
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}
