/**
 * Builds the bundled demo pack in `content/` from the sources in this folder:
 * `npm run demo:build`. Files whose sources did not change are left as they are
 * (see outputs.ts), so re-running only touches what you edited.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { COVER_HEIGHT, COVER_WIDTH, coverSvg, type CoverSpec } from './art/covers.js';
import { PICTURE_HEIGHT, PICTURE_WIDTH } from './art/pictures.js';
import { MODIFIED, PUBLISHED, buildEpub, figuresOf, type Picture } from './epub.js';
import { AUTHOR, LICENCE_TEXT, attribution } from './licences.js';
import { buildManifest, type BuiltItem } from './manifest.js';
import { slideshowMp4, speechMp3 } from './media.js';
import { Outputs, sha256 } from './outputs.js';
import { Renderer } from './render.js';
import { FIGURES, WORKS, type Work } from './works.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
export const CONTENT_DIR = path.join(ROOT, 'content');
const LOCK_FILE = path.join(HERE, 'outputs.lock.json');
/** The folders this builder owns inside `content/` (notices/ and parcours/ are written by hand). */
const OUTPUT_DIRS = ['livres', 'images', 'audio', 'videos', 'documents', 'covers'];

function sourceHash(...files: string[]): string {
  return sha256(files.map((f) => readFileSync(path.join(HERE, f), 'utf8')).join('\0'));
}

/** Sets an SVG's drawn size, and optionally which part of it shows (a crop). */
function sized(svg: string, width: number, height: number, viewBox?: string): string {
  return svg.replace(
    /^<svg([^>]*?) width="\d+" height="\d+" viewBox="[^"]*"/,
    (_m, before: string) =>
      `<svg${before} width="${width}" height="${height}" viewBox="${viewBox ?? `0 0 ${PICTURE_WIDTH} ${PICTURE_HEIGHT}`}"`,
  );
}

async function main(): Promise<void> {
  const outputs = new Outputs(CONTENT_DIR, LOCK_FILE);
  let renderer: Renderer | undefined;
  const browser = async (): Promise<Renderer> => (renderer ??= await Renderer.open());

  const raster = (rel: string, svg: string, width: number, height: number) =>
    outputs.produce(rel, { kind: 'png', svg, width, height }, async () =>
      (await browser()).svg(svg, width, height, 'png'),
    );

  const cover = (work: Work, spec: CoverSpec) =>
    raster(`covers/${work.id}.png`, coverSvg(spec), COVER_WIDTH, COVER_HEIGHT);

  const epubCode = sourceHash('epub.ts', 'zip.ts', 'licences.ts');
  const mediaCode = sourceHash('media.ts');
  const built: BuiltItem[] = [];

  for (const work of WORKS) {
    const files: string[] = [];
    let coverRel: string;
    if (work.type === 'book') {
      const coverData = await cover(work, work.cover);
      coverRel = `covers/${work.id}.png`;
      const figureSvgs = Object.fromEntries(
        figuresOf(work.book).map((name) => [name, FIGURES[name]?.() ?? '']),
      );
      const rel = `livres/${work.id}.epub`;
      await outputs.produce(
        rel,
        { kind: 'epub', book: work.book, cover: sha256(coverData), figureSvgs, epubCode },
        async () => {
          const pictures = new Map<string, Picture>();
          for (const [name, svg] of Object.entries(figureSvgs)) {
            if (!svg) throw new Error(`${work.id}: unknown figure "${name}"`);
            pictures.set(name, {
              ext: 'png',
              data: await (await browser()).svg(sized(svg, 1000, 625), 1000, 625, 'png'),
            });
          }
          return buildEpub(work.book, { ext: 'png', data: coverData }, pictures);
        },
      );
      files.push(rel);
    } else if (work.type === 'image') {
      const svg = work.svg();
      const rel = `images/${work.id}.png`;
      await raster(rel, svg, PICTURE_WIDTH, PICTURE_HEIGHT);
      files.push(rel);
      // The portal shows covers in portrait: the whole picture above the title.
      await cover(work, {
        title: work.title,
        background: '#e3ecf7',
        motif: { picture: svg },
        kind: 'Image',
      });
      coverRel = `covers/${work.id}.png`;
    } else if (work.type === 'audio') {
      const rel = `audio/${work.id}.mp3`;
      const speech = {
        text: work.text,
        voice: 'fr+f3',
        speed: 140,
        title: work.title,
        artist: AUTHOR,
        licence: LICENCE_TEXT[work.licence].short,
      };
      await outputs.produce(rel, { kind: 'mp3', speech, mediaCode }, () => speechMp3(speech));
      files.push(rel);
      await cover(work, work.cover);
      coverRel = `covers/${work.id}.png`;
    } else if (work.type === 'video') {
      const rel = `videos/${work.id}.mp4`;
      const frames = work.frames.map((f) => f());
      await outputs.produce(rel, { kind: 'mp4', frames, mediaCode }, async () => {
        const pngs: Buffer[] = [];
        for (const svg of frames)
          pngs.push(await (await browser()).svg(svg, PICTURE_WIDTH, PICTURE_HEIGHT, 'png'));
        return slideshowMp4(pngs, 2, 1, 960, 600, work.title);
      });
      files.push(rel);
      await cover(work, work.cover);
      coverRel = `covers/${work.id}.png`;
    } else {
      const rel = `documents/${work.id}.pdf`;
      const html = work.html();
      await outputs.produce(rel, { kind: 'pdf', html, version: 1 }, async () =>
        normalisePdf(await (await browser()).pdf(html), work),
      );
      files.push(rel);
      await cover(work, work.cover);
      coverRel = `covers/${work.id}.png`;
    }
    built.push({
      work,
      files,
      cover: coverRel,
      attribution: attribution(work.title, work.licence, work.language),
    });
  }
  await renderer?.close();

  removeStale(outputs.written);
  outputs.save();
  // The portal lists the newest works first, and a pack's works arrive in manifest order:
  // listing them backwards puts the welcome guide at the top of « Nouveautés ».
  const manifest = buildManifest(CONTENT_DIR, built.reverse(), PUBLISHED);
  writeFileSync(
    path.join(CONTENT_DIR, 'lanterne-pack.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  const bytes = [...outputs.written].reduce(
    (sum, rel) => sum + statSync(path.join(CONTENT_DIR, rel)).size,
    0,
  );
  console.log(
    `lanterne-demo: ${manifest.items.length} œuvres, ${manifest.notices.length} notices, ${manifest.parcours.length} parcours, ${(bytes / 1024 / 1024).toFixed(2)} Mo ` +
      `(${outputs.rebuilt} fichiers refaits, ${outputs.kept} inchangés)`,
  );
}

/** Fixed dates and our metadata: Chromium would stamp the time of the build. */
async function normalisePdf(data: Buffer, work: Work): Promise<Buffer> {
  const pdf = await PDFDocument.load(data, { updateMetadata: false });
  const date = new Date(MODIFIED);
  pdf.setTitle(work.title, { showInWindowTitleBar: true });
  pdf.setAuthor(AUTHOR);
  pdf.setSubject(work.description);
  pdf.setKeywords([...work.themes, LICENCE_TEXT[work.licence].short]);
  pdf.setLanguage(work.language);
  pdf.setCreator(AUTHOR);
  pdf.setProducer('Lanterne demo-content (Chromium, pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Deletes files of our folders that this build did not make (renamed or removed works). */
function removeStale(written: Set<string>): void {
  for (const dir of OUTPUT_DIRS) {
    const abs = path.join(CONTENT_DIR, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs)) {
      const rel = `${dir}/${name}`;
      if (!written.has(rel)) {
        rmSync(path.join(abs, name), { recursive: true, force: true });
        console.log(`supprimé : ${rel}`);
      }
    }
  }
}

await main();
