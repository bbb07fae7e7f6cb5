import { Hono, type Context as HonoContext } from 'hono';
import { z } from 'zod';
import { form } from '../http/form.js';
import { HTTPException } from 'hono/http-exception';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Context } from '../context.js';
import { sendFile } from '../files/deliver.js';
import { typesOf } from '../core/mime.js';
import { serviceKey } from '../core/services.js';
import { UNTRUSTED_CSP } from '../files/safety.js';
import { clientOf } from '../http/client.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { renderDocument } from '../ui/page.js';
import { NoticeListPage, NoticePage } from './pages.js';
import { NoticePdfMaker, chromiumPath } from './pdf.js';
import { PrintPage } from './print.js';
import { noticeUrl, qrSvg } from './qr.js';
import type { Face } from './repo.js';
import type { InstalledNotice } from './service.js';
import { plainText } from './shared/picture.js';
import { SpeechMaker, espeakPath } from './speech.js';

/** Notice ids in URLs: the format's id pattern, so `x.pdf` never matches a page route. */
const ID = ':id{[a-z0-9][a-z0-9-]{0,63}}';
/** The one rule for a visitor's opinion of a notice, posted as a form or as JSON. */
const feedbackSchema = z.object({
  face: z.enum(['yes', 'neutral', 'no'] satisfies Face[], { message: 'avis invalide' }),
});

const PICTURE_TYPES = typesOf(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.svg']);
const AUDIO_TYPES = typesOf(['.mp3', '.ogg', '.opus', '.m4a', '.wav']);

function installed(ctx: Context, c: HonoContext): InstalledNotice {
  const found = ctx.notices.get(c.req.param('id') ?? '');
  if (!found) throw new HTTPException(404);
  return found;
}

function stepNumber(c: HonoContext, notice: InstalledNotice): number {
  const raw = c.req.param('n') ?? '';
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > notice.notice.steps.length) throw new HTTPException(404);
  return n;
}

function speechText(notice: InstalledNotice, n: number): string {
  const step = notice.notice.steps[n - 1];
  if (!step) return '';
  const lang = notice.notice.language.startsWith('en') ? 'en' : 'fr';
  return [step.action, step.warning, step.tip, step.result]
    .filter((s): s is string => !!s)
    .map((s) => plainText(s, lang))
    .join(' ');
}

/** The port this request came in on, so Chromium on the box can fetch the print view. */
function localPort(c: HonoContext): number | null {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.localPort ?? null;
}

/**
 * The visitor pages of e-notices, mounted beside the portal for each language prefix:
 * the list, one notice (all steps), its print view and the feedback form.
 */
export function noticeRoutes(ctx: Context, lang: Lang | null): Hono {
  const view = (c: HonoContext) => {
    ctx.events.emit({ type: 'page', surface: 'portal', section: 'notices', client: clientOf(c) });
    return pageContext(ctx, c, lang);
  };
  return new Hono()
    .get('/notices', (c) => {
      const page = view(c);
      return c.html(renderDocument(<NoticeListPage page={page} notices={ctx.notices.list()} />));
    })
    .get(`/notices/${ID}`, async (c) => {
      const found = installed(ctx, c);
      // `?print=1` is the same handout as `/print` (for links written by hand).
      if (c.req.query('print') === '1')
        return c.redirect(`${lang ? `/${lang}` : ''}/notices/${found.notice.id}/print`, 302);
      const page = view(c);
      const thanks = c.req.query('merci') === '1';
      if (!thanks)
        ctx.events.emit({
          type: 'notice',
          noticeId: found.notice.id,
          action: 'open',
          client: clientOf(c),
        });
      const url = noticeUrl(ctx.config.publicUrl, found.notice.id);
      const data = {
        notice: found.notice,
        url,
        pdf: chromiumPath() !== null,
        thanks,
      };
      return c.html(renderDocument(<NoticePage page={page} data={data} />));
    })
    .get(`/notices/${ID}/print`, async (c) => {
      const found = installed(ctx, c);
      const page = pageContext(ctx, c, lang);
      const url = noticeUrl(ctx.config.publicUrl, found.notice.id);
      const settings = ctx.settings.current();
      const data = {
        notice: found.notice,
        qr: await qrSvg(url),
        url,
        publicUrl: ctx.config.publicUrl,
        libraryName: settings.libraryName,
        backHref: `${page.base}/notices/${found.notice.id}`,
      };
      return c.html(renderDocument(<PrintPage data={data} />));
    })
    .post(`/notices/${ID}/feedback`, form(feedbackSchema), (c) => {
      const found = installed(ctx, c);
      const { face } = c.req.valid('form');
      ctx.notices.feedback(found.notice.id, face);
      ctx.events.emit({ type: 'notice-feedback', noticeId: found.notice.id, face });
      ctx.events.emit({
        type: 'notice',
        noticeId: found.notice.id,
        action: 'finish',
        client: clientOf(c),
      });
      const base = lang ? `/${lang}` : '';
      return c.redirect(`${base}/notices/${found.notice.id}?merci=1#avis`, 303);
    });
}

/**
 * What has no language: the notices' pictures and recordings, their CSS, the PDF, and
 * the JSON API the kiosk's stepper reads. Mounted once at the root.
 */
/** Notice PDF and speech makers (each caches and runs one job at a time), once per context. */
const PDF_MAKER = serviceKey(
  'notice-pdf',
  (ctx: Context) => new NoticePdfMaker(path.join(ctx.paths.dataDir, 'notices-pdf')),
);
const SPEECH_MAKER = serviceKey(
  'notice-speech',
  (ctx: Context) => new SpeechMaker(path.join(ctx.paths.dataDir, 'notices-speech')),
);

export function noticeFileRoutes(ctx: Context): Hono {
  const pdfMaker = ctx.services.get(PDF_MAKER);
  const speech = ctx.services.get(SPEECH_MAKER);

  const media = async (c: HonoContext, kind: 'picture' | 'audio') => {
    const found = installed(ctx, c);
    const n = stepNumber(c, found);
    const file = ctx.notices.mediaFile(found, n, kind);
    if (!file) throw new HTTPException(404);
    const types = kind === 'picture' ? PICTURE_TYPES : AUDIO_TYPES;
    const mime = types[path.extname(file).toLowerCase()];
    if (!mime) throw new HTTPException(404);
    const step = found.notice.steps[n - 1];
    const sha = kind === 'picture' ? step?.picture.sha256 : step?.audio?.sha256;
    return sendFile(c, file, {
      mime,
      etag: sha ? `"${sha.slice(0, 32)}"` : undefined,
      disposition: { type: 'inline', filename: path.basename(file) },
      cacheControl: 'public, max-age=86400',
      // SVG from a pack could carry scripts: shown inline, it is sandboxed.
      ...(mime === 'image/svg+xml'
        ? { headers: { 'content-security-policy': UNTRUSTED_CSP } }
        : {}),
    });
  };

  const stepJson = (found: InstalledNotice, canSpeak: boolean) =>
    found.notice.steps.map((step, i) => ({
      ...step,
      pictureUrl: `/notices/${found.notice.id}/pictures/${i + 1}`,
      audioUrl: step.audio ? `/notices/${found.notice.id}/audio/${i + 1}` : null,
      speechUrl:
        !step.audio && canSpeak
          ? `/api/notices/${found.notice.id}/steps/${i + 1}/speech.wav`
          : null,
    }));

  return new Hono()
    .on(['GET', 'HEAD'], `/notices/${ID}/pictures/:n`, (c) => media(c, 'picture'))
    .on(['GET', 'HEAD'], `/notices/${ID}/audio/:n`, (c) => media(c, 'audio'))
    .get('/notices/:file{[a-z0-9][a-z0-9-]{0,63}\\.pdf}', async (c) => {
      const id = c.req.param('file').slice(0, -'.pdf'.length);
      const found = ctx.notices.get(id);
      if (!found) throw new HTTPException(404);
      const port = localPort(c);
      if (!chromiumPath() || !port)
        throw new HTTPException(503, { message: 'PDF indisponible sur cette boîte' });
      const lang = found.notice.language.startsWith('en') ? 'en' : 'fr';
      const printUrl = `http://127.0.0.1:${port}/${lang}/notices/${id}/print`;
      const file = await pdfMaker.pdf(id, found.notice.version, printUrl);
      return sendFile(c, file, {
        mime: 'application/pdf',
        disposition: { type: 'attachment', filename: `${id}.pdf` },
        cacheControl: 'no-cache',
      });
    })
    .get('/api/notices', (c) => c.json({ notices: ctx.notices.list() }))
    .get(`/api/notices/${ID}`, (c) => {
      const found = installed(ctx, c);
      const canSpeak = espeakPath() !== null;
      const steps = stepJson(found, canSpeak);
      return c.json({
        notice: { ...found.notice, steps },
        speech: steps.every((s) => s.audioUrl !== null || s.speechUrl !== null),
        printUrl: `/notices/${found.notice.id}/print`,
        url: noticeUrl(ctx.config.publicUrl, found.notice.id),
      });
    })
    .get(`/api/notices/${ID}/steps/:n/speech.wav`, async (c) => {
      const found = installed(ctx, c);
      const n = stepNumber(c, found);
      if (!espeakPath()) throw new HTTPException(404);
      const voice = found.notice.language.startsWith('en') ? 'en' : 'fr';
      const file = await speech.wav(
        `${found.notice.id}@${found.notice.version}-${n}`,
        speechText(found, n),
        voice,
      );
      return sendFile(c, file, {
        mime: 'audio/wav',
        disposition: { type: 'inline', filename: `etape-${n}.wav` },
      });
    })
    .post(`/api/notices/${ID}/steps/:n/seen`, (c) => {
      const found = installed(ctx, c);
      const n = stepNumber(c, found);
      const client = clientOf(c);
      const noticeId = found.notice.id;
      if (n === 1) ctx.events.emit({ type: 'notice', noticeId, action: 'open', client });
      ctx.events.emit({ type: 'notice-step', noticeId, step: n, client });
      if (n === found.notice.steps.length)
        ctx.events.emit({ type: 'notice', noticeId, action: 'finish', client });
      return c.body(null, 204);
    })
    .post(`/api/notices/${ID}/feedback`, async (c) => {
      const found = installed(ctx, c);
      const parsed = feedbackSchema.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) throw new HTTPException(400, { message: 'avis invalide' });
      const { face } = parsed.data;
      ctx.notices.feedback(found.notice.id, face);
      ctx.events.emit({ type: 'notice-feedback', noticeId: found.notice.id, face });
      return c.body(null, 204);
    });
}
