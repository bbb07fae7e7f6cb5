import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../../src/server/context.js';
import { appRoot } from '../../src/server/paths.js';

export const STARTER_DIR = path.join(appRoot(), 'content', 'notices');

export function starterIds(): string[] {
  return readdirSync(STARTER_DIR)
    .filter((d) =>
      statSync(path.join(STARTER_DIR, d, 'notice.json'), { throwIfNoEntry: false })?.isFile(),
    )
    .sort();
}

export interface NoticeRef {
  id: string;
  path: string;
  size: number;
  sha256: string;
}

export function refOf(packDir: string, rel: string, id: string): NoticeRef {
  const data = readFileSync(path.join(packDir, rel));
  return {
    id,
    path: rel,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/**
 * Copies the starter notices into an installed pack folder of the test box and runs the
 * notices pack hook on it, as the pack import does inside its transaction.
 */
export function installStarters(ctx: Context, packId = 'demo', ids = starterIds()) {
  const packDir = path.join(ctx.paths.packsDir, `${packId}@1.0.0`);
  mkdirSync(path.join(packDir, 'notices'), { recursive: true });
  const refs = ids.map((id) => {
    cpSync(path.join(STARTER_DIR, id), path.join(packDir, 'notices', id), { recursive: true });
    return refOf(packDir, `notices/${id}/notice.json`, id);
  });
  const errors = ctx.notices.installPack(packId, packDir, { notices: refs });
  return { packDir, refs, errors };
}
