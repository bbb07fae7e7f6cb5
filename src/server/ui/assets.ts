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
    { dir: path.join(paths.appRoot, 'src/server/contributions/assets') },
    {
      dir: path.join(paths.appRoot, 'src/server/parcours/assets'),
      only: ['parcours.css', 'parcours.js', 'parcours-core.js', 'carnet.css'],
    },
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

/** `@import url('/notice-assets/shared.css')` or `@import url("/static/shared.css")`. */
const CSS_IMPORT =
  /@import\s+url\(\s*(['"]?)\/(?:static|notice-assets)\/([a-z0-9/._-]+\.css)\1\s*\)/g;

/**
 * Points each CSS `@import` of one of the box's own files at its hashed URL, so the
 * importing file's hash changes with what it imports: a box update never pairs a new
 * page with an old imported sheet (both are then served immutable). Imported files are
 * rewritten first (in order of need); a file that imports itself, even through others,
 * is refused.
 */
function hashCssImports(store: Map<string, Asset>): void {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const rewrite = (name: string): Asset | undefined => {
    const found = store.get(name);
    if (!found || found.mime.split(';')[0] !== 'text/css' || done.has(name)) return found;
    if (visiting.has(name)) throw new Error(`Les @import CSS de ${name} tournent en rond`);
    visiting.add(name);
    const css = found.data.toString('utf8');
    const out = css.replace(CSS_IMPORT, (whole, quote: string, target: string) => {
      const imported = rewrite(target);
      return imported
        ? `@import url(${quote}/static/${hashedName(target, imported.hash)}${quote})`
        : whole;
    });
    visiting.delete(name);
    done.add(name);
    if (out === css) return found;
    const updated = asset(name, Buffer.from(out), found.mime);
    store.set(name, updated);
    return updated;
  };
  for (const name of [...store.keys()]) rewrite(name);
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
    hashCssImports(store);
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
