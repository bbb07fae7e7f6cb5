-- Notices an animateur took away from visitors ("Retirer des visiteurs") without
-- removing their pack: the row hides the notice on the portal, the kiosk, the API and
-- print; deleting the row shows it again. The box's own notices are published and
-- unpublished by copying them out of their drafts (docs/notices.md), not here.
CREATE TABLE notice_hidden (
  notice_id TEXT PRIMARY KEY,
  at TEXT NOT NULL
) STRICT;
