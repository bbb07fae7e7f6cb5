import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchRows } from '../catalogue/repo/search.js';
import { toFtsQuery } from '../catalogue/text.js';
import { loadMigrations, migrate } from './migrate.js';
import { openDatabase, type Db } from './open.js';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-migrate-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'box.db'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function schema(db: Db): string[] {
  return (
    db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      )
      .all() as Array<{ type: string; name: string; sql: string | null }>
  ).map((r) => `${r.type} ${r.name} ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

describe('schema migrations', () => {
  const migrations = loadMigrations();
  const latest = migrations.at(-1)!.version;

  it('are numbered, unique and increasing', () => {
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations[0]!.version).toBe(1);
    migrations.forEach((m, i) => {
      if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1]!.version);
    });
  });

  it('build the whole schema from an empty database, with the pragmas on', () => {
    const db = freshDb();
    expect(migrate(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('upgrade from each previous version to the same schema, keeping the data', () => {
    const reference = freshDb();
    migrate(reference);
    const expected = schema(reference);
    reference.close();
    for (const from of migrations.slice(0, -1)) {
      const db = freshDb();
      expect(migrate(db, migrations, from.version)).toBe(from.version);
      // A pack and a work written by the old version must survive the upgrade.
      db.prepare(
        `INSERT INTO packs (id, version, title, dir, manifest_sha256, origin, installed_at)
         VALUES ('ancien', '1', 'Ancien pack', 'ancien@1', ?, 'local', '2026-01-01T00:00:00Z')`,
      ).run('0'.repeat(64));
      db.prepare(
        `INSERT INTO works (id, pack_id, title, sort_title, language, type, licence, attribution, added_at)
         VALUES ('ancien.un', 'ancien', 'Un', 'un', 'fr', 'book', 'CC0-1.0', 'Un, CC0', '2026-01-01T00:00:00Z')`,
      ).run();
      expect(migrate(db), `from ${from.version}`).toBe(latest);
      expect(schema(db), `from ${from.version}`).toEqual(expected);
      expect(db.prepare("SELECT title FROM works WHERE id = 'ancien.un'").get()).toEqual({
        title: 'Un',
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
  });

  it('rebuild the works table for encyclopaedias (070) without losing a work’s authors', () => {
    const db = freshDb();
    migrate(db, migrations, 57);
    db.prepare(
      `INSERT INTO packs (id, version, title, dir, manifest_sha256, origin, installed_at)
       VALUES ('ancien', '1', 'Ancien pack', 'ancien@1', ?, 'local', '2026-01-01T00:00:00Z')`,
    ).run('0'.repeat(64));
    const insert = (id: string, type: string) =>
      db
        .prepare(
          `INSERT INTO works (id, pack_id, title, sort_title, language, type, licence, attribution, added_at)
           VALUES (?, 'ancien', 'Un', 'un', 'fr', ?, 'CC0-1.0', 'Un, CC0', '2026-01-01T00:00:00Z')`,
        )
        .run(id, type);
    const { lastInsertRowid } = insert('ancien.un', 'book');
    db.prepare(`INSERT INTO work_authors (work_rowid, position, name) VALUES (?, 0, 'Anne')`).run(
      lastInsertRowid,
    );
    expect(() => insert('ancien.wiki', 'encyclopedia')).toThrow(/CHECK/);
    migrate(db);
    expect(db.prepare('SELECT name FROM work_authors').all()).toEqual([{ name: 'Anne' }]);
    insert('ancien.wiki', 'encyclopedia');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("DELETE FROM packs WHERE id = 'ancien'").run();
    expect(db.prepare('SELECT count(*) AS n FROM work_authors').get()).toEqual({ n: 0 });
    db.close();
  });

  it('rebuild the search index of a catalogue written before migration 075', () => {
    const db = freshDb();
    migrate(db, migrations, 57);
    db.exec(`INSERT INTO packs (id, version, title, dir, manifest_sha256, origin, installed_at)
        VALUES ('ancien', '1', 'Ancien pack', 'ancien@1', '${'0'.repeat(64)}', 'local', '2026-01-01');
      INSERT INTO works (rowid, id, pack_id, title, sort_title, description, language, type,
          licence, attribution, added_at)
        VALUES (1, 'ancien.foret', 'ancien', 'La Forêt d’été', 'foret', 'Un conte.', 'fr', 'audio',
          'CC-BY-4.0', 'x', '2026-01-01'),
        (2, 'ancien.autre', 'ancien', 'Autre', 'autre', 'Une forêt.', 'en', 'book',
          'CC0-1.0', 'x', '2026-01-01');
      INSERT INTO work_authors (work_rowid, position, name) VALUES (1, 0, 'Hélène Dupré');
      INSERT INTO themes (slug, label) VALUES ('contes', 'Contes');
      INSERT INTO work_themes (work_rowid, theme) VALUES (1, 'contes');
      INSERT INTO works_fts (rowid, title, authors, themes, description)
        VALUES (1, 'La Forêt d’été', 'Hélène Dupré', 'Contes', 'Un conte.');`);
    migrate(db);
    const search = new SearchRows(db);
    const ids = (q: string, filters = {}) =>
      search.search(toFtsQuery(q)!, filters, 10, 0).items.map((w) => w.id);
    expect(ids('foret')).toEqual(['ancien.foret', 'ancien.autre']);
    expect(ids('helene dup')).toEqual(['ancien.foret']);
    expect(ids('contes')).toEqual(['ancien.foret']);
    expect(ids('foret', { type: 'book' })).toEqual(['ancien.autre']);
    expect(ids('foret', { licence: 'CC-BY-4.0', theme: 'contes', language: 'fr' })).toEqual([
      'ancien.foret',
    ]);
    expect(ids('foret', { licence: 'CC-BY' })).toEqual([]);
    db.close();
  });

  it('do nothing when run again', () => {
    const db = freshDb();
    migrate(db);
    const before = schema(db);
    expect(migrate(db)).toBe(latest);
    expect(schema(db)).toEqual(before);
    db.close();
  });

  it('leave the database at the previous version when one fails half-way', () => {
    const db = freshDb();
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (x); SELECT nope FROM missing;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual(
      { n: 0 },
    );
    db.close();
  });
});
