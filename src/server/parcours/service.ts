import path from 'node:path';
import type { CatalogueService } from '../catalogue/service.js';
import type { Db } from '../db/open.js';
import { containedPath } from '../files/safety.js';
import type { NoticeService } from '../notices/service.js';
import {
  checkDocumentFiles,
  documentDir,
  readPackDocument,
  storedPackDir,
} from '../packs/documents.js';
import type { Manifest } from '../packs/manifest.js';
import type { PackHook } from '../packs/types.js';
import { decodeProgress, parcoursKey } from './assets/parcours-core.js';
import { parcoursPictures, parseParcoursText, type Parcours } from './format.js';
import { ParcoursRepo, type ParcoursErrorRow } from './repo.js';

export interface InstalledParcours {
  parcours: Parcours;
  packId: string;
  /** Absolute folder the parcours' pictures are relative to. */
  dir: string;
}

export interface ParcoursSummary {
  id: string;
  title: string;
  summary: string;
  level: Parcours['level'];
  digcomp: Parcours['digcomp'];
  public: Parcours['public'];
  themes: string[];
  language: string;
  steps: number;
  exercises: number;
}

/** What a step of a parcours points to, as the box has it now. */
export type StepTarget =
  | { kind: 'notice'; id: string; title: string | null; summary: string | null }
  | { kind: 'work'; id: string; title: string | null; summary: string | null }
  | { kind: 'exercise'; title: string };

const WORDS = { of: 'de parcours', tooHeavy: 'parcours trop lourd', ofThe: 'du parcours' };

/**
 * Parcours: installed from packs (inside the pack import transaction, like e-notices),
 * listed and read by the portal. A broken parcours never rejects its pack: it is
 * skipped, and the reason is kept for the admin area. The box keeps nothing about who
 * follows a parcours: progress lives in the visitor's browser and on paper.
 */
export class ParcoursService {
  readonly repo: ParcoursRepo;

  constructor(
    private readonly db: Db,
    private readonly packsDir: string,
    private readonly now: () => Date,
    private readonly catalogue: Pick<CatalogueService, 'work'>,
    private readonly notices: Pick<NoticeService, 'get'>,
  ) {
    this.repo = new ParcoursRepo(db);
  }

  packHook(): PackHook {
    return {
      name: 'parcours',
      install: (packId, packDir, manifest) => this.installPack(packId, packDir, manifest),
      remove: (packId) => this.repo.removePack(packId),
    };
  }

  /** Reads, checks and stores every parcours of a pack; returns the errors recorded. */
  installPack(
    packId: string,
    packDir: string,
    manifest: Pick<Manifest, 'parcours' | 'items' | 'notices'>,
  ): ParcoursErrorRow[] {
    const at = this.now().toISOString();
    const errors: ParcoursErrorRow[] = [];
    const storedDir = storedPackDir(this.packsDir, packDir);
    const run = () => {
      this.repo.removePack(packId);
      for (const ref of manifest.parcours) {
        const problem = this.installOne(packId, packDir, storedDir, ref, manifest, at);
        if (!problem) continue;
        const row = { pack_id: packId, path: ref.path, parcours_id: ref.id, message: problem, at };
        this.repo.insertError(row);
        errors.push(row);
      }
    };
    this.db.transaction(run)();
    return errors;
  }

  private installOne(
    packId: string,
    packDir: string,
    storedDir: string,
    ref: Manifest['parcours'][number],
    manifest: Pick<Manifest, 'items' | 'notices'>,
    at: string,
  ): string | null {
    const read = readPackDocument(packDir, ref, WORDS);
    if (!read.ok) return read.error;
    const parsed = parseParcoursText(read.text);
    if (!parsed.ok) return `parcours invalide : ${parsed.error}`;
    const parcours = parsed.parcours;
    if (parcours.id !== ref.id)
      return `l’identifiant du parcours (${parcours.id}) diffère du manifeste (${ref.id})`;
    const existing = this.repo.get(parcours.id);
    if (existing && existing.pack_id !== packId)
      return `un parcours « ${parcours.id} » est déjà fourni par le pack ${existing.pack_id}`;
    // A step naming a work or a notice of its own pack must find it there (a typo, else).
    const items = new Set(manifest.items.map((i) => `${packId}.${i.id}`));
    const notices = new Set(manifest.notices.map((n) => n.id));
    for (const [i, step] of parcours.steps.entries()) {
      if (step.kind === 'work' && step.work.startsWith(`${packId}.`) && !items.has(step.work))
        return `étape ${i + 1} : l’œuvre ${step.work} n’est pas dans ce pack`;
      if (step.kind === 'notice' && !notices.has(step.notice) && !this.notices.get(step.notice))
        return `étape ${i + 1} : la notice ${step.notice} n’est ni dans ce pack ni sur la boîte`;
    }
    const dir = path.dirname(read.file);
    const files = parcoursPictures(parcours).map((p) => ({ ...p, where: 'image' }));
    const problem = checkDocumentFiles(packDir, dir, files);
    if (problem) return problem;
    this.repo.insert({
      id: parcours.id,
      pack_id: packId,
      version: parcours.version,
      language: parcours.language,
      title: parcours.title,
      level: parcours.level,
      pack_dir: storedDir,
      parcours_dir: path.relative(packDir, dir),
      body: JSON.stringify(parcours),
      installed_at: at,
    });
    return null;
  }

  get(id: string): InstalledParcours | undefined {
    const row = this.repo.get(id);
    if (!row) return undefined;
    return {
      parcours: JSON.parse(row.body) as Parcours,
      packId: row.pack_id,
      dir: documentDir(this.packsDir, row.pack_dir, row.parcours_dir),
    };
  }

  /** The parcours a progress code names (its 20-bit key), if installed. */
  byKey(key: number): InstalledParcours | undefined {
    const row = this.repo.all().find((r) => parcoursKey(r.id) === key);
    return row ? this.get(row.id) : undefined;
  }

  /** The steps a progress code says are done, if it is a right code of this parcours. */
  stepsFromCode(installed: InstalledParcours, code: string | undefined): number[] | null {
    const decoded = decodeProgress(code ?? '');
    if (!decoded.ok || parcoursKey(installed.parcours.id) !== decoded.key) return null;
    return decoded.steps.filter((n) => n <= installed.parcours.steps.length);
  }

  list(): ParcoursSummary[] {
    return this.repo.all().map((row) => {
      const p = JSON.parse(row.body) as Parcours;
      return {
        id: p.id,
        title: p.title,
        summary: p.summary,
        level: p.level,
        digcomp: p.digcomp,
        public: p.public,
        themes: p.themes,
        language: p.language,
        steps: p.steps.length,
        exercises: p.steps.filter((s) => s.kind === 'exercise').length,
      };
    });
  }

  /** What each step points to today (a notice or work may have gone with its pack). */
  targets(parcours: Parcours): StepTarget[] {
    return parcours.steps.map((step): StepTarget => {
      if (step.kind === 'exercise') return { kind: 'exercise', title: step.exercise.title };
      if (step.kind === 'notice') {
        const n = this.notices.get(step.notice)?.notice;
        return {
          kind: 'notice',
          id: step.notice,
          title: n?.title ?? null,
          summary: n?.summary ?? null,
        };
      }
      const w = this.catalogue.work(step.work);
      return {
        kind: 'work',
        id: step.work,
        title: w?.title ?? null,
        summary: w?.description ?? null,
      };
    });
  }

  /** The file of a picture the parcours names, or null when it names no such picture. */
  pictureFile(installed: InstalledParcours, rel: string): string | null {
    const named = parcoursPictures(installed.parcours).some((p) => p.path === rel);
    return named ? containedPath(installed.dir, rel) : null;
  }

  errors(): ParcoursErrorRow[] {
    return this.repo.errors();
  }
}
