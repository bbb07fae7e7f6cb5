import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cycles,
  folderGraph,
  folderOf,
  moduleGraph,
  type Graph,
} from '../../scripts/check-cycles.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const graph = (edges: Record<string, string[]>): Graph =>
  new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe('the structure drawn from imports', () => {
  it('the checker finds cycles (so its silence means something)', () => {
    expect(cycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(cycles(graph({ a: ['a'] }))).toEqual([['a']]);
    expect(cycles(graph({ a: ['b'], b: [] }))).toEqual([]);
    const modules = graph({
      [path.join('src', 'server', 'admin', 'x.ts')]: [path.join('src', 'server', 'stats', 'y.ts')],
      [path.join('src', 'server', 'stats', 'y.ts')]: [path.join('src', 'server', 'admin', 'z.ts')],
      [path.join('src', 'server', 'admin', 'z.ts')]: [],
    });
    expect(cycles(modules)).toEqual([]);
    expect(cycles(folderGraph(modules))).toEqual([['server/admin', 'server/stats']]);
    expect(folderOf(path.join('src', 'server', 'context.ts'))).toBeNull();
    expect(folderOf(path.join('src', 'kiosk-ui', 'app.tsx'))).toBe('kiosk-ui');
  });

  it('has no cycle between modules, type imports included', () => {
    const modules = moduleGraph(ROOT);
    expect(modules.size).toBeGreaterThan(150);
    expect(cycles(modules)).toEqual([]);
  });

  it('has no cycle between folders (features, infrastructure, shared code)', () => {
    expect(cycles(folderGraph(moduleGraph(ROOT)))).toEqual([]);
  });
});
