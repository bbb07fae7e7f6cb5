-- The catalogue: packs, their works, the works' files, and the full-text index.

CREATE TABLE packs (
  id TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  created TEXT,
  -- Folder under <dataDir>/packs holding this version's files.
  dir TEXT NOT NULL UNIQUE,
  manifest_sha256 TEXT NOT NULL,
  -- 'bundled' (./content), 'usb', 'upload' or 'local' (made on the box).
  origin TEXT NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

CREATE TABLE works (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  sort_title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('book', 'audio', 'video', 'image', 'document', 'software')),
  licence TEXT NOT NULL,
  attribution TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  published TEXT,
  added_at TEXT NOT NULL,
  -- Relative to the pack folder; NULL when the work has no cover.
  cover_path TEXT,
  cover_mime TEXT
) STRICT;
CREATE INDEX works_added ON works (added_at DESC, rowid DESC);
CREATE INDEX works_type_added ON works (type, added_at DESC, rowid DESC);
CREATE INDEX works_lang_added ON works (language, added_at DESC, rowid DESC);
CREATE INDEX works_licence_added ON works (licence, added_at DESC, rowid DESC);
CREATE INDEX works_pack ON works (pack_id);
CREATE INDEX works_sort_title ON works (sort_title);

CREATE TABLE work_authors (
  work_rowid INTEGER NOT NULL REFERENCES works(rowid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'author',
  PRIMARY KEY (work_rowid, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE themes (
  slug TEXT PRIMARY KEY,
  label TEXT NOT NULL
) STRICT;

CREATE TABLE work_themes (
  work_rowid INTEGER NOT NULL REFERENCES works(rowid) ON DELETE CASCADE,
  theme TEXT NOT NULL REFERENCES themes(slug),
  PRIMARY KEY (work_rowid, theme)
) STRICT, WITHOUT ROWID;
CREATE INDEX work_themes_theme ON work_themes (theme, work_rowid);

CREATE TABLE work_files (
  work_rowid INTEGER NOT NULL REFERENCES works(rowid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (work_rowid, position)
) STRICT, WITHOUT ROWID;

-- Accents and case folded (forêt = foret = FORET); prefixes of 2 and 3 letters indexed
-- so typing-as-you-go stays fast at 100k works.
CREATE VIRTUAL TABLE works_fts USING fts5(
  title, authors, themes, description,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- Key/value settings the animateur changes in the admin area (library name, hours…).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Bumped on every catalogue change; caches and feeds use it as their version.
CREATE TABLE catalogue_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
INSERT INTO catalogue_state (id, generation, changed_at) VALUES (1, 0, '1970-01-01T00:00:00.000Z');
