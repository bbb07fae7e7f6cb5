-- Which signing keys may update a pack without asking: the trusted key that first
-- installed it, and the keys the animateur linked to it by approving a version they
-- signed. A newer version signed by any other key waits for the animateur.

CREATE TABLE pack_owners (
  pack_id TEXT NOT NULL,
  -- Raw ed25519 public key, base64 (44 characters), as in trusted_keys.
  public_key TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (pack_id, public_key)
) STRICT;
