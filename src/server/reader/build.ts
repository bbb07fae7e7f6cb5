import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';

/** The reader's script and styles, as Vite built them into the kiosk build. */
export interface ReaderBuild {
  js: string;
  css: string[];
  /** Modules the entry imports, and the paginator it loads late but every EPUB needs. */
  preload: string[];
}

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
}

/**
 * Where the reader's bundle is: the kiosk's Vite build has it as a second entry
 * (`src/reader-ui/main.ts`), hashed, served by the kiosk's asset route. Read from Vite's
 * manifest on first use; null when the kiosk was never built.
 */
export function readReaderBuild(kioskDist: string): ReaderBuild | null {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(path.join(kioskDist, '.vite/manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  const entry = Object.values(manifest).find((c) => c.isEntry && c.name === 'reader');
  if (!entry) return null;
  const url = (file: string) => `/kiosk/${file}`;
  const paginator = Object.entries(manifest).find(([k]) => k.endsWith('foliate-js/paginator.js'));
  return {
    js: url(entry.file),
    css: (entry.css ?? []).map(url),
    preload: [
      ...(entry.imports ?? []).flatMap((k) => (manifest[k] ? [url(manifest[k].file)] : [])),
      ...(paginator ? [url(paginator[1].file)] : []),
    ],
  };
}

/** Read once per context once found (a rebuilt kiosk is picked up at the next start). */
export const READER_BUILD = serviceKey('reader-build', (ctx: Context) => {
  let build: ReaderBuild | null = null;
  return { get: () => (build ??= readReaderBuild(ctx.paths.kioskDist)) };
});
