import { statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { serviceKey } from '../core/services.js';
import { inlineKind, readerKind } from '../files/safety.js';
import { coverUrl, fileUrl, kioskReaderUrl, workUrl } from '../files/urls.js';
import type { Work, WorkFile, WorkSummary, WorkType } from '../catalogue/types.js';
import { canReadInPlace } from '../reader/index.js';
import { qrSvg } from './qr.js';
import type {
  KioskCard,
  KioskInfo,
  KioskView,
  KioskWork,
  KioskWorkCard,
  KioskWorkList,
} from './types.js';
import { explainLicence, getLicence } from '../catalogue/licences.js';

/** The warning before a reset counts down at least this long (WCAG 2.2.1 asks ≥ 20 s). */
export const WARNING_SECONDS = 30;
/** Six big cards fit one 1920×1080 screen without scrolling. */
export const KIOSK_PAGE_SIZE = 6;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function portalUrlOf(publicUrl: string, workId: string): string {
  return `${trimSlash(publicUrl)}${workUrl(workId)}`;
}

function viewOf(workId: string, file: WorkFile): KioskView | null {
  const mime = file.mime.split(';')[0]?.trim() ?? '';
  const url = fileUrl('media', workId, file);
  const base = { url, name: file.name, mime };
  const kind = inlineKind(mime);
  if (kind === 'audio' || kind === 'video' || kind === 'image') return { kind, ...base };
  // Plain text is read on the kiosk in its own big type, EPUB in the box's reader (no way
  // out). PDF is not: a browser's PDF viewer brings a toolbar with "download" and "print"
  // and follows the links inside the document out of the kiosk, so it goes to the
  // visitor's phone by QR code instead.
  if (kind === 'text' && file.size <= 512 * 1024) return { kind: 'text', ...base };
  return null;
}

function workCard(w: WorkSummary): KioskWorkCard {
  return {
    kind: 'work',
    id: w.id,
    title: w.title,
    type: w.type,
    authors: w.authors,
    cover: w.hasCover ? coverUrl(w.id) : null,
  };
}

/** Reads the catalogue and settings for the kiosk; no state of its own. */
export class KioskService {
  constructor(private readonly ctx: Context) {}

  async info(): Promise<KioskInfo> {
    const s = this.ctx.settings.current();
    const publicUrl = trimSlash(this.ctx.config.publicUrl);
    return {
      libraryName: s.libraryName,
      address: s.address,
      openingHours: s.openingHours,
      contact: s.contact,
      wifiName: s.wifiName,
      publicUrl,
      idleSeconds: s.kioskIdleSeconds,
      warningSeconds: WARNING_SECONDS,
      portalQr: await qrSvg(`${publicUrl}/`),
      build: this.build(),
    };
  }

  private build(): string {
    const info = statSync(path.join(this.ctx.paths.kioskDist, 'index.html'), {
      throwIfNoEntry: false,
    });
    return info ? Math.floor(info.mtimeMs).toString(36) : '';
  }

  list(type: WorkType | undefined, q: string | undefined, page: number): KioskWorkList {
    if (q !== undefined) return this.search(type, q, page);
    const result = this.ctx.catalogue.find({
      type,
      q,
      page,
      pageSize: KIOSK_PAGE_SIZE,
      order: 'title',
    });
    return {
      items: result.items.map(workCard),
      total: result.total,
      page: result.page,
      pages: result.pages,
    };
  }

  /** Works and e-notices, each with its `kind` (the same search as the portal's). */
  private search(type: WorkType | undefined, q: string, page: number): KioskWorkList {
    const result = this.ctx.search.search({
      q,
      type,
      page,
      pageSize: KIOSK_PAGE_SIZE,
      kinds: ['notice'],
    });
    return {
      items: result.hits.map((hit): KioskCard =>
        hit.kind === 'work'
          ? workCard(hit.work)
          : { kind: 'notice', id: hit.doc.id, title: hit.doc.title, summary: hit.doc.summary },
      ),
      total: result.total,
      page: result.page,
      pages: result.pages,
    };
  }

  async work(id: string): Promise<KioskWork | undefined> {
    const work: Work | undefined = this.ctx.catalogue.work(id);
    if (!work) return undefined;
    const views: KioskView[] = [];
    const takeAway: string[] = [];
    for (const file of work.files) {
      const view =
        readerKind(file.mime) === 'epub' && (await canReadInPlace(this.ctx, work.id, file))
          ? {
              kind: 'book' as const,
              url: kioskReaderUrl(work.id, file),
              name: file.name,
              mime: file.mime,
            }
          : viewOf(work.id, file);
      if (view) views.push(view);
      // A book read here can still be taken away on a phone.
      if (!view || view.kind === 'book') takeAway.push(file.name);
    }
    const portalUrl = portalUrlOf(this.ctx.config.publicUrl, work.id);
    return {
      id: work.id,
      title: work.title,
      type: work.type,
      authors: work.authors,
      description: work.description,
      licence: work.licence,
      licenceName: getLicence(work.licence)?.name ?? work.licence,
      licenceText: {
        fr: explainLicence(work.licence, 'fr'),
        en: explainLicence(work.licence, 'en'),
      },
      attribution: work.attribution,
      language: work.language,
      cover: work.coverPath ? coverUrl(work.id) : null,
      views,
      takeAway,
      portalUrl,
      qr: await qrSvg(portalUrl),
    };
  }
}

/** The kiosk service, built once per context. */
export const KIOSK_SERVICE = serviceKey('kiosk', (ctx: Context) => new KioskService(ctx));
