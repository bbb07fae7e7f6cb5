import preact from '@preact/preset-vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The kiosk is served by the box under /kiosk; the build lands in dist/kiosk at the repo root. */
export default defineConfig({
  root: here,
  base: '/kiosk/',
  plugins: [preact()],
  build: {
    outDir: path.resolve(here, '../../dist/kiosk'),
    emptyOutDir: true,
    // Chromium on the box is recent; no legacy transforms needed.
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
