/**
 * Import cycles in src/: between modules, and between folders (features and
 * infrastructure under src/server/, plus src/shared and src/kiosk-ui). Type-only imports
 * count: a cycle of types is a cycle of ideas. The composition root (the files directly
 * in src/server/: app, context, main, server, start, config, paths, log) imports every
 * feature and every feature takes the `Context` type from it, so it is no folder of its
 * own in the folder graph; its modules still count in the module graph.
 *
 * `npx tsx scripts/check-cycles.ts` prints the cycles and exits 1 when there are any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type Graph = Map<string, Set<string>>;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(full);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base, path.join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Module → the modules it imports (relative paths from `root`). */
export function moduleGraph(root: string, srcDir = path.join(root, 'src')): Graph {
  const graph: Graph = new Map();
  for (const file of sources(srcDir)) {
    const rel = path.relative(root, file);
    const deps = new Set<string>();
    for (const ref of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const target = resolve(file, ref.fileName);
      if (target) deps.add(path.relative(root, target));
    }
    graph.set(rel, deps);
  }
  return graph;
}

/** `src/server/packs/watch/x.ts` → `server/packs`; root files of src/server → null. */
export function folderOf(module: string): string | null {
  const parts = module.split(path.sep);
  if (parts[1] === 'server') return parts.length > 3 ? `server/${parts[2]}` : null;
  return parts[1] ?? null;
}

export function folderGraph(modules: Graph): Graph {
  const graph: Graph = new Map();
  for (const [from, deps] of modules) {
    const a = folderOf(from);
    if (!a) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    for (const to of deps) {
      const b = folderOf(to);
      if (b && b !== a) graph.get(a)?.add(b);
    }
  }
  return graph;
}

/** The strongly connected components with more than one node (Tarjan), each sorted. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const modules = moduleGraph(root);
  const found = [
    ...cycles(modules).map((c) => `modules: ${c.join(' ↔ ')}`),
    ...cycles(folderGraph(modules)).map((c) => `folders: ${c.join(' ↔ ')}`),
  ];
  for (const line of found) process.stdout.write(`${line}\n`);
  process.stdout.write(found.length === 0 ? 'No import cycle.\n' : `${found.length} cycle(s).\n`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
