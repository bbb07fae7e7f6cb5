-- The animateur's account (one per box) and admin sessions.

-- A single row: the box has one animateur password. No row means "not set up yet":
-- the box then prints a one-time set-up code at start.
CREATE TABLE admin_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- scrypt output and its salt, base64; params as JSON so they can be raised later.
  hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  params TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Only the sha256 of the session id is kept: a copy of the database opens no session.
CREATE TABLE admin_sessions (
  id_sha256 TEXT PRIMARY KEY,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
