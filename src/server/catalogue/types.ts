export { WORK_TYPES, type WorkType } from '../../shared/work-types.js';
import type { WorkType } from '../../shared/work-types.js';

export interface Author {
  name: string;
  /** author, translator, illustrator, narrator, editor… */
  role: string;
}

export interface WorkFile {
  position: number;
  /** Relative to the pack folder. */
  path: string;
  /** The name offered when downloading. */
  name: string;
  format: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface Theme {
  slug: string;
  label: string;
}

export interface WorkSummary {
  id: string;
  title: string;
  type: WorkType;
  language: string;
  licence: string;
  authors: string;
  hasCover: boolean;
  addedAt: string;
}

export interface Work extends Omit<WorkSummary, 'authors'> {
  rowid: number;
  packId: string;
  description: string;
  attribution: string;
  source: string;
  published: string | null;
  authors: Author[];
  themes: Theme[];
  files: WorkFile[];
  coverPath: string | null;
  coverMime: string | null;
}

/** What a pack import hands to the catalogue for one work. */
export interface NewWork {
  id: string;
  title: string;
  description: string;
  language: string;
  type: WorkType;
  licence: string;
  attribution: string;
  source: string;
  published: string | null;
  authors: Author[];
  themes: string[];
  files: Array<Omit<WorkFile, 'position'>>;
  coverPath: string | null;
  coverMime: string | null;
}

export interface NewPack {
  id: string;
  version: string;
  title: string;
  description: string;
  publisher: string;
  languages: string[];
  created: string | null;
  dir: string;
  manifestSha256: string;
  origin: PackOrigin;
}

export interface Pack extends NewPack {
  installedAt: string;
  workCount: number;
}

export interface Filters {
  type?: WorkType | undefined;
  language?: string | undefined;
  licence?: string | undefined;
  theme?: string | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * Where an installed pack came from: `bundled` (./content), `usb`, `upload`, `local`
 * (made on the box), `network` (received from the coordinator box through Syncthing).
 */
export type PackOrigin = 'bundled' | 'usb' | 'upload' | 'local' | 'network';
