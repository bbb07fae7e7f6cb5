/** The parts of foliate-js (plain JavaScript, no types of its own) the reader uses. */
declare module 'foliate-js/epub.js' {
  export interface Loader {
    loadText(name: string): Promise<string | null> | string | null;
    loadBlob(name: string): Promise<Blob | null> | Blob | null;
    getSize(name: string): number;
  }
  export interface TocItem {
    label: string;
    href: string;
    subitems?: TocItem[] | null;
  }
  export interface Book {
    toc?: TocItem[];
    metadata?: { title?: unknown; language?: string | string[] };
    dir?: string;
    sections: unknown[];
  }
  export class EPUB {
    constructor(loader: Loader);
    init(): Promise<Book>;
  }
}

declare module 'foliate-js/view.js' {
  import type { Book, TocItem } from 'foliate-js/epub.js';
  export interface Relocate {
    fraction?: number;
    cfi?: string;
    tocItem?: TocItem | null;
    location?: { current: number; total: number };
  }
  export interface Renderer extends HTMLElement {
    setStyles(css: string): void;
    next(): Promise<void>;
    prev(): Promise<void>;
  }
  export interface SearchHit {
    cfi: string;
    excerpt: { pre: string; match: string; post: string };
  }
  export type SearchResult =
    'done' | { progress: number } | { label: string; subitems: SearchHit[] };
  export interface FoliateView extends HTMLElement {
    search(options: { query: string }): AsyncIterable<SearchResult>;
    clearSearch(): void;
    book: Book;
    renderer: Renderer;
    open(book: Book): Promise<void>;
    init(options: { lastLocation?: string | null; showTextStart?: boolean }): Promise<void>;
    goTo(target: string | number): Promise<unknown>;
    goLeft(): Promise<void>;
    goRight(): Promise<void>;
    prev(): Promise<void>;
    next(): Promise<void>;
  }
}
