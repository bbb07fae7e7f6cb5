-- E-notices installed from packs (format in docs/notices.md). The validated notice is
-- kept whole as JSON; the columns beside it are what lists filter and sort on.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  -- The pack's folder (relative to <dataDir>/packs when inside it, else absolute).
  pack_dir TEXT NOT NULL,
  -- The notice's own folder inside the pack (its pictures are relative to it).
  notice_dir TEXT NOT NULL,
  body TEXT NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

CREATE INDEX notices_pack ON notices(pack_id);

-- A notice of a pack that could not be installed: the rest of the pack still is, and
-- the animateur sees why in the admin area.
CREATE TABLE notice_errors (
  pack_id TEXT NOT NULL,
  path TEXT NOT NULL,
  notice_id TEXT,
  message TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE INDEX notice_errors_pack ON notice_errors(pack_id);

-- "Cette notice vous a-t-elle aidé ?": counts only, nothing about who answered.
CREATE TABLE notice_feedback (
  notice_id TEXT NOT NULL,
  face TEXT NOT NULL CHECK (face IN ('yes', 'neutral', 'no')),
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (notice_id, face)
) STRICT;
