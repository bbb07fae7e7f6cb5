/**
 * `npm run build:server`: the server as one ES module bundle (plus lazily loaded chunks
 * for qrcode, systeminformation, pdf-lib…) in dist/server, by esbuild. One file instead
 * of ~300 modules: ~11 MB less resident memory at rest and a first answer ~150 ms sooner
 * (docs/benchmarks.md). Type checking stays with `npm run typecheck`.
 *
 * Files read at run time (migrations, admin and notice assets, portal assets, kiosk
 * build, package.json) are found from `appRoot()` (src/server/paths.ts), which resolves
 * to the same root from dist/server/main.js as from src/server/paths.ts.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/server', { recursive: true, force: true });
await build({
  // The server, the pack tool that bin/lanterne.mjs runs on an installed box, and what
  // the Syncthing unit runs before it starts (deploy/templates/lanterne-syncthing.service).
  entryPoints: {
    main: 'src/server/main.ts',
    'packs/cli': 'src/server/packs/cli.ts',
    'reseau/prepare': 'src/server/reseau/prepare-cli.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Native addon: loaded from node_modules as before.
  external: ['better-sqlite3'],
  // Smaller source kept in memory; function names stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // CommonJS dependencies (yauzl, yazl, mime-types…) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lanterneRequire } from 'node:module'; const require = __lanterneRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
