import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('the environment', () => {
  it('is read in config.ts only', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const readers = sources(root)
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(readers).toEqual([path.join('server', 'config.ts')]);
  });
});
