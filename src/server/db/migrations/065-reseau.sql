-- The network of boxes (issue 20, docs/reseau.md): this box's role once the animateur
-- turned the network on, and the boxes it accepts (Syncthing refuses any other).
CREATE TABLE reseau_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'member')),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE reseau_peers (
  device_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- 'dynamic' (found on the local network) or tcp://host:port.
  address TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;
