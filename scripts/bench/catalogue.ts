import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogueRepo } from '../../src/server/catalogue/repo.js';
import { CatalogueService } from '../../src/server/catalogue/service.js';
import type { NewWork, WorkType } from '../../src/server/catalogue/types.js';
import { migrate } from '../../src/server/db/migrate.js';
import { openDatabase } from '../../src/server/db/open.js';
import {
  THEMES,
  makeAuthor,
  makeDescription,
  makeTitle,
  random,
  skewed,
  uniform,
} from './words.js';

/** Bump when the generated catalogue changes shape, so an old `.bench/` is rebuilt. */
const LAYOUT_VERSION = 4;
export const WORK_COUNT = 100_000;
const PACKS = 4;
const SMALL_FILES = 1_000;
const SMALL_FILE_BYTES = 5 * 1024;
const BIG_FILE_BYTES = 100 * 1024 * 1024;

export interface BenchCatalogue {
  version: number;
  works: number;
  dataDir: string;
  dbFile: string;
  /** The first pack's folder: lighttpd serves it as its document root. */
  docRoot: string;
  small: { workId: string; name: string; relPath: string; bytes: number };
  big: { workId: string; name: string; relPath: string; bytes: number };
  /** How long generating took (only on the run that generated it). */
  generatedInMs: number;
}

const TYPES: WorkType[] = [
  'book',
  'book',
  'book',
  'book',
  'audio',
  'video',
  'image',
  'image',
  'document',
  'software',
];
const LANGUAGES = ['fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'en', 'en', 'br', 'oc'];
const LICENCES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'public-domain',
  'CC-BY-3.0',
  'LAL-1.3',
  'CC-BY-SA-3.0',
];
const ROLES = ['author', 'author', 'author', 'translator', 'illustrator', 'narrator'];
/** A 1×1 PNG: covers exist for some works so lists render their thumbnails. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function smallFileName(i: number): string {
  return `livre-${String(i).padStart(4, '0')}.epub`;
}

interface SharedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
}

/** 1,000 distinct ~5 KB files (plus a cover) in a pack folder; works point at them. */
function writeSharedFiles(root: string, rand: () => number): SharedFile[] {
  mkdirSync(path.join(root, 'shared'), { recursive: true });
  mkdirSync(path.join(root, 'covers'), { recursive: true });
  writeFileSync(path.join(root, 'covers', 'couverture.png'), PNG);
  const files: SharedFile[] = [];
  for (let i = 0; i < SMALL_FILES; i++) {
    const text = Buffer.alloc(SMALL_FILE_BYTES);
    let at = 0;
    while (at < SMALL_FILE_BYTES) at += text.write(`${makeDescription(rand)} `, at);
    const rel = `shared/${smallFileName(i)}`;
    writeFileSync(path.join(root, rel), text);
    files.push({
      path: rel,
      name: smallFileName(i),
      size: text.length,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  }
  return files;
}

function makeWork(id: string, rand: () => number, shared: SharedFile[]): NewWork {
  const title = makeTitle(rand);
  const authorCount = rand() < 0.8 ? 1 : 2;
  const file = uniform(rand, shared);
  const themeCount = 1 + Math.floor(rand() * 3);
  const themes = new Set<string>();
  for (let t = 0; t < themeCount; t++) themes.add(skewed(rand, THEMES));
  const authors = Array.from({ length: authorCount }, (_, i) => ({
    name: makeAuthor(rand),
    role: i === 0 ? 'author' : uniform(rand, ROLES),
  }));
  const licence = uniform(rand, LICENCES);
  const cover = rand() < 0.15;
  return {
    id,
    title,
    description: makeDescription(rand),
    language: uniform(rand, LANGUAGES),
    type: uniform(rand, TYPES),
    licence,
    attribution: `« ${title} », ${authors[0]?.name ?? ''}, ${licence}`,
    source: 'https://exemple.org/',
    published: rand() < 0.5 ? `${1850 + Math.floor(rand() * 170)}` : null,
    authors,
    themes: [...themes],
    files: [
      {
        path: file.path,
        name: file.name,
        format: 'epub',
        mime: 'application/epub+zip',
        size: file.size,
        sha256: file.sha256,
      },
    ],
    coverPath: cover ? 'covers/couverture.png' : null,
    coverMime: cover ? 'image/png' : null,
  };
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Builds (or reuses) a box data folder with 100,000 works in four packs, installed
 * through `CatalogueService.installPack` like a real import would.
 */
export function ensureCatalogue(benchDir: string, log: (line: string) => void): BenchCatalogue {
  const dataDir = path.join(benchDir, 'data');
  const marker = path.join(benchDir, 'catalogue.json');
  if (existsSync(marker)) {
    const previous = JSON.parse(readFileSync(marker, 'utf8')) as BenchCatalogue;
    if (previous.version === LAYOUT_VERSION && existsSync(previous.dbFile)) {
      log(`Catalogue de ${previous.works} œuvres réutilisé (${dataDir})`);
      return { ...previous, generatedInMs: 0 };
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const dbFile = path.join(dataDir, 'lanterne.db');
  const db = openDatabase(dbFile);
  migrate(db);
  const service = new CatalogueService(db, new CatalogueRepo(db), () => new Date());
  const rand = random(20261122);
  const perPack = WORK_COUNT / PACKS;
  let docRoot = '';
  let small: BenchCatalogue['small'] | undefined;
  let big: BenchCatalogue['big'] | undefined;
  for (let p = 0; p < PACKS; p++) {
    const packId = `bench-${p + 1}`;
    const dir = `${packId}@1.0.0`;
    const root = path.join(dataDir, 'packs', dir);
    const shared = writeSharedFiles(root, rand);
    const works: NewWork[] = [];
    for (let i = 0; i < perPack; i++) {
      works.push(makeWork(`b${p + 1}-${String(i).padStart(6, '0')}`, rand, shared));
    }
    if (p === 0) {
      docRoot = root;
      const first = works[0];
      const firstFile = first?.files[0];
      if (!first || !firstFile) throw new Error('catalogue vide');
      small = {
        workId: first.id,
        name: firstFile.name,
        relPath: firstFile.path,
        bytes: firstFile.size,
      };
      mkdirSync(path.join(root, 'big'), { recursive: true });
      const bigPath = path.join(root, 'big', 'grand-film.bin');
      writeFileSync(bigPath, randomBytes(BIG_FILE_BYTES));
      const bigWork = makeWork('b1-grand-film', rand, shared);
      bigWork.type = 'video';
      bigWork.files = [
        {
          path: 'big/grand-film.bin',
          name: 'grand-film.bin',
          format: 'bin',
          mime: 'application/octet-stream',
          size: BIG_FILE_BYTES,
          sha256: sha256File(bigPath),
        },
      ];
      works[perPack - 1] = bigWork;
      big = {
        workId: bigWork.id,
        name: 'grand-film.bin',
        relPath: 'big/grand-film.bin',
        bytes: BIG_FILE_BYTES,
      };
    }
    service.installPack(
      {
        id: packId,
        version: '1.0.0',
        title: `Pack de banc d'essai n° ${p + 1}`,
        description: 'Œuvres générées pour mesurer les performances.',
        publisher: 'banc d’essai',
        languages: ['fr', 'en'],
        created: '2026-11-01',
        dir,
        manifestSha256: '0'.repeat(64),
        origin: 'local',
      },
      works,
    );
    log(
      `  pack ${packId} : ${perPack} œuvres installées (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (!small || !big) throw new Error('catalogue incomplet');
  const result: BenchCatalogue = {
    version: LAYOUT_VERSION,
    works: WORK_COUNT,
    dataDir,
    dbFile,
    docRoot,
    small,
    big,
    generatedInMs: performance.now() - started,
  };
  writeFileSync(marker, JSON.stringify(result, null, 2));
  return result;
}
