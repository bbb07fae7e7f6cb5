-- Works visitors propose (docs/contributions.md). The file waits in data/contributions
-- until an animateur publishes it (it then joins the local pack) or refuses it. Nothing
-- here identifies the visitor: no address, no user agent; the receipt code is kept only
-- as its SHA-256.
CREATE TABLE contributions (
  id TEXT PRIMARY KEY,
  receipt_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'published', 'refused')),
  kind TEXT NOT NULL CHECK (kind IN ('image', 'text', 'audio', 'pdf', 'epub')),
  file TEXT NOT NULL,
  size INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  author TEXT NOT NULL,
  licence TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  work_id TEXT,
  -- Readers' "merci": once per device per day (deduplicated in memory only).
  thanks INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL,
  decided TEXT
) STRICT;
CREATE INDEX contributions_status ON contributions (status, created);
CREATE INDEX contributions_work ON contributions (work_id);
