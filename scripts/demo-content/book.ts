/** The source format of our books: plain data, turned into XHTML by `epub.ts`. */

/**
 * One block of a chapter. Text may hold `**bold**`; everything else is escaped.
 * `figure` names a picture rendered by the builder (see `art/index.ts`).
 */
export type Block =
  | { h: string }
  | { p: string }
  | { steps: string[] }
  | { list: string[] }
  | { tip: string }
  | { verse: string[] }
  | { figure: string; alt: string; caption?: string };

export interface Chapter {
  title: string;
  blocks: Block[];
}

export interface Book {
  /** The work's id in the pack, also the EPUB's file name. */
  id: string;
  title: string;
  subtitle?: string;
  language: 'fr' | 'en';
  /** Fixed, so the EPUB's identifier never changes between builds. */
  uuid: string;
  description: string;
  licence: 'CC-BY-SA-4.0' | 'CC-BY-4.0' | 'CC0-1.0';
  themes: string[];
  /** The cover drawing (see `art/covers.ts`). */
  cover: string;
  chapters: Chapter[];
}
