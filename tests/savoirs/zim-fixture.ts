import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildFrenchZim } from './zim-build.js';

export { buildFrenchZim, freePort, miniEncyclo, until } from './zim-build.js';

/** A temporary folder holding the French test ZIM for a whole describe block. */
export function useFrenchZim(prefix: string): { dir: () => string; zim: () => string } {
  let dir = '';
  let zim = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
    zim = await buildFrenchZim(dir);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return { dir: () => dir, zim: () => zim };
}
