import type { Block, Book, Chapter } from './book.js';
import { AUTHOR, LICENCE_TEXT } from './licences.js';
import { zip } from './zip.js';

/** Every book says it was last modified on this day: a build date would change the bytes. */
export const MODIFIED = '2026-11-01T12:00:00Z';
export const PUBLISHED = '2026-11-01';

export interface Picture {
  data: Buffer;
  /** `png` or `jpg`. */
  ext: 'png' | 'jpg';
}

const WORDS = {
  fr: {
    cover: 'Couverture',
    toc: 'Sommaire',
    landmarks: 'Repères',
    start: 'Début du livre',
    about: 'À propos de ce livre',
    tip: 'Astuce',
    by: 'Texte et illustrations',
    published: 'Publié par',
    coverAlt: 'Couverture du livre',
  },
  en: {
    cover: 'Cover',
    toc: 'Contents',
    landmarks: 'Landmarks',
    start: 'Start of the book',
    about: 'About this book',
    tip: 'Tip',
    by: 'Text and pictures',
    published: 'Published by',
    coverAlt: 'Cover of the book',
  },
} as const;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * French typography: a no-break space inside guillemets and before « : ; ? ! », so a
 * lone sign never starts a line (readers re-flow text at every size).
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:;?!])/g, '\u00a0$1');
}

/** Escapes, then turns `**x**` into <strong>x</strong>. */
function inlineIn(text: string, language: Book['language']): string {
  const typed = language === 'fr' ? frenchSpaces(text) : text;
  return escapeXml(typed).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

const MIME = { png: 'image/png', jpg: 'image/jpeg' } as const;

function figureFile(name: string, picture: Picture): string {
  return `images/${name}.${picture.ext}`;
}

function renderBlock(block: Block, book: Book, pictures: Map<string, Picture>): string {
  const inline = (text: string) => inlineIn(text, book.language);
  if ('h' in block) return `<h2>${inline(block.h)}</h2>`;
  if ('p' in block) return `<p>${inline(block.p)}</p>`;
  if ('steps' in block)
    return `<ol class="steps">${block.steps.map((s) => `<li>${inline(s)}</li>`).join('')}</ol>`;
  if ('list' in block) return `<ul>${block.list.map((s) => `<li>${inline(s)}</li>`).join('')}</ul>`;
  if ('tip' in block) {
    const colon = book.language === 'fr' ? '&#160;:' : ':';
    return `<aside class="tip" epub:type="tip"><p><strong>${WORDS[book.language].tip}${colon}</strong> ${inline(block.tip)}</p></aside>`;
  }
  if ('verse' in block)
    return `<p class="verse">${block.verse.map((l) => inline(l)).join('<br/>')}</p>`;
  const picture = pictures.get(block.figure);
  if (!picture) throw new Error(`${book.id}: missing picture "${block.figure}"`);
  const caption = block.caption ? `<figcaption>${inline(block.caption)}</figcaption>` : '';
  return `<figure><img src="${figureFile(block.figure, picture)}" alt="${escapeXml(block.alt)}"/>${caption}</figure>`;
}

function page(book: Book, title: string, body: string, bodyType = 'bodymatter'): string {
  const lang = book.language;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body epub:type="${bodyType}">
${body}
</body>
</html>
`;
}

function chapterPage(
  book: Book,
  chapter: Chapter,
  index: number,
  pictures: Map<string, Picture>,
): string {
  const body = `<section epub:type="chapter" aria-labelledby="c${index}">
<h1 id="c${index}">${inlineIn(chapter.title, book.language)}</h1>
${chapter.blocks.map((b) => renderBlock(b, book, pictures)).join('\n')}
</section>`;
  return page(book, chapter.title, body);
}

function coverPage(book: Book, cover: Picture): string {
  const w = WORDS[book.language];
  const body = `<section epub:type="cover" class="cover"><img src="images/cover.${cover.ext}" alt="${escapeXml(`${w.coverAlt} : ${book.title}`)}"/></section>`;
  return page(book, w.cover, body, 'cover');
}

function aboutPage(book: Book): string {
  const w = WORDS[book.language];
  const licence = LICENCE_TEXT[book.licence];
  const body = `<section epub:type="colophon" aria-labelledby="about">
<h1 id="about">${w.about}</h1>
<p><strong>${escapeXml(book.title)}</strong>${book.subtitle ? ` — ${escapeXml(book.subtitle)}` : ''}</p>
<p>${w.by} : ${AUTHOR}, ${PUBLISHED.slice(0, 4)}.</p>
<p>${escapeXml(licence[book.language])}</p>
<p>${escapeXml(licence.url)}</p>
<p>${w.published} ${AUTHOR}.</p>
</section>`.replace(/ : /g, book.language === 'fr' ? '&#160;: ' : ': ');
  return page(book, w.about, body, 'backmatter');
}

function navPage(book: Book): string {
  const w = WORDS[book.language];
  const items = book.chapters.map(
    (c, i) => `<li><a href="chapter-${i + 1}.xhtml">${inlineIn(c.title, book.language)}</a></li>`,
  );
  items.push(`<li><a href="about.xhtml">${w.about}</a></li>`);
  const body = `<nav epub:type="toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">${w.toc}</h1>
<ol>
${items.join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>${w.landmarks}</h2>
<ol>
<li><a epub:type="cover" href="cover.xhtml">${w.cover}</a></li>
<li><a epub:type="toc" href="nav.xhtml">${w.toc}</a></li>
<li><a epub:type="bodymatter" href="chapter-1.xhtml">${w.start}</a></li>
</ol>
</nav>`;
  return page(book, w.toc, body, 'frontmatter');
}

/**
 * The EPUB 2 table of contents (NCX), beside the EPUB 3 `nav`: reading systems of EPUB 2
 * (older e-ink firmware, some OPDS apps) read only this one. Same entries as the nav.
 */
function ncx(book: Book): string {
  const w = WORDS[book.language];
  const points = [
    ...book.chapters.map((c, i) => ({ label: c.title, src: `chapter-${i + 1}.xhtml` })),
    { label: w.about, src: 'about.xhtml' },
  ];
  const navPoints = points.map(
    (p, i) => `<navPoint id="nav-${i + 1}" playOrder="${i + 1}">
<navLabel><text>${escapeXml((book.language === 'fr' ? frenchSpaces(p.label) : p.label).replace(/\*\*/g, ''))}</text></navLabel>
<content src="${p.src}"/>
</navPoint>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${book.language}">
<head>
<meta name="dtb:uid" content="urn:uuid:${book.uuid}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${escapeXml(book.title)}</text></docTitle>
<navMap>
${navPoints.join('\n')}
</navMap>
</ncx>
`;
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-family: sans-serif; font-size: 1.6em; line-height: 1.25; margin: 1.5em 0 0.8em; color: #1d2f57; }
h2 { font-family: sans-serif; font-size: 1.2em; margin: 1.4em 0 0.5em; color: #1d2f57; }
p { margin: 0 0 0.8em; }
ol.steps li, ul li { margin-bottom: 0.5em; }
aside.tip { border-left: 0.3em solid #d99a00; background: #fff6db; padding: 0.6em 0.9em; margin: 1em 0; }
p.verse { margin: 0 0 1.4em 1.5em; font-style: normal; }
figure { margin: 1.2em 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-family: sans-serif; font-size: 0.9em; color: #333; margin-top: 0.4em; }
section.cover { margin: 0; padding: 0; text-align: center; }
section.cover img { max-width: 100%; max-height: 100vh; height: auto; }
nav[hidden] { display: none; }
`;

function opf(book: Book, cover: Picture, figures: Array<[string, Picture]>): string {
  const licence = LICENCE_TEXT[book.licence];
  const chapters = book.chapters.map((_, i) => i + 1);
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>`,
    `<item id="style" href="style.css" media-type="text/css"/>`,
    `<item id="cover-image" href="images/cover.${cover.ext}" media-type="${MIME[cover.ext]}" properties="cover-image"/>`,
    `<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>`,
    ...chapters.map(
      (n) =>
        `<item id="chapter-${n}" href="chapter-${n}.xhtml" media-type="application/xhtml+xml"/>`,
    ),
    `<item id="about" href="about.xhtml" media-type="application/xhtml+xml"/>`,
    ...figures.map(
      ([name, p]) =>
        `<item id="img-${name}" href="${figureFile(name, p)}" media-type="${MIME[p.ext]}"/>`,
    ),
  ];
  const spine = [
    `<itemref idref="cover" linear="yes"/>`,
    `<itemref idref="nav"/>`,
    ...chapters.map((n) => `<itemref idref="chapter-${n}"/>`),
    `<itemref idref="about"/>`,
  ];
  const hasFigures = figures.length > 0;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${book.language}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">urn:uuid:${book.uuid}</dc:identifier>
<dc:title>${escapeXml(book.title)}</dc:title>
<dc:creator id="creator">${AUTHOR}</dc:creator>
<meta refines="#creator" property="role" scheme="marc:relators">aut</meta>
<dc:publisher>${AUTHOR}</dc:publisher>
<dc:language>${book.language}</dc:language>
<dc:date>${PUBLISHED}</dc:date>
<dc:description>${escapeXml(book.description)}</dc:description>
${book.themes.map((t) => `<dc:subject>${escapeXml(t)}</dc:subject>`).join('\n')}
<dc:rights>${escapeXml(`${licence.short} — ${licence[book.language]} ${licence.url}`)}</dc:rights>
<meta property="dcterms:modified">${MODIFIED}</meta>
<meta name="cover" content="cover-image"/>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
${hasFigures ? '<meta property="schema:accessibilityFeature">alternativeText</meta>\n' : ''}<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">${book.language === 'fr' ? 'Texte structuré avec titres et sommaire ; chaque image a une description.' : 'Structured text with headings and a table of contents; every picture has a description.'}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx">
${spine.join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** Every figure a book's chapters name, in order of first use. */
export function figuresOf(book: Book): string[] {
  const names: string[] = [];
  for (const chapter of book.chapters) {
    for (const block of chapter.blocks) {
      if ('figure' in block && !names.includes(block.figure)) names.push(block.figure);
    }
  }
  return names;
}

/** Builds an EPUB 3: `mimetype` first and stored, then the container, the package, the pages. */
export async function buildEpub(
  book: Book,
  cover: Picture,
  pictures: Map<string, Picture>,
): Promise<Buffer> {
  const figures = figuresOf(book).map((name): [string, Picture] => {
    const p = pictures.get(name);
    if (!p) throw new Error(`${book.id}: missing picture "${name}"`);
    return [name, p];
  });
  const text = (s: string) => Buffer.from(s, 'utf8');
  return zip([
    { path: 'mimetype', data: text('application/epub+zip'), compress: false },
    { path: 'META-INF/container.xml', data: text(CONTAINER) },
    { path: 'OEBPS/content.opf', data: text(opf(book, cover, figures)) },
    { path: 'OEBPS/nav.xhtml', data: text(navPage(book)) },
    { path: 'OEBPS/toc.ncx', data: text(ncx(book)) },
    { path: 'OEBPS/style.css', data: text(STYLE) },
    { path: 'OEBPS/cover.xhtml', data: text(coverPage(book, cover)) },
    ...book.chapters.map((c, i) => ({
      path: `OEBPS/chapter-${i + 1}.xhtml`,
      data: text(chapterPage(book, c, i + 1, pictures)),
    })),
    { path: 'OEBPS/about.xhtml', data: text(aboutPage(book)) },
    { path: `OEBPS/images/cover.${cover.ext}`, data: cover.data, compress: false },
    ...figures.map(([name, p]) => ({
      path: `OEBPS/${figureFile(name, p)}`,
      data: p.data,
      compress: false,
    })),
  ]);
}
