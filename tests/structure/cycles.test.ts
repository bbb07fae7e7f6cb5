import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
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

/** Every module reachable from `start` (its own imports, transitively). */
function reachable(modules: Graph, start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const m = todo.pop() ?? '';
    if (seen.has(m)) continue;
    seen.add(m);
    todo.push(...(modules.get(m) ?? []));
  }
  return seen;
}

describe('code the kiosk app and the EPUB reader (browsers) may use', () => {
  const modules = moduleGraph(ROOT);
  const kiosk = [...modules.keys()].filter(
    (m) =>
      m.startsWith(path.join('src', 'kiosk-ui')) || m.startsWith(path.join('src', 'reader-ui')),
  );
  const used = reachable(modules, kiosk);

  it('imports nothing from src/server, even through src/shared', () => {
    expect(kiosk.length).toBeGreaterThan(10);
    expect([...used].filter((m) => m.startsWith(path.join('src', 'server')))).toEqual([]);
    expect([...used].some((m) => m.startsWith(path.join('src', 'shared')))).toBe(true);
  });

  it('src/shared uses no Node module', () => {
    for (const m of modules.keys()) {
      if (!m.startsWith(path.join('src', 'shared'))) continue;
      const refs = ts.preProcessFile(readFileSync(path.join(ROOT, m), 'utf8'), true, true);
      const external = refs.importedFiles.map((r) => r.fileName).filter((f) => !f.startsWith('.'));
      expect(
        external.filter((f) => f.startsWith('node:') || !/^(preact|preact\/.*)$/.test(f)),
        m,
      ).toEqual([]);
    }
  });
});
