import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { CONTRIBUTION_LIMITS } from './limits.js';
import { CONTRIBUTIONS } from './service.js';

/** Where phones send a file piece by piece (the tus protocol), before the form itself. */
export const RESUMABLE_PATH = '/contribuer/envoi';
/** The store's own names: 32 hex digits, made here (never the visitor's file name). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
/** An upload nobody finished is forgotten after a day (swept at start and every hour). */
const EXPIRES_MS = 24 * 60 * 60 * 1000;

/** A refusal the phone's script shows as is (tus lets a hook answer with a body). */
const refusal = (status_code: number, body: string) => ({ status_code, body });

/**
 * Resumable uploads of contributions on weak Wi-Fi, with the tus protocol through
 * `@tus/server` and its file store, in `data/contributions-envois` (outside the
 * quarantine and the catalogue). A finished upload is only bytes: the proposal form then
 * names it, and `take()` hands those bytes to the same `ContributionService.propose` as a
 * plain multipart form (type by content, re-encoding, quota, receipt code). Nothing about
 * the phone is kept: the store holds the bytes and their size, no name, no address.
 */
export class ResumableUploads {
  readonly dir: string;
  private store: FileStore | null = null;
  private server: Server | null = null;

  constructor(private readonly ctx: Context) {
    this.dir = path.join(ctx.paths.dataDir, 'contributions-envois');
  }

  /** Made on first use: the file store creates its folder (no I/O in createApp). */
  private tus(): { store: FileStore; server: Server } {
    if (this.store && this.server) return { store: this.store, server: this.server };
    const store = new FileStore({
      directory: this.dir,
      expirationPeriodInMilliseconds: EXPIRES_MS,
    });
    const limits = this.ctx.services.get(CONTRIBUTION_LIMITS);
    const server = new Server({
      path: RESUMABLE_PATH,
      datastore: store,
      relativeLocation: true,
      maxSize: () => limits.maxFileBytes,
      namingFunction: () => randomBytes(16).toString('hex'),
      // Metadata would be kept beside the bytes: none is wanted (the form carries the rest).
      onUploadCreate: async (_req, upload) => {
        const full = await this.ctx.services
          .get(CONTRIBUTIONS)
          .fullMessage((upload.size ?? 0) + (await this.pendingBytes()));
        if (full) throw refusal(507, full);
        return { metadata: {} };
      },
      onResponseError: (_req, err) => {
        if ('status_code' in err && err.status_code === 413)
          return refusal(
            413,
            'Ce fichier est trop gros pour la boîte : choisissez-en un plus petit.',
          );
        return undefined;
      },
    });
    this.store = store;
    this.server = server;
    return { store, server };
  }

  /** One tus request (POST creates, HEAD tells the offset, PATCH appends). */
  handle(req: Request): Promise<Response> {
    return this.tus().server.handleWeb(req);
  }

  /** Bytes of uploads not yet named by a form (they count against the quota too). */
  private async pendingBytes(): Promise<number> {
    let total = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!UPLOAD_ID.test(name)) continue;
      total += (await stat(path.join(this.dir, name)).catch(() => ({ size: 0 }))).size;
    }
    return total;
  }

  /**
   * The bytes of a finished upload; null for an id that is not one of ours, unknown, or
   * not finished (the form then says so in French). They stay until `forget` (a refused
   * form keeps naming them, so the phone does not send the file again).
   */
  async read(id: string): Promise<Buffer | null> {
    if (!UPLOAD_ID.test(id)) return null;
    const upload = await this.tus()
      .store.getUpload(id)
      .catch(() => null);
    if (!upload || upload.size === undefined || upload.offset !== upload.size) return null;
    return readFile(path.join(this.dir, id)).catch(() => null);
  }

  /** Removes an upload once its proposal is stored (its bytes are in the quarantine now). */
  async forget(id: string): Promise<void> {
    if (UPLOAD_ID.test(id))
      await this.tus()
        .store.remove(id)
        .catch(() => undefined);
  }

  /** Forgets uploads left unfinished for a day. */
  async sweep(): Promise<number> {
    return this.tus()
      .store.deleteExpired()
      .catch(() => 0);
  }
}

export const RESUMABLE = serviceKey(
  'contribution-uploads',
  (ctx: Context) => new ResumableUploads(ctx),
);
