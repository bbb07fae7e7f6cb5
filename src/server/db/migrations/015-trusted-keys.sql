-- Public keys the animateur trusts: packs signed by one of them import without approval.

CREATE TABLE trusted_keys (
  -- Raw ed25519 public key, base64 (44 characters).
  public_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

-- Packs the animateur has approved or rejected, by manifest checksum, so a stick that is
-- re-inserted is not asked about again.
CREATE TABLE pack_decisions (
  manifest_sha256 TEXT PRIMARY KEY,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  decided_at TEXT NOT NULL
) STRICT;

