import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { WorkType } from '../catalogue/types.js';
import type { Context } from '../context.js';
import { DeviceKeys } from '../core/device-keys.js';
import { serviceKey } from '../core/services.js';
import { LOCAL_PACK_ID, publishLocal } from '../packs/watch/local-pack.js';
import { workId } from '../packs/works.js';
import { chooseLicence, type LicenceAnswers } from './licence-choice.js';
import { CONTRIBUTION_LIMITS, type ContributionLimits } from './limits.js';
import { newReceiptCode, normaliseReceipt, receiptHash } from './receipt.js';
import { reencodeImage } from './reencode.js';
import {
  ContributionRepo,
  type Contribution,
  type ContributionKind,
  type EditableFields,
} from './repo.js';
import { sniffContribution } from './sniff.js';
import { Throttle } from './throttle.js';

/** What a visitor typed in the form (kept as typed, to show it again on an error). */
export interface ProposalFields extends LicenceAnswers {
  title: string;
  description: string;
  author: string;
  /** A text typed in the form instead of a file. */
  text: string;
  /** 'yes' when the author ticked "I hold the rights". */
  rights: string;
}

export interface ProposedFile {
  data: Buffer;
}

export type FormErrors = Record<string, string>;

export type ProposeResult =
  | { ok: true; code: string; contribution: Contribution }
  | { ok: false; status: 400 | 413 | 429 | 507; errors: FormErrors };

const WORK_TYPES: Record<ContributionKind, WorkType> = {
  image: 'image',
  text: 'document',
  audio: 'audio',
  pdf: 'document',
  epub: 'book',
};

const MAX = { title: 200, description: 2000, author: 120, text: 200_000, reason: 500 };

/** One line of visitor text: NFC, no control characters, spaces collapsed. */
export function cleanLine(value: string, max: number): string {
  return (
    value
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
  );
}

/** Several lines of visitor text: the same, line breaks kept. */
export function cleanText(value: string, max: number): string {
  return (
    value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .trim()
      .slice(0, max)
  );
}

function checkFields(
  f: ProposalFields,
  policy: 'free-culture' | 'all-cc',
): { errors: FormErrors; licence: string } {
  const errors: FormErrors = {};
  if (cleanLine(f.title, MAX.title) === '') errors['title'] = 'Donnez un titre à votre œuvre.';
  if (cleanLine(f.author, MAX.author) === '')
    errors['author'] = 'Indiquez un nom d’auteur : votre nom ou un pseudonyme.';
  if (f.description.length > MAX.description)
    errors['description'] =
      `La description est trop longue : ${MAX.description} caractères au plus.`;
  if (f.title.length > MAX.title)
    errors['title'] = `Le titre est trop long : ${MAX.title} caractères au plus.`;
  if (f.rights !== 'yes')
    errors['rights'] =
      'Cochez cette case si vous êtes l’auteur de l’œuvre (ou si vous avez le droit de la partager).';
  const choice = chooseLicence(f, policy);
  if (!choice.ok) errors[choice.field] = choice.message;
  return { errors, licence: choice.ok ? choice.licence : '' };
}

/**
 * Works visitors propose: checked, stored in a quarantine folder outside the catalogue,
 * published into the local pack by an animateur or refused with a reason.
 */
export class ContributionService {
  readonly repo: ContributionRepo;
  readonly dir: string;
  private readonly proposals: Throttle;
  private readonly lookups: Throttle;
  /** Who said merci today, as HMACs under a key that never leaves RAM; emptied each day. */
  private thanked = { day: '', seen: new Set<string>() };
  private readonly thankKeys = new DeviceKeys();

  constructor(
    private readonly ctx: Context,
    readonly limits: ContributionLimits,
  ) {
    this.repo = new ContributionRepo(ctx.db);
    this.dir = path.join(ctx.paths.dataDir, 'contributions');
    const now = () => ctx.clock.now().getTime();
    this.proposals = new Throttle(3_600_000, now);
    this.lookups = new Throttle(3_600_000, now);
  }

  private uploading = 0;

  /** Takes one of the upload places (false when all are taken: each body is held in memory). */
  beginUpload(): boolean {
    if (this.uploading >= this.limits.concurrentUploads) return false;
    this.uploading += 1;
    return true;
  }

  endUpload(): void {
    this.uploading = Math.max(0, this.uploading - 1);
  }

  /** Refusal before reading a body: this device already proposed enough this hour. */
  floodMessage(device: string): string | null {
    return this.proposals.count(device) >= this.limits.perDevicePerHour
      ? 'Vous avez déjà proposé plusieurs œuvres cette heure-ci : réessayez dans une heure.'
      : null;
  }

  /** Refusal before reading a body: the waiting proposals already fill the quota. */
  async fullMessage(incoming: number): Promise<string | null> {
    const pending = this.repo.pendingBytes();
    let free = Number.POSITIVE_INFINITY;
    try {
      await mkdir(this.dir, { recursive: true });
      const st = await statfs(this.dir);
      free = st.bavail * st.bsize;
    } catch {
      // No statfs (odd file system): the quota alone protects the disk.
    }
    if (
      pending + incoming > this.limits.quotaBytes ||
      pending >= this.limits.quotaBytes * 0.9 ||
      free - incoming < this.limits.keepFreeBytes
    )
      return 'La boîte a déjà beaucoup d’œuvres à examiner : revenez dans quelques jours, quand la bibliothèque les aura triées.';
    return null;
  }

  async propose(
    device: string,
    fields: ProposalFields,
    file: ProposedFile | null,
  ): Promise<ProposeResult> {
    const flood = this.floodMessage(device);
    if (flood) return { ok: false, status: 429, errors: { file: flood } };
    const policy = this.ctx.settings.current().licencePolicy;
    const { errors, licence } = checkFields(fields, policy);
    const typed = cleanText(fields.text, MAX.text);
    let data: Buffer | null = file && file.data.length > 0 ? file.data : null;
    if (data && typed !== '')
      errors['file'] = 'Choisissez un fichier OU tapez un texte, pas les deux.';
    if (!data && typed === '')
      errors['file'] = 'Choisissez un fichier à proposer, ou tapez votre texte plus bas.';
    if (!data && typed !== '') data = Buffer.from(`${typed}\n`, 'utf8');
    const tooBig = data !== null && data.length > this.limits.maxFileBytes;
    if (tooBig)
      errors['file'] =
        `Ce fichier est trop gros : ${Math.max(1, Math.floor(this.limits.maxFileBytes / 1048576))} Mo au plus.`;
    if (Object.keys(errors).length > 0 || !data)
      return { ok: false, status: tooBig ? 413 : 400, errors };
    const full = await this.fullMessage(data.length);
    if (full) return { ok: false, status: 507, errors: { file: full } };

    const id = `${this.ctx.clock.now().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(5).toString('hex')}`;
    await mkdir(this.dir, { recursive: true });
    const raw = path.join(this.dir, `${id}.upload`);
    let stored: string | null = null;
    try {
      const fh = await open(raw, 'wx', 0o600);
      try {
        await fh.writeFile(data);
      } finally {
        await fh.close();
      }
      const sniffed = await sniffContribution(data, raw);
      if (!sniffed.ok) return { ok: false, status: 400, errors: { file: sniffed.message } };
      const name = `contribution-${id}.${sniffed.file.ext}`;
      stored = path.join(this.dir, name);
      if (sniffed.file.kind === 'image') {
        try {
          await reencodeImage(raw, stored, sniffed.file.ext as 'jpg' | 'png' | 'webp');
        } catch {
          return {
            ok: false,
            status: 400,
            errors: {
              file: 'Cette photo est abîmée : la boîte ne peut pas la lire. Essayez une autre photo.',
            },
          };
        }
      } else {
        await rename(raw, stored);
      }
      const { size } = await stat(stored);
      const code = newReceiptCode();
      const contribution: Contribution = {
        id,
        status: 'waiting',
        kind: sniffed.file.kind,
        file: name,
        size,
        title: cleanLine(fields.title, MAX.title),
        description: cleanText(fields.description, MAX.description),
        author: cleanLine(fields.author, MAX.author),
        licence,
        reason: '',
        workId: null,
        thanks: 0,
        created: this.ctx.clock.now().toISOString(),
        decided: null,
      };
      this.repo.insert(contribution, receiptHash(code));
      this.proposals.hit(device);
      stored = null;
      return { ok: true, code, contribution };
    } finally {
      await rm(raw, { force: true });
      if (stored) await rm(stored, { force: true });
      await rm(`${stored ?? raw}.tmp`, { force: true });
    }
  }

  /** The proposal behind a receipt code; 'limited' when this device tried too many codes. */
  lookup(device: string, typed: string): Contribution | 'unknown' | 'invalid' | 'limited' {
    if (this.lookups.count(device) >= this.limits.lookupsPerHour) return 'limited';
    this.lookups.hit(device);
    const code = normaliseReceipt(typed);
    if (!code) return 'invalid';
    return this.repo.byReceipt(receiptHash(code)) ?? 'unknown';
  }

  /** Whether a work of the catalogue is a published contribution (readers may thank it). */
  isContribution(workId: string): boolean {
    return this.repo.publishedWork(workId) !== undefined;
  }

  /** A reader's "merci": counted once per device and work per day. */
  thank(device: string, workId: string): 'counted' | 'already' | 'unknown' {
    if (!this.isContribution(workId)) return 'unknown';
    const day = this.ctx.clock.now().toISOString().slice(0, 10);
    if (this.thanked.day !== day) {
      this.thanked = { day, seen: new Set() };
      this.thankKeys.renew();
    }
    const key = this.thankKeys.of(device, workId);
    if (this.thanked.seen.has(key)) return 'already';
    if (this.thanked.seen.size >= 100_000) return 'already';
    this.thanked.seen.add(key);
    if (this.repo.thank(workId)) this.ctx.events.emit({ type: 'thanks', workId });
    return 'counted';
  }

  waiting(): Contribution[] {
    return this.repo.waiting();
  }

  get(id: string): Contribution | undefined {
    return this.repo.get(id);
  }

  /** The stored file of a waiting proposal (inside the quarantine folder). */
  fileOf(c: Contribution): string {
    return path.join(this.dir, path.basename(c.file));
  }

  /** Saves the animateur's corrections; French errors per field when something is wrong. */
  edit(id: string, input: EditableFields): FormErrors | null {
    const errors: FormErrors = {};
    const fields: EditableFields = {
      title: cleanLine(input.title, MAX.title),
      description: cleanText(input.description, MAX.description),
      author: cleanLine(input.author, MAX.author),
      licence: input.licence,
    };
    if (fields.title === '') errors['title'] = 'Donnez un titre.';
    if (fields.author === '') errors['author'] = 'Indiquez un nom d’auteur (un pseudonyme suffit).';
    if (
      ![
        'CC0-1.0',
        'CC-BY-4.0',
        'CC-BY-SA-4.0',
        'CC-BY-NC-4.0',
        'CC-BY-ND-4.0',
        'CC-BY-NC-SA-4.0',
        'CC-BY-NC-ND-4.0',
      ].includes(fields.licence)
    )
      errors['licence'] = 'Choisissez une licence de la liste.';
    if (Object.keys(errors).length > 0) return errors;
    if (!this.repo.edit(id, fields))
      return { title: 'Cette proposition a déjà été traitée : rechargez la liste.' };
    return null;
  }

  /** Publishes into the local pack (the packs pipeline); a French message when it cannot. */
  async publish(
    id: string,
  ): Promise<{ ok: true; workId: string } | { ok: false; message: string }> {
    const c = this.repo.get(id);
    if (!c || c.status !== 'waiting')
      return { ok: false, message: 'Cette proposition a déjà été traitée : rechargez la liste.' };
    const settings = this.ctx.settings.current();
    const outcome = await publishLocal(
      this.ctx,
      [
        {
          from: this.fileOf(c),
          type: WORK_TYPES[c.kind],
          title: c.title,
          description: c.description,
          authors: [{ name: c.author, role: 'author' }],
          licence: c.licence,
          language: 'fr',
        },
      ],
      settings.libraryName,
    );
    if (outcome.status === 'rejected')
      return {
        ok: false,
        message: `La publication a échoué : ${outcome.problems.map((p) => p.message).join(' ; ')}`,
      };
    if (outcome.status !== 'imported')
      return { ok: false, message: 'La publication a échoué : réessayez dans un instant.' };
    const itemId = path.basename(c.file, path.extname(c.file));
    const work = workId(LOCAL_PACK_ID, itemId);
    this.repo.decide(id, {
      status: 'published',
      reason: '',
      workId: work,
      decided: this.ctx.clock.now().toISOString(),
    });
    await rm(this.fileOf(c), { force: true });
    return { ok: true, workId: work };
  }

  async refuse(id: string, reason: string): Promise<string | null> {
    const why = cleanText(reason, MAX.reason);
    if (why === '') return 'Écrivez la raison du refus : l’auteur la lira avec son code.';
    const c = this.repo.get(id);
    if (!c || c.status !== 'waiting')
      return 'Cette proposition a déjà été traitée : rechargez la liste.';
    this.repo.decide(id, {
      status: 'refused',
      reason: why,
      workId: null,
      decided: this.ctx.clock.now().toISOString(),
    });
    await rm(this.fileOf(c), { force: true });
    return null;
  }

  /** Clears what an interrupted proposal left behind (called at start). */
  async sweep(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const known = new Set(this.repo.waiting().map((c) => c.file));
    for (const name of await readdir(this.dir)) {
      if (!known.has(name)) await rm(path.join(this.dir, name), { force: true, recursive: true });
    }
  }
}

export const CONTRIBUTIONS = serviceKey(
  'contributions',
  (ctx: Context) => new ContributionService(ctx, ctx.services.get(CONTRIBUTION_LIMITS)),
);
