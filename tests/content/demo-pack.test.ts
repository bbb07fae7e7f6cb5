import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLicence, isKnownLicence } from '../../src/server/catalogue/licences.js';
import { MANIFEST_FILE, manifestSchema, type Manifest } from '../../src/server/packs/manifest.js';
import { zip } from '../../scripts/demo-content/zip.js';
import { epubcheck, findEpubcheck, type EpubcheckResult } from './epubcheck.js';
import { firstLocalEntry, readZip } from './epub-zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT = path.join(ROOT, 'content');
/** Files the pack may hold besides those its manifest lists (see content/README.md). */
const ALLOWED_EXTRA = new Set([MANIFEST_FILE, 'README.md']);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), rel) : [rel];
  });
}

let manifest: Manifest;

beforeAll(() => {
  manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(CONTENT, MANIFEST_FILE), 'utf8')),
  );
});

const epubs = () =>
  manifest.items
    .filter((i) => i.type === 'book')
    .flatMap((i) => i.files.map((f) => ({ item: i, file: f })));

describe('the bundled demo pack (content/)', () => {
  it('is our pack, with enough works of enough kinds', () => {
    expect(manifest.id).toBe('lanterne-demo');
    expect(manifest.publisher).toBe('Projet Lanterne');
    expect(manifest.items.length).toBeGreaterThanOrEqual(12);
    const types = new Set(manifest.items.map((i) => i.type));
    expect(types.size).toBeGreaterThanOrEqual(4);
    expect(manifest.items.filter((i) => i.type === 'book').length).toBeGreaterThanOrEqual(5);
    expect(new Set(manifest.items.map((i) => i.id)).size).toBe(manifest.items.length);
  });

  it('has every listed file, with its declared size and SHA-256', () => {
    const refs = [
      ...manifest.items.flatMap((i) => [...i.files, ...(i.cover ? [i.cover] : [])]),
      ...manifest.notices,
      ...manifest.parcours,
    ];
    for (const ref of refs) {
      const file = path.join(CONTENT, ref.path);
      expect(existsSync(file), `${ref.path} manque`).toBe(true);
      const data = readFileSync(file);
      expect(data.length, `${ref.path}: taille`).toBe(ref.size);
      expect(sha256(data), `${ref.path}: empreinte`).toBe(ref.sha256);
    }
  });

  it('gives every work a known free-culture licence, a credit line and a cover', () => {
    for (const item of manifest.items) {
      expect(isKnownLicence(item.licence), `${item.id}: ${item.licence}`).toBe(true);
      expect(getLicence(item.licence)?.freeCulture, `${item.id}: ${item.licence}`).toBe(true);
      expect(item.attribution).toContain('Projet Lanterne');
      expect(item.attribution).toContain(item.title);
      expect(item.cover, `${item.id}: couverture`).toBeDefined();
      expect(item.description.length).toBeGreaterThan(40);
      expect(item.themes.length).toBeGreaterThan(0);
    }
    expect(new Set(manifest.items.map((i) => i.licence)).size).toBeGreaterThanOrEqual(3);
  });

  it('holds nothing but the listed files, this README, the notices and the parcours', () => {
    const listed = new Set([
      ...manifest.items.flatMap((i) => [
        ...i.files.map((f) => f.path),
        ...(i.cover ? [i.cover.path] : []),
      ]),
    ]);
    const stray = walk(CONTENT).filter(
      (rel) =>
        !listed.has(rel) &&
        !ALLOWED_EXTRA.has(rel) &&
        !rel.startsWith('notices/') &&
        !rel.startsWith('parcours/'),
    );
    expect(stray).toEqual([]);
  });

  it('lists every notice of content/notices, and only those', () => {
    const dir = path.join(CONTENT, 'notices');
    const onDisk = existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => existsSync(path.join(dir, n, 'notice.json')))
          .map((n) => `notices/${n}/notice.json`)
          .sort()
      : [];
    expect(manifest.notices.map((n) => n.path).sort(), 'relancez npm run demo:build').toEqual(
      onDisk,
    );
  });

  it('lists every parcours of content/parcours, and only those', () => {
    const dir = path.join(CONTENT, 'parcours');
    const onDisk = readdirSync(dir)
      .filter((n) => existsSync(path.join(dir, n, 'parcours.json')))
      .map((n) => `parcours/${n}/parcours.json`)
      .sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(3);
    expect(manifest.parcours.map((n) => n.path).sort(), 'relancez npm run demo:build').toEqual(
      onDisk,
    );
  });

  it('keeps each sound, the video and the whole pack small', () => {
    const size = (type: string) =>
      manifest.items.filter((i) => i.type === type).flatMap((i) => i.files.map((f) => f.size));
    for (const s of size('audio')) expect(s).toBeLessThan(300 * 1024);
    for (const s of size('video')) expect(s).toBeLessThan(500 * 1024);
    const total = walk(CONTENT).reduce(
      (sum, rel) => sum + statSync(path.join(CONTENT, rel)).size,
      0,
    );
    expect(total).toBeLessThan(6 * 1024 * 1024);
  });

  it('matches the generator lock, so a rebuild changes nothing', () => {
    const lock = JSON.parse(
      readFileSync(path.join(ROOT, 'scripts/demo-content/outputs.lock.json'), 'utf8'),
    ) as Record<string, { sha256: string }>;
    const refs = manifest.items.flatMap((i) => [...i.files, ...(i.cover ? [i.cover] : [])]);
    expect(Object.keys(lock).sort()).toEqual([...new Set(refs.map((r) => r.path))].sort());
    for (const ref of refs) expect(lock[ref.path]?.sha256, ref.path).toBe(ref.sha256);
  });
});

describe('the demo EPUBs', () => {
  it('start with an uncompressed mimetype entry, without extra field', () => {
    for (const { file } of epubs()) {
      const first = firstLocalEntry(readFileSync(path.join(CONTENT, file.path)));
      expect(first, file.path).toEqual({
        name: 'mimetype',
        method: 0,
        extraLength: 0,
        content: 'application/epub+zip',
      });
    }
  });

  it('carry the metadata of their manifest entry in their package document', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false });
    for (const { item, file } of epubs()) {
      const entries = await readZip(readFileSync(path.join(CONTENT, file.path)));
      const container = entries.find((e) => e.name === 'META-INF/container.xml');
      expect(container, file.path).toBeDefined();
      const opfPath = /full-path="([^"]+)"/.exec(container?.data.toString('utf8') ?? '')?.[1];
      const opf = entries.find((e) => e.name === opfPath)?.data.toString('utf8') ?? '';
      const meta = (parser.parse(opf) as { package: { metadata: Record<string, unknown> } }).package
        .metadata;
      const text = (v: unknown): string =>
        typeof v === 'object' && v !== null && '#text' in v
          ? String((v as { '#text': unknown })['#text'])
          : String(v);
      expect(text(meta['dc:title']), file.path).toBe(item.title);
      expect(text(meta['dc:language'])).toBe(item.language);
      expect(text(meta['dc:creator'])).toBe('Projet Lanterne');
      expect(text(meta['dc:identifier'])).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(text(meta['dc:rights'])).toContain(
        getLicence(item.licence)?.name.replace(/^CC0 1\.0$/, 'CC0 1.0') ?? '?',
      );
      expect(opf).toMatch(
        /<meta property="dcterms:modified">\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/meta>/,
      );
      expect(opf).toContain('properties="nav"');
      expect(opf).toContain('properties="cover-image"');
    }
  });

  it('carry an EPUB 2 table of contents (NCX) with the same entries as the EPUB 3 nav', async () => {
    for (const { file } of epubs()) {
      const entries = await readZip(readFileSync(path.join(CONTENT, file.path)));
      const read = (name: string) =>
        entries.find((e) => e.name === name)?.data.toString('utf8') ?? '';
      const opf = read('OEBPS/content.opf');
      expect(opf, file.path).toContain('<spine toc="ncx">');
      const item = /<item id="ncx" href="([^"]+)" media-type="application\/x-dtbncx\+xml"\/>/.exec(
        opf,
      );
      expect(item, file.path).not.toBeNull();
      const ncx = read(`OEBPS/${item![1]}`);
      const uid = /<dc:identifier id="book-id">([^<]+)<\/dc:identifier>/.exec(opf)?.[1];
      expect(ncx, file.path).toContain(`<meta name="dtb:uid" content="${uid}"/>`);
      const ncxTargets = [...ncx.matchAll(/<content src="([^"]+)"\/>/g)].map((m) => m[1]);
      const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(read('OEBPS/nav.xhtml'))?.[0] ?? '';
      const navTargets = [...toc.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
      expect(ncxTargets.length, file.path).toBeGreaterThan(1);
      expect(ncxTargets, file.path).toEqual(navTargets);
      const orders = [...ncx.matchAll(/playOrder="(\d+)"/g)].map((m) => Number(m[1]));
      expect(orders, file.path).toEqual(ncxTargets.map((_, i) => i + 1));
    }
  });

  it('pass epubcheck with no error and no warning', async (ctx) => {
    const command = findEpubcheck();
    if (!command) {
      if (process.env['CI'])
        throw new Error(
          'epubcheck est introuvable : installez le paquet Debian « epubcheck » (voir .ci/run).',
        );
      ctx.skip(
        'epubcheck absent : installez le paquet Debian « epubcheck » pour valider les EPUB de démonstration.',
      );
      return;
    }
    // A copy of one of our books with its mimetype deflated: proof that the check can fail.
    const first = epubs()[0];
    if (!first) throw new Error('aucun EPUB dans le pack');
    const entries = await readZip(readFileSync(path.join(CONTENT, first.file.path)));
    const tmp = mkdtempSync(path.join(tmpdir(), 'lanterne-epubcheck-'));
    const broken = path.join(tmp, 'mimetype-deflated.epub');
    writeFileSync(broken, await zip(entries.map((e) => ({ path: e.name, data: e.data }))));
    const checks = [
      ...epubs().map((e) => ({
        file: e.file.path,
        abs: path.join(CONTENT, e.file.path),
        expectOk: true,
      })),
      { file: 'mimetype-deflated.epub', abs: broken, expectOk: false },
    ];
    const results: Array<EpubcheckResult & { file: string; expectOk: boolean }> = [];
    try {
      // Two at a time: the machine has two cores and each run starts a JVM.
      for (let i = 0; i < checks.length; i += 2) {
        const batch = checks.slice(i, i + 2);
        results.push(
          ...(await Promise.all(
            batch.map(async (c) => ({ ...c, ...(await epubcheck(command, c.abs)) })),
          )),
        );
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const failed = results.filter((r) => r.expectOk && !r.ok);
    expect(failed.map((r) => `${r.file}\n${r.output}`).join('\n\n')).toBe('');
    expect(results.filter((r) => r.expectOk).length).toBeGreaterThanOrEqual(5);
    const control = results.find((r) => !r.expectOk);
    expect(control?.ok, 'epubcheck doit refuser un mimetype compressé').toBe(false);
    expect(control?.errors).toBeGreaterThan(0);
  }, 180_000);
});
