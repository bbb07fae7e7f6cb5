import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { allLicences, licenceBadgeSvg } from '../catalogue/licences.js';
import { contentTypeOf } from '../core/mime.js';
import type { Paths } from '../paths.js';

export interface Asset {
  /** Its name under `/static/`, e.g. `portal.css` or `licences/CC-BY-4.0.svg`. */
  name: string;
  data: Buffer;
  mime: string;
  /** The first 10 hex digits of the content's sha256: in the URL and in the ETag. */
  hash: string;
  etag: string;
}

/** The folders whose files are served under `/static/` (names must not collide). */
export function assetSources(paths: Paths): Array<{ dir: string; only?: readonly string[] }> {
  return [
    { dir: paths.assetsDir },
    // Built (bundled in dist/server) or not, these are read from the sources.
    { dir: path.join(paths.appRoot, 'src/server/admin/ui'), only: ['admin.css', 'admin.js'] },
    { dir: path.join(paths.appRoot, 'src/server/notices/assets') },
    { dir: path.join(paths.appRoot, 'src/server/ateliers/assets') },
  ];
}

function asset(name: string, data: Buffer, mime: string): Asset {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
  return { name, data, mime, hash, etag: `"${hash}"` };
}

/** `portal.css` + hash → `portal.3f2a9c1d0b.css` (the hash before the extension). */
export function hashedName(name: string, hash: string): string {
  const ext = path.posix.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/** `portal.3f2a9c1d0b.css` → `{ name: 'portal.css', hash }`; null when no hash is in it. */
export function unhashedName(file: string): { name: string; hash: string } | null {
  const m = /^(.*)\.([0-9a-f]{10})(\.[A-Za-z0-9]+)$/.exec(file);
  return m ? { name: `${m[1]}${m[3]}`, hash: m[2] ?? '' } : null;
}

/**
 * The box's own static files (portal, admin and notice CSS and scripts, icons, licence
 * badges drawn from `licences.ts`), read once on first use and kept in memory. Built
 * once in the context; nothing is read when the app is created.
 */
export class AssetStore {
  private assets: Map<string, Asset> | null = null;

  constructor(private readonly sources: ReadonlyArray<{ dir: string; only?: readonly string[] }>) {}

  private load(): Map<string, Asset> {
    const store = new Map<string, Asset>();
    const add = (a: Asset) => {
      if (store.has(a.name)) throw new Error(`Deux fichiers statiques s'appellent ${a.name}`);
      store.set(a.name, a);
    };
    const walk = (folder: string, prefix: string, only?: readonly string[]) => {
      for (const name of readdirSync(folder)) {
        if (only && !only.includes(name)) continue;
        const full = path.join(folder, name);
        if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
        else add(asset(`${prefix}${name}`, readFileSync(full), contentTypeOf(name)));
      }
    };
    for (const { dir, only } of this.sources) walk(dir, '', only);
    for (const licence of allLicences()) {
      const svg = licenceBadgeSvg(licence.id);
      if (svg) add(asset(`licences/${licence.id}.svg`, Buffer.from(svg), 'image/svg+xml'));
    }
    return store;
  }

  get(name: string): Asset | undefined {
    this.assets ??= this.load();
    return this.assets.get(name);
  }

  /** The URL a page links: content-hashed, so it changes when the file does. */
  url(name: string): string {
    const found = this.get(name);
    return found ? `/static/${hashedName(name, found.hash)}` : `/static/${name}`;
  }
}
