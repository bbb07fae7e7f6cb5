import type { WorkType } from '../../catalogue/types.js';

/** What a file says about itself, before a person checks it. */
export interface ExtractedAuthor {
  name: string;
  role:
    | 'author'
    | 'translator'
    | 'illustrator'
    | 'narrator'
    | 'editor'
    | 'composer'
    | 'photographer'
    | 'director';
}

export interface Extracted {
  type: WorkType;
  title?: string | undefined;
  authors?: ExtractedAuthor[] | undefined;
  language?: string | undefined;
  description?: string | undefined;
  themes?: string[] | undefined;
  /** Free text about the rights, to be mapped by `guessLicence`. */
  rights?: string | undefined;
  source?: string | undefined;
  cover?: { name: string; data: Buffer } | undefined;
  /** Why some metadata could not be read (the file itself may still be fine). */
  warnings: string[];
}
