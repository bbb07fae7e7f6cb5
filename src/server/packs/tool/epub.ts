import path from 'node:path';
import type { X2jOptions, XMLParser } from 'fast-xml-parser';
import { readZipEntries } from './zip-read.js';
import type { ExtractedAuthor, Extracted } from './extracted.js';

/**
 * EPUB metadata from the OPF package document. Real EPUBs are often slightly broken, so
 * every step falls back rather than throws: no container.xml → the first `.opf` file;
 * odd XML → whatever the parser could read.
 */
const PARSER_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'creator',
      'contributor',
      'subject',
      'meta',
      'item',
      'language',
      'title',
      'rights',
      'source',
      'description',
      'rootfile',
    ].includes(name),
};

let parserLoad: Promise<XMLParser> | null = null;
/** The XML parser is loaded on first use: the box reads EPUB metadata rarely. */
const loadParser = (): Promise<XMLParser> =>
  (parserLoad ??= import('fast-xml-parser').then(
    ({ XMLParser: Parser }) => new Parser(PARSER_OPTIONS),
  ));

type Node = Record<string, unknown>;

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
}

function list(v: unknown): Node[] {
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x !== null ? (x as Node) : { '#text': x }));
  if (v === undefined || v === null) return [];
  return [typeof v === 'object' ? (v as Node) : { '#text': v }];
}

const MARC_ROLES: Record<string, ExtractedAuthor['role']> = {
  aut: 'author',
  trl: 'translator',
  ill: 'illustrator',
  nrt: 'narrator',
  edt: 'editor',
  cmp: 'composer',
  pht: 'photographer',
  drt: 'director',
};

/** The package document's path that container.xml names ('' when it names none). */
export async function rootfileOf(container: Buffer): Promise<string> {
  const parser = await loadParser();
  const doc = parser.parse(container.toString('utf8')) as Node;
  const rootfiles = list(
    ((doc['container'] as Node | undefined)?.['rootfiles'] as Node | undefined)?.['rootfile'],
  );
  return text(rootfiles[0]?.['@full-path']);
}

/**
 * The navigation document an EPUB's package names: the EPUB 3 `nav` item, else the
 * EPUB 2 NCX the spine points to; a path inside the zip, or null.
 */
export async function navigationOf(opf: Buffer, opfPath: string): Promise<string | null> {
  const parser = await loadParser();
  const pkg = ((parser.parse(opf.toString('utf8')) as Node)['package'] ?? {}) as Node;
  const items = list((pkg['manifest'] as Node | undefined)?.['item']);
  const ncxId = text((pkg['spine'] as Node | undefined)?.['@toc']);
  const item =
    items.find((i) => text(i['@properties']).split(/\s+/).includes('nav')) ??
    (ncxId ? items.find((i) => text(i['@id']) === ncxId) : undefined);
  const href = text(item?.['@href']);
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split('#')[0] ?? '');
  } catch {
    return null;
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(opfPath), decoded));
}

export async function extractEpub(file: string): Promise<Extracted> {
  let opfPath = '';
  const entries = await readZipEntries(file, (names) => {
    const found = names.filter(
      (n) => n === 'META-INF/container.xml' || n.toLowerCase().endsWith('.opf'),
    );
    return found;
  });
  const parser = await loadParser();
  const container = entries.get('META-INF/container.xml');
  if (container) opfPath = await rootfileOf(container);
  if (!entries.has(opfPath))
    opfPath = [...entries.keys()].find((n) => n.toLowerCase().endsWith('.opf')) ?? '';
  const opf = entries.get(opfPath);
  if (!opf)
    return {
      type: 'book',
      warnings: ["pas de fichier OPF dans l'EPUB : métadonnées à remplir à la main"],
    };

  const pkg = ((parser.parse(opf.toString('utf8')) as Node)['package'] ?? {}) as Node;
  const meta = (pkg['metadata'] ?? {}) as Node;
  const refines = new Map<string, Node[]>();
  for (const m of list(meta['meta'])) {
    const target = text(m['@refines']).replace(/^#/, '');
    if (target) refines.set(target, [...(refines.get(target) ?? []), m]);
  }
  const authors: ExtractedAuthor[] = [];
  for (const c of list(meta['creator'])) {
    const name = text(c);
    if (!name) continue;
    const id = text(c['@id']);
    const roleCodes = [
      text(c['@role']),
      ...(refines.get(id) ?? []).filter((m) => text(m['@property']) === 'role').map((m) => text(m)),
    ];
    const role = roleCodes.map((r) => MARC_ROLES[r]).find((r) => r !== undefined) ?? 'author';
    authors.push({ name, role });
  }
  let cover: { name: string; data: Buffer } | undefined;
  const items = list((pkg['manifest'] as Node | undefined)?.['item']);
  const coverId = list(meta['meta']).find((m) => text(m['@name']) === 'cover');
  const coverItem =
    items.find((i) => text(i['@properties']).split(/\s+/).includes('cover-image')) ??
    (coverId ? items.find((i) => text(i['@id']) === text(coverId['@content'])) : undefined);
  if (coverItem) {
    const href = decodeURIComponent(text(coverItem['@href']));
    const inZip = path.posix.normalize(path.posix.join(path.posix.dirname(opfPath), href));
    const data = (await readZipEntries(file, (names) => names.filter((n) => n === inZip))).get(
      inZip,
    );
    if (data && !inZip.startsWith('..')) cover = { name: path.posix.basename(inZip), data };
  }
  const descriptions = list(meta['description']).map(text).filter(Boolean);
  return {
    type: 'book',
    title: list(meta['title']).map(text).find(Boolean),
    authors,
    language: list(meta['language']).map(text).find(Boolean),
    description: descriptions[0],
    themes: list(meta['subject']).map(text).filter(Boolean),
    rights: list(meta['rights']).map(text).filter(Boolean).join(' '),
    source: list(meta['source']).map(text).find(Boolean),
    cover,
    warnings: [],
  };
}
