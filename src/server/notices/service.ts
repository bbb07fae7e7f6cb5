import path from 'node:path';
import type { Db } from '../db/open.js';
import { containedPath } from '../files/safety.js';
import {
  checkDocumentFiles,
  documentDir,
  readPackDocument,
  storedPackDir,
} from '../packs/documents.js';
import type { Manifest } from '../packs/manifest.js';
import type { PackHook } from '../packs/types.js';
import { parseNoticeText, type Notice } from './format.js';
import { NoticeRepo, type Face, type NoticeErrorRow } from './repo.js';

export interface InstalledNotice {
  notice: Notice;
  packId: string;
  /** Absolute folder the notice's pictures and audio are relative to. */
  dir: string;
}

export interface NoticeSummary {
  id: string;
  title: string;
  summary: string;
  level: Notice['level'];
  devices: Notice['devices'];
  themes: string[];
  duration: number;
  language: string;
  steps: number;
}

/** The notices written on this box travel as this pack (and are exported as one). */
export const LOCAL_PACK_ID = 'notices-locales';

const NOTICE_WORDS = { of: 'de notice', tooHeavy: 'notice trop lourde', ofThe: 'de la notice' };

/**
 * E-notices: installed from packs (inside the pack import transaction), listed and
 * read by the portal, the kiosk API and the print view.
 *
 * A broken notice never rejects its pack: it is skipped, and the reason is recorded
 * for the admin area, so one bad file does not hide the books and the other notices.
 */
export class NoticeService {
  readonly repo: NoticeRepo;

  constructor(
    private readonly db: Db,
    private readonly packsDir: string,
    private readonly now: () => Date,
  ) {
    this.repo = new NoticeRepo(db);
  }

  /** The hook the pack pipeline runs inside its transaction. */
  packHook(): PackHook {
    return {
      name: 'notices',
      install: (packId, packDir, manifest) => this.installPack(packId, packDir, manifest),
      remove: (packId) => this.repo.removePack(packId),
    };
  }

  /**
   * Reads, checks and stores every notice of a pack. Synchronous on purpose: it runs
   * inside better-sqlite3's transaction. Returns the errors recorded.
   */
  installPack(
    packId: string,
    packDir: string,
    manifest: Pick<Manifest, 'notices'>,
  ): NoticeErrorRow[] {
    const at = this.now().toISOString();
    const errors: NoticeErrorRow[] = [];
    const fail = (file: string, noticeId: string | null, message: string) => {
      const row = { pack_id: packId, path: file, notice_id: noticeId, message, at };
      this.repo.insertError(row);
      errors.push(row);
    };
    const storedDir = storedPackDir(this.packsDir, packDir);
    const run = () => {
      this.repo.removePack(packId);
      for (const ref of manifest.notices) {
        const problem = this.installOne(packId, packDir, storedDir, ref, at);
        if (problem) fail(ref.path, ref.id, problem);
      }
    };
    // Nested calls (inside the import transaction) become savepoints.
    this.db.transaction(run)();
    return errors;
  }

  private installOne(
    packId: string,
    packDir: string,
    storedDir: string,
    ref: Manifest['notices'][number],
    at: string,
  ): string | null {
    const read = readPackDocument(packDir, ref, NOTICE_WORDS);
    if (!read.ok) return read.error;
    const file = read.file;
    const parsed = parseNoticeText(read.text);
    if (!parsed.ok) return `notice invalide : ${parsed.error}`;
    const notice = parsed.notice;
    if (notice.id !== ref.id)
      return `l’identifiant de la notice (${notice.id}) diffère du manifeste (${ref.id})`;
    const existing = this.repo.get(notice.id);
    if (existing && existing.pack_id !== packId) {
      return `une notice « ${notice.id} » est déjà fournie par le pack ${existing.pack_id}`;
    }
    const noticeDir = path.dirname(file);
    const files = notice.steps.flatMap((step, i) =>
      [step.picture, ...(step.audio ? [step.audio] : [])].map((m) => ({
        path: m.path,
        sha256: m.sha256,
        where: `étape ${i + 1}`,
      })),
    );
    const problem = checkDocumentFiles(packDir, noticeDir, files);
    if (problem) return problem;
    this.repo.insert({
      id: notice.id,
      pack_id: packId,
      version: notice.version,
      language: notice.language,
      title: notice.title,
      level: notice.level,
      pack_dir: storedDir,
      notice_dir: path.relative(packDir, noticeDir),
      body: JSON.stringify(notice),
      installed_at: at,
    });
    return null;
  }

  /**
   * A notice visitors may see (portal, kiosk, API, print, search): installed and not
   * taken away by the animateur. The admin area uses `getAny`.
   */
  get(id: string): InstalledNotice | undefined {
    if (this.repo.hiddenIds().has(id)) return undefined;
    return this.getAny(id);
  }

  /** An installed notice, shown to visitors or not (admin area). */
  getAny(id: string): InstalledNotice | undefined {
    const row = this.repo.get(id);
    if (!row) return undefined;
    return {
      notice: JSON.parse(row.body) as Notice,
      packId: row.pack_id,
      dir: documentDir(this.packsDir, row.pack_dir, row.notice_dir),
    };
  }

  /** The notices visitors see. */
  list(): NoticeSummary[] {
    const hidden = this.repo.hiddenIds();
    return this.listAll().filter((n) => !hidden.has(n.id));
  }

  /** Every installed notice, hidden ones included (admin area). */
  listAll(): NoticeSummary[] {
    return this.repo.all().map((row) => {
      const n = JSON.parse(row.body) as Notice;
      return {
        id: n.id,
        title: n.title,
        summary: n.summary,
        level: n.level,
        devices: n.devices,
        themes: n.themes,
        duration: n.duration,
        language: n.language,
        steps: n.steps.length,
      };
    });
  }

  /** The absolute file of a step's picture or audio, or null when absent or refused. */
  mediaFile(installed: InstalledNotice, step: number, kind: 'picture' | 'audio'): string | null {
    const s = installed.notice.steps[step - 1];
    const ref = kind === 'picture' ? s?.picture : s?.audio;
    if (!ref) return null;
    return containedPath(installed.dir, ref.path);
  }

  /** Takes a notice away from visitors (its pack stays installed), or gives it back. */
  setHidden(id: string, hidden: boolean): void {
    if (hidden) this.repo.hide(id, this.now().toISOString());
    else this.repo.show(id);
  }

  isHidden(id: string): boolean {
    return this.repo.hiddenIds().has(id);
  }

  errors(): NoticeErrorRow[] {
    return this.repo.errors();
  }

  feedback(noticeId: string, face: Face): void {
    this.repo.addFeedback(noticeId, face);
  }
}
