import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { allLicences, licenceBadgeSvg } from '../catalogue/licences.js';
import { contentTypeOf } from '../files/mime.js';

export interface Asset {
  data: Buffer;
  mime: string;
  etag: string;
}

export type AssetStore = ReadonlyMap<string, Asset>;

function asset(data: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(data).digest('base64url').slice(0, 22);
  return { data, mime: type, etag: `"${hash}"` };
}

/**
 * The portal's own static files (CSS, icons), read once at start and served from
 * memory, plus the licence badges drawn from `licences.ts`. Keys are URL paths under
 * `/static/`, e.g. `portal.css` or `licences/CC-BY-4.0.svg`.
 */
export function loadAssets(dir: string): AssetStore {
  const store = new Map<string, Asset>();
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else store.set(`${prefix}${name}`, asset(readFileSync(full), contentTypeOf(name)));
    }
  };
  walk(dir, '');
  for (const licence of allLicences()) {
    const svg = licenceBadgeSvg(licence.id);
    if (svg) store.set(`licences/${licence.id}.svg`, asset(Buffer.from(svg), 'image/svg+xml'));
  }
  return store;
}
