import type { VNode } from 'preact';
import type { Work, WorkFile } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import type { PageContext } from '../ui/page.js';

/**
 * Sections other features add to portal pages (the portal imports none of them): each
 * feature registers its own under its name when its routes are made.
 */
export interface PortalExtras {
  /** After the home page's own sections (the home page is cached per catalogue). */
  home: Map<string, (page: PageContext) => VNode | null>;
  /** At the end of a work's page; `query` is the page's query string. */
  work: Map<string, (page: PageContext, work: Work, query: URLSearchParams) => VNode | null>;
  /** Under a work's title, before its player and files (e.g. "Ouvrir l'encyclopédie"). */
  workLead: Map<string, (page: PageContext, work: Work) => VNode | null>;
  /** Beside one of a work's files, after its download link (e.g. « Lire ici »). */
  file: Map<string, (page: PageContext, work: Work, file: WorkFile) => VNode | null>;
}

export const PORTAL_EXTRAS = serviceKey('portal-extras', (_ctx: Context): PortalExtras => ({
  home: new Map(),
  work: new Map(),
  workLead: new Map(),
  file: new Map(),
}));
