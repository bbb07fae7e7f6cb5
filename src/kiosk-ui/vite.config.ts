import preact from '@preact/preset-vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { noBookScripts } from '../reader-ui/sandbox.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The kiosk is served by the box under /kiosk; the build lands in dist/kiosk at the repo
 * root. The EPUB reader (src/reader-ui) is a second entry of the same build: the portal's
 * reader page and the kiosk load the same files, found through Vite's manifest
 * (src/server/reader/build.ts), and no other portal page loads it.
 */
export default defineConfig({
  root: here,
  base: '/kiosk/',
  plugins: [preact(), noBookScripts()],
  build: {
    outDir: path.resolve(here, '../../dist/kiosk'),
    emptyOutDir: true,
    // Chromium on the box is recent; no legacy transforms needed.
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    manifest: true,
    rollupOptions: {
      input: {
        index: path.resolve(here, 'index.html'),
        reader: path.resolve(here, '../reader-ui/main.ts'),
      },
    },
  },
});
