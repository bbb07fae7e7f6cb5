-- lanterne: foreign-keys-off
-- Works may be offline encyclopaedias (one ZIM file read through kiwix-serve, issue 19).
-- SQLite cannot change a CHECK in place: the table is rebuilt (sqlite.org/lang_altertable.html,
-- "12 steps"), with foreign keys off so that dropping the old table deletes no author,
-- theme or file row; the runner checks the foreign keys before committing.

CREATE TABLE works_new (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  sort_title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  type TEXT NOT NULL CHECK (
    type IN ('book', 'audio', 'video', 'image', 'document', 'software', 'encyclopedia')
  ),
  licence TEXT NOT NULL,
  attribution TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  published TEXT,
  added_at TEXT NOT NULL,
  -- Relative to the pack folder; NULL when the work has no cover.
  cover_path TEXT,
  cover_mime TEXT
) STRICT;
INSERT INTO works_new (rowid, id, pack_id, title, sort_title, description, language, type,
  licence, attribution, source, published, added_at, cover_path, cover_mime)
SELECT rowid, id, pack_id, title, sort_title, description, language, type,
  licence, attribution, source, published, added_at, cover_path, cover_mime
FROM works;
DROP TABLE works;
ALTER TABLE works_new RENAME TO works;
CREATE INDEX works_added ON works (added_at DESC, rowid DESC);
CREATE INDEX works_type_added ON works (type, added_at DESC, rowid DESC);
CREATE INDEX works_lang_added ON works (language, added_at DESC, rowid DESC);
CREATE INDEX works_licence_added ON works (licence, added_at DESC, rowid DESC);
CREATE INDEX works_pack ON works (pack_id);
CREATE INDEX works_sort_title ON works (sort_title);
