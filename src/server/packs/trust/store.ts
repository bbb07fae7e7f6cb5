import type { Db } from '../../db/open.js';
import { isPublicKeyText, type TrustedKey } from './signature.js';

export interface StoredKey extends TrustedKey {
  addedAt: string;
}

/** The trusted public keys (table `trusted_keys`), edited by the animateur. */
export class TrustStore {
  private readonly listStmt;
  private readonly addStmt;
  private readonly removeStmt;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.listStmt = db.prepare(
      'SELECT name, public_key AS publicKey, added_at AS addedAt FROM trusted_keys ORDER BY name',
    );
    this.addStmt = db.prepare(
      'INSERT INTO trusted_keys (public_key, name, added_at) VALUES (?, ?, ?) ON CONFLICT (public_key) DO UPDATE SET name = excluded.name',
    );
    this.removeStmt = db.prepare('DELETE FROM trusted_keys WHERE public_key = ?');
  }

  list(): StoredKey[] {
    return this.listStmt.all() as StoredKey[];
  }

  /** Adds (or renames) a key; returns a French message when the input is not usable. */
  add(name: string, publicKey: string): { ok: true } | { ok: false; message: string } {
    const cleanName = name.trim();
    const key = publicKey.trim();
    if (cleanName === '' || cleanName.length > 100)
      return { ok: false, message: 'Donnez un nom à la clé (100 caractères au plus).' };
    if (!isPublicKeyText(key)) {
      return {
        ok: false,
        message:
          "Cette clé publique n'est pas valable : collez les 44 caractères affichés par « lanterne pack keygen ».",
      };
    }
    this.addStmt.run(key, cleanName, this.now().toISOString());
    return { ok: true };
  }

  remove(publicKey: string): boolean {
    return this.removeStmt.run(publicKey.trim()).changes > 0;
  }
}
