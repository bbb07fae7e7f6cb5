-- Parcours installed from packs (format in docs/parcours.md). The validated parcours is
-- kept whole as JSON; the columns beside it are what lists sort on. Nothing here is
-- about visitors: their progress stays on their phone or on their paper.
CREATE TABLE parcours (
  id TEXT PRIMARY KEY,
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  -- The pack's folder (relative to <dataDir>/packs when inside it, else absolute).
  pack_dir TEXT NOT NULL,
  -- The parcours' own folder inside the pack (its pictures are relative to it).
  parcours_dir TEXT NOT NULL,
  body TEXT NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

CREATE INDEX parcours_pack ON parcours(pack_id);

-- A parcours of a pack that could not be installed: the rest of the pack still is, and
-- the animateur sees why in the admin area.
CREATE TABLE parcours_errors (
  pack_id TEXT NOT NULL,
  path TEXT NOT NULL,
  parcours_id TEXT,
  message TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE INDEX parcours_errors_pack ON parcours_errors(pack_id);
