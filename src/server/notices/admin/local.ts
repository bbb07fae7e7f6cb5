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
import type { NoticeService } from '../service.js';

/** The notices written on this box travel as this pack (and are exported as one). */
export const LOCAL_PACK_ID = 'notices-locales';

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
 * The box's own notices, as drafts in `<dataDir>/notices-local/<id>/` (notice.json and
 * the uploaded pictures). Saving re-installs the whole local pack through the same
 * checks as any pack, so what the animateur previews is what visitors get.
 */
export class LocalNotices {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly notices: NoticeService,
  ) {
    this.dir = path.join(dataDir, 'notices-local');
  }

  private folder(id: string): string {
    if (!ID.test(id)) throw new Error('identifiant refusé');
    return path.join(this.dir, id);
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

  /** A free id for a new notice (never one another pack already uses). */
  freeId(title: string): string {
    const base = slugOf(title);
    let id = base;
    for (let i = 2; this.has(id) || this.notices.get(id); i += 1) id = `${base}-${i}`;
    return id;
  }

  /** Writes the draft (atomically) and re-installs the local pack. */
  save(draft: Draft, bump = true): NoticeErrorRow[] {
    const dir = this.folder(draft.id);
    mkdirSync(dir, { recursive: true });
    const previous = this.read(draft.id);
    const changed = previous && JSON.stringify(previous) !== JSON.stringify(draft);
    const toWrite = bump && changed ? { ...draft, version: bumpVersion(draft.version) } : draft;
    const tmp = path.join(dir, `notice.json.${process.pid}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(toWrite, null, 2)}\n`);
    renameSync(tmp, path.join(dir, 'notice.json'));
    this.removeUnusedPictures(toWrite);
    return this.publish();
  }

  remove(id: string): void {
    rmSync(this.folder(id), { recursive: true, force: true });
    this.publish();
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

  /** The manifest's notice entries for every local draft. */
  private refs() {
    return this.ids().map((id) => {
      const rel = `${id}/notice.json`;
      const data = readFileSync(path.join(this.dir, rel));
      return {
        id,
        path: rel,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      };
    });
  }

  /** Installs the drafts as the box's local pack: valid ones show, broken ones are listed. */
  publish(): NoticeErrorRow[] {
    mkdirSync(this.dir, { recursive: true });
    return this.notices.installPack(LOCAL_PACK_ID, this.dir, { notices: this.refs() });
  }

  /**
   * A pack other boxes can import: `lanterne-pack.json` listing the valid notices, and
   * their folders. Only notices that pass validation are exported.
   */
  exportZip(libraryName: string, now: Date): { zip: NodeJS.ReadableStream; name: string } {
    const valid = this.ids().filter((id) => {
      const draft = this.read(id);
      return draft && parseNotice(draft).ok;
    });
    const refs = this.refs().filter((r) => valid.includes(r.id));
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
      for (const name of readdirSync(this.folder(id))) {
        const full = path.join(this.folder(id), name);
        if (statSync(full).isFile() && !name.endsWith('.tmp'))
          zip.addFile(full, `notices/${id}/${name}`);
      }
    }
    zip.end();
    return { zip: zip.outputStream, name: `${packId}-${version}.zip` };
  }
}
