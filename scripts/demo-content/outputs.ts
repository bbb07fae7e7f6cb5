import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

interface LockEntry {
  recipe: string;
  sha256: string;
}

/**
 * Writes the pack's files, but keeps a file untouched when its recipe (everything it is
 * made from) has not changed: Chromium, espeak-ng or ffmpeg of another version could
 * give other bytes for the same picture or sound, and checksums must not churn.
 */
export class Outputs {
  private readonly lock: Record<string, LockEntry>;
  readonly written = new Set<string>();
  rebuilt = 0;
  kept = 0;

  constructor(
    private readonly root: string,
    private readonly lockFile: string,
  ) {
    this.lock = existsSync(lockFile)
      ? (JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, LockEntry>)
      : {};
  }

  /** `rel` is relative to the pack folder; `recipe` is any JSON describing the inputs. */
  async produce(
    rel: string,
    recipe: unknown,
    make: () => Buffer | Promise<Buffer>,
  ): Promise<Buffer> {
    const recipeHash = sha256(JSON.stringify(recipe));
    const file = path.join(this.root, rel);
    this.written.add(rel);
    const entry = this.lock[rel];
    if (entry && entry.recipe === recipeHash && existsSync(file)) {
      const current = readFileSync(file);
      if (sha256(current) === entry.sha256) {
        this.kept += 1;
        return current;
      }
    }
    const data = await make();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    this.lock[rel] = { recipe: recipeHash, sha256: sha256(data) };
    this.rebuilt += 1;
    return data;
  }

  /** Saves the lock, forgetting files this build no longer makes. */
  save(): void {
    const kept = Object.keys(this.lock)
      .filter((rel) => this.written.has(rel))
      .sort();
    const out: Record<string, LockEntry> = {};
    for (const rel of kept) {
      const entry = this.lock[rel];
      if (entry) out[rel] = entry;
    }
    writeFileSync(this.lockFile, `${JSON.stringify(out, null, 2)}\n`);
  }
}
