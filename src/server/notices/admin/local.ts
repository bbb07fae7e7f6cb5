import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { containedPath } from '../../files/safety.js';
import { MANIFEST_FILE, MANIFEST_FORMAT } from '../../packs/manifest.js';
import { NOTICE_FORMAT, parseNotice, type NoticeInput } from '../format.js';
import type { NoticeErrorRow } from '../repo.js';
import { LOCAL_PACK_ID, type NoticeService } from '../service.js';

export { LOCAL_PACK_ID } from '../service.js';

export type Draft = NoticeInput;
export type DraftStep = Draft['steps'][number];

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function emptyStep(): DraftStep {
  return {
    action: '',
    picture: { path: '', sha256: '', width: 0, height: 0, alt: '' },
    markers: [],
  };
}

export function newDraft(id: string, title: string): Draft {
  return {
    format: NOTICE_FORMAT,
    id,
    version: '1.0.0',
    language: 'fr',
    title,
    summary: '',
    level: 'débutant',
    themes: [],
    devices: ['android'],
    duration: 5,
    licence: 'CC-BY-SA-4.0',
    authors: [],
    needs: [],
    steps: [emptyStep()],
  };
}

/** A readable id from a title: "Envoyer un courriel" → "envoyer-un-courriel". */
export function slugOf(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'notice'
  );
}

function bumpVersion(v: string): string {
  const parts = v.split('.').map(Number);
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? 0) + 1;
  return parts.join('.');
}

/**
 * The box's own notices. The animateur edits a draft in `<dataDir>/notices-local/<id>/`
 * (notice.json and the uploaded pictures); visitors never see it. Publishing checks the
 * draft and copies it to `<dataDir>/notices-published/<id>/`, which is installed as the
 * local pack through the same checks as any pack: what visitors get is exactly the
 * published copy, and later edits stay in the draft until published again.
 */
export class LocalNotices {
  readonly dir: string;
  readonly publishedDir: string;

  constructor(
    dataDir: string,
    private readonly notices: NoticeService,
  ) {
    this.dir = path.join(dataDir, 'notices-local');
    this.publishedDir = path.join(dataDir, 'notices-published');
  }

  private folder(id: string): string {
    if (!ID.test(id)) throw new Error('identifiant refusé');
    return path.join(this.dir, id);
  }

  private publishedFolder(id: string): string {
    if (!ID.test(id)) throw new Error('identifiant refusé');
    return path.join(this.publishedDir, id);
  }

  ids(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((d) => ID.test(d) && existsSync(path.join(this.dir, d, 'notice.json')))
      .sort();
  }

  has(id: string): boolean {
    return ID.test(id) && existsSync(path.join(this.dir, id, 'notice.json'));
  }

  read(id: string): Draft | undefined {
    if (!this.has(id)) return undefined;
    return JSON.parse(readFileSync(path.join(this.folder(id), 'notice.json'), 'utf8')) as Draft;
  }

  /** Whether visitors see this notice (a published copy exists). */
  isPublished(id: string): boolean {
    return ID.test(id) && existsSync(path.join(this.publishedDir, id, 'notice.json'));
  }

  /** Whether the draft holds changes visitors do not see yet. */
  hasUnpublishedChanges(id: string): boolean {
    if (!this.isPublished(id) || !this.has(id)) return false;
    const read = (dir: string) => readFileSync(path.join(dir, 'notice.json'), 'utf8');
    return read(this.folder(id)) !== read(this.publishedFolder(id));
  }

  /** A free id for a new notice (never one another pack already uses). */
  freeId(title: string): string {
    const base = slugOf(title);
    let id = base;
    for (let i = 2; this.has(id) || this.notices.getAny(id); i += 1) id = `${base}-${i}`;
    return id;
  }

  /** Writes the draft (atomically). Visitors see nothing of it until `publish`. */
  save(draft: Draft, bump = true): Draft {
    const dir = this.folder(draft.id);
    mkdirSync(dir, { recursive: true });
    const previous = this.read(draft.id);
    const changed = previous && JSON.stringify(previous) !== JSON.stringify(draft);
    const toWrite = bump && changed ? { ...draft, version: bumpVersion(draft.version) } : draft;
    const tmp = path.join(dir, `notice.json.${process.pid}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(toWrite, null, 2)}\n`);
    renameSync(tmp, path.join(dir, 'notice.json'));
    this.removeUnusedPictures(toWrite);
    return toWrite;
  }

  /**
   * Publishes the draft: checks it, copies it with its pictures beside the other
   * published notices, and re-installs them. Returns the validation problem, if any
   * (then nothing changes for visitors).
   */
  publish(id: string): { ok: true; errors: NoticeErrorRow[] } | { ok: false; error: string } {
    const draft = this.read(id);
    if (!draft) return { ok: false, error: 'notice introuvable' };
    const parsed = parseNotice(draft);
    if (!parsed.ok) return parsed;
    const target = this.publishedFolder(id);
    const staging = `${target}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    copyFileSync(path.join(this.folder(id), 'notice.json'), path.join(staging, 'notice.json'));
    for (const step of draft.steps) {
      for (const media of [step.picture, step.audio]) {
        const from = media?.path ? containedPath(this.folder(id), media.path) : null;
        if (from && existsSync(from)) copyFileSync(from, path.join(staging, path.basename(from)));
      }
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    const errors = this.installPublished();
    return { ok: true, errors };
  }

  /** Takes the notice away from visitors; the draft stays, to publish again later. */
  unpublish(id: string): void {
    rmSync(this.publishedFolder(id), { recursive: true, force: true });
    this.installPublished();
  }

  remove(id: string): void {
    rmSync(this.folder(id), { recursive: true, force: true });
    rmSync(this.publishedFolder(id), { recursive: true, force: true });
    this.installPublished();
  }

  /**
   * Boxes from before drafts and publication installed the drafts themselves: the first
   * time, the drafts visitors could see are published as they were, so nothing a
   * visitor saw disappears.
   */
  upgradeOnce(): void {
    if (existsSync(this.publishedDir)) return;
    mkdirSync(this.publishedDir, { recursive: true });
    const installed = this.notices.repo.all().filter((r) => r.pack_id === LOCAL_PACK_ID);
    for (const row of installed) if (this.has(row.id)) this.publish(row.id);
    this.installPublished();
  }

  /**
   * Makes an editable copy of a notice from another pack (a starter notice to adapt):
   * the JSON under a new id and title, and every picture and recording it names.
   */
  copyFrom(source: { notice: Draft; dir: string }, title: string): string {
    const id = this.freeId(title);
    const dir = this.folder(id);
    mkdirSync(dir, { recursive: true });
    const steps = source.notice.steps.map((step) => {
      const copy = { ...step, picture: { ...step.picture } };
      for (const media of [copy.picture, copy.audio]) {
        if (!media) continue;
        const from = containedPath(source.dir, media.path);
        if (!from || !existsSync(from)) continue;
        const name = `image-${randomBytes(6).toString('hex')}${path.extname(media.path).toLowerCase()}`;
        copyFileSync(from, path.join(dir, name));
        media.path = name;
      }
      return copy;
    });
    this.save({ ...source.notice, id, title, version: '1.0.0', steps }, false);
    return id;
  }

  /** Stores an uploaded picture beside the notice; returns its name and checksum. */
  storePicture(id: string, data: Buffer, ext: string): { path: string; sha256: string } {
    const dir = this.folder(id);
    mkdirSync(dir, { recursive: true });
    const name = `image-${randomBytes(6).toString('hex')}.${ext}`;
    writeFileSync(path.join(dir, name), data);
    return { path: name, sha256: createHash('sha256').update(data).digest('hex') };
  }

  pictureFile(id: string, rel: string): string | null {
    if (!this.has(id) || !rel) return null;
    return containedPath(this.folder(id), rel);
  }

  private removeUnusedPictures(draft: Draft): void {
    const used = new Set(draft.steps.flatMap((s) => [s.picture.path, s.audio?.path ?? '']));
    for (const name of readdirSync(this.folder(draft.id))) {
      if (name.startsWith('image-') && !used.has(name))
        rmSync(path.join(this.folder(draft.id), name), { force: true });
    }
  }

  private publishedIds(): string[] {
    if (!existsSync(this.publishedDir)) return [];
    return readdirSync(this.publishedDir)
      .filter((d) => ID.test(d) && existsSync(path.join(this.publishedDir, d, 'notice.json')))
      .sort();
  }

  /** The manifest's notice entries for every published notice. */
  private refs() {
    return this.publishedIds().map((id) => {
      const rel = `${id}/notice.json`;
      const data = readFileSync(path.join(this.publishedDir, rel));
      return {
        id,
        path: rel,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      };
    });
  }

  /** Installs the published notices as the box's local pack. */
  installPublished(): NoticeErrorRow[] {
    mkdirSync(this.publishedDir, { recursive: true });
    return this.notices.installPack(LOCAL_PACK_ID, this.publishedDir, { notices: this.refs() });
  }

  /**
   * A pack other boxes can import: `lanterne-pack.json` listing the published notices,
   * and their folders (what visitors see here, not the drafts).
   */
  exportZip(libraryName: string, now: Date): { zip: NodeJS.ReadableStream; name: string } {
    const valid = this.publishedIds();
    const refs = this.refs();
    const iso = now.toISOString();
    const version = `${iso.slice(0, 4)}.${Number(iso.slice(5, 7) + iso.slice(8, 10))}.${Number(iso.slice(11, 13) + iso.slice(14, 16))}`;
    // Named after the library, so exports of two libraries never replace each other.
    const packId = `notices-${slugOf(libraryName).slice(0, 55)}`;
    const manifest = {
      format: MANIFEST_FORMAT,
      id: packId,
      version,
      title: `Notices de ${libraryName}`.slice(0, 200),
      description: 'Notices pas à pas écrites sur une boîte Lanterne.',
      publisher: libraryName.slice(0, 200),
      languages: ['fr'],
      created: iso.slice(0, 10),
      items: [],
      notices: refs.map((r) => ({ ...r, path: `notices/${r.path}` })),
    };
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_FILE);
    for (const id of valid) {
      for (const name of readdirSync(this.publishedFolder(id))) {
        const full = path.join(this.publishedFolder(id), name);
        if (statSync(full).isFile() && !name.endsWith('.tmp'))
          zip.addFile(full, `notices/${id}/${name}`);
      }
    }
    zip.end();
    return { zip: zip.outputStream, name: `${packId}-${version}.zip` };
  }
}
