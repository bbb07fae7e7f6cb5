import { stat } from 'node:fs/promises';
import path from 'node:path';
import { allowedByPolicy } from '../../catalogue/licences.js';
import type { WorkType } from '../../catalogue/types.js';
import type { Context } from '../../context.js';
import { parseAuthors } from '../tool/authors.js';
import type { ExtractedAuthor } from '../tool/extract.js';
import { rowForFile } from '../tool/init.js';
import { LOCAL_PACK_ID, publishLocal } from './local-pack.js';
import type { StickContent } from './sticks.js';

/** A file on a stick without a pack, as the animateur reviews it. */
export interface SortFile {
  /** Position in the list; used in form field names. */
  index: number;
  rel: string;
  type: WorkType;
  size: number;
  title: string;
  authors: string;
  language: string;
  /** The licence the file states clearly, or '' (a person chooses). */
  licence: string;
  /** Why the licence needs a person (from the rights text), or ''. */
  note: string;
  cover?: { name: string; data: Buffer } | undefined;
  published: boolean;
}

export type SortState = 'reading' | 'ready' | 'publishing' | 'published' | 'failed' | 'removed';

export interface SortSession {
  stick: string;
  label: string;
  fingerprint: string;
  state: SortState;
  files: SortFile[];
  message: string;
  /** Per-file problems of the last publication attempt. */
  errors: string[];
}

export interface SortChoice {
  index: number;
  title: string;
  authors: string;
  licence: string;
}

/** Covers bigger than this stay out of memory (the work is published without one). */
const MAX_COVER = 2 * 1024 * 1024;

/**
 * "Files to sort": a stick with files but no pack. The box reads what each file says
 * about itself; the animateur confirms title, author and licence of each file worth
 * keeping, and they join the local pack.
 */
export class SortService {
  private readonly sessions = new Map<string, SortSession>();

  constructor(
    private readonly ctx: Context,
    private readonly track: <T>(p: Promise<T>) => Promise<T>,
  ) {}

  list(): SortSession[] {
    return [...this.sessions.values()].sort((a, b) => a.stick.localeCompare(b.stick));
  }

  get(stick: string): SortSession | undefined {
    return this.sessions.get(stick);
  }

  offer(content: StickContent): void {
    const existing = this.sessions.get(content.root);
    if (existing && existing.fingerprint === content.fingerprint && existing.state !== 'removed')
      return;
    const session: SortSession = {
      stick: content.root,
      label: content.label,
      fingerprint: content.fingerprint,
      state: 'reading',
      files: [],
      message: 'Lecture des fichiers…',
      errors: [],
    };
    this.sessions.set(content.root, session);
    void this.track(this.read(session, content.looseFiles));
  }

  forget(stick: string): void {
    this.sessions.delete(stick);
  }

  stickGone(stick: string): void {
    const s = this.sessions.get(stick);
    if (s && s.state !== 'published') {
      s.state = 'removed';
      s.message = 'Clé retirée : rebranchez-la pour trier ses fichiers.';
    }
  }

  private async read(session: SortSession, files: string[]): Promise<void> {
    const taken = new Set<string>();
    for (const [index, rel] of files.entries()) {
      if (this.sessions.get(session.stick) !== session) return;
      try {
        const { row, cover } = await rowForFile(session.stick, rel, taken, null);
        const size = (await stat(path.join(session.stick, rel))).size;
        session.files.push({
          index,
          rel,
          type: row.type as WorkType,
          size,
          title: row.title || path.basename(rel, path.extname(rel)),
          authors: row.authors,
          language: row.language || 'fr',
          licence: row.licence,
          note: row.note,
          cover: cover && cover.data.length <= MAX_COVER ? cover : undefined,
          published: false,
        });
      } catch {
        // A file that vanished or cannot be read is simply not offered.
      }
    }
    if (session.state === 'reading') {
      session.state = 'ready';
      session.message = `${session.files.length} fichier(s) à trier : confirmez la licence de ceux à garder.`;
    }
  }

  /**
   * Publishes the chosen files into the local pack. Returns the problems (nothing is
   * published then) or starts the publication and resolves when it is done.
   */
  publish(
    stick: string,
    choices: SortChoice[],
  ): { ok: true; done: Promise<void> } | { ok: false; errors: string[] } {
    const session = this.sessions.get(stick);
    if (!session || !['ready', 'failed', 'published'].includes(session.state)) {
      return {
        ok: false,
        errors: [
          'Ces fichiers ne sont plus disponibles (clé retirée ?) : rebranchez la clé et recommencez.',
        ],
      };
    }
    const policy = this.ctx.settings.current().licencePolicy;
    const errors: string[] = [];
    const chosen: Array<{
      file: SortFile;
      title: string;
      authors: ExtractedAuthor[];
      licence: string;
    }> = [];
    for (const choice of choices) {
      const file = session.files.find((f) => f.index === choice.index);
      if (!file) continue;
      const title = choice.title.trim();
      const { authors, unknownRoles } = parseAuthors(choice.authors);
      if (title === '') errors.push(`${file.rel} : donnez un titre.`);
      if (choice.licence === '')
        errors.push(`${file.rel} : choisissez la licence (ou décochez le fichier).`);
      else if (!allowedByPolicy(choice.licence, policy))
        errors.push(
          `${file.rel} : la licence ${choice.licence} n'est pas acceptée par les réglages de la boîte.`,
        );
      if (unknownRoles.length > 0)
        errors.push(`${file.rel} : rôle inconnu (${unknownRoles.join(', ')}).`);
      chosen.push({ file, title, authors, licence: choice.licence });
    }
    if (chosen.length === 0) errors.push('Cochez au moins un fichier à publier.');
    session.errors = errors;
    if (errors.length > 0) return { ok: false, errors };
    session.state = 'publishing';
    session.message = `Publication de ${chosen.length} fichier(s) dans le fonds local…`;
    const libraryName = this.ctx.settings.current().libraryName;
    const done = this.track(
      publishLocal(
        this.ctx,
        chosen.map((c) => ({
          from: path.join(stick, c.file.rel),
          type: c.file.type,
          title: c.title,
          authors: c.authors,
          licence: c.licence,
          language: c.file.language,
          cover: c.file.cover,
        })),
        libraryName,
      ).then(
        (outcome) => {
          if (outcome.status === 'imported') {
            for (const c of chosen) c.file.published = true;
            session.state = 'published';
            session.message = `${chosen.length} fichier(s) publiés dans le fonds local (${LOCAL_PACK_ID} ${outcome.version}).`;
          } else {
            session.state = 'failed';
            session.message =
              outcome.status === 'rejected'
                ? `La publication a échoué : ${outcome.problems.map((p) => p.message).join(' ')}`
                : 'La publication a échoué.';
          }
        },
        (err: unknown) => {
          session.state = 'failed';
          session.message = `La publication a échoué (${(err as Error).message}). Vérifiez que la clé est toujours branchée.`;
        },
      ),
    );
    return { ok: true, done };
  }
}
