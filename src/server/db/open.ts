import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Opens the box's database with the pragmas every connection needs.
 * WAL + synchronous=NORMAL keeps the file consistent on power loss (the last commits
 * may roll back, never half-apply), which is what an SD card in a library needs.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A small page cache keeps RSS low on a Pi; the OS page cache does the rest. The first
  // page's facet counts over 100k works fill any size up to ~8 MB; 2 MB searches as fast.
  db.pragma('cache_size = -2000');
  db.pragma('temp_store = MEMORY');
  return db;
}
