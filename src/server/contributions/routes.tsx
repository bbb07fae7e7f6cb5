import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
import { looksCaptive } from '../captive/detect.js';
import { ID_PATTERN } from '../files/safety.js';
import { workUrl } from '../files/urls.js';
import { clientOf } from '../http/client.js';
import { CROSS_SITE_MESSAGE, crossSite } from '../http/cross-site.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { renderDocument, type PageContext } from '../ui/page.js';
import { readBoundedBody, readTextFields } from './body.js';
import { FORM_OVERHEAD } from './limits.js';
import { RESUMABLE, RESUMABLE_PATH } from './resumable.js';
import {
  EMPTY_FIELDS,
  LookupPage,
  ProposePage,
  PROPOSE_PATH,
  RECEIPT_PATH,
  ReceiptPage,
} from './pages.js';
import {
  CONTRIBUTIONS,
  type FormErrors,
  type ProposalFields,
  type ProposedFile,
} from './service.js';
import { THANKS_PATH } from './thanks.js';

/** The upload path the request body limit leaves to this route (contributions/body.ts). */
export const UPLOAD_PATH = PROPOSE_PATH;

const FIELD_NAMES = Object.keys(EMPTY_FIELDS) as Array<keyof ProposalFields>;

const FIELD_BYTES = 250_000;

function readFields(form: { get(name: string): unknown } | null): ProposalFields {
  const fields = { ...EMPTY_FIELDS };
  for (const name of FIELD_NAMES) {
    const value = form?.get(name);
    if (typeof value === 'string') fields[name] = value.slice(0, FIELD_BYTES);
  }
  return fields;
}

const GONE = 'Le fichier envoyé n’est plus sur la boîte : choisissez-le à nouveau.';

/** Up to this many times the limit, a too-big upload is drained to keep what was typed. */
const DRAIN_FACTOR = 8;
const BUSY =
  'La boîte reçoit déjà d’autres œuvres : réessayez dans une minute (ce que vous avez tapé est gardé si vous revenez en arrière).';

const CUT: Record<string, string> = {
  'too-large': 'Ce fichier est trop gros pour la boîte : choisissez un fichier plus petit.',
  timeout:
    'L’envoi a été trop lent ou s’est interrompu : rapprochez-vous de la borne Wi-Fi et réessayez.',
  cut: 'L’envoi s’est interrompu : réessayez.',
};

/**
 * `/contribuer/envoi…`: the tus endpoint of resumable uploads (contributions/resumable.ts),
 * at the root only. Cross-site requests and a device over its hourly proposals are
 * refused before the store sees them; the request body limit leaves these to tus, which
 * caps each upload at the file limit.
 */
export function resumableRoutes(ctx: Context): Hono {
  const tus = (c: HonoContext) => {
    if (crossSite(c)) return c.text(`${CROSS_SITE_MESSAGE}\n`, 403);
    if (c.req.method === 'POST') {
      const flood = ctx.services.get(CONTRIBUTIONS).floodMessage(clientOf(c).ip);
      if (flood) return c.text(`${flood}\n`, 429);
    }
    return ctx.services.get(RESUMABLE).handle(c.req.raw);
  };
  // Hono answers HEAD through the GET route (the raw request keeps its HEAD method for tus).
  const methods = ['POST', 'GET', 'PATCH', 'OPTIONS', 'DELETE'];
  return new Hono().on(methods, RESUMABLE_PATH, tus).on(methods, `${RESUMABLE_PATH}/:id`, tus);
}

/** The visitor side: propose a work, get a receipt code, check it later (French only). */
export function contributionRoutes(ctx: Context, lang: Lang | null): Hono {
  // The pages are written in French only: the links around them keep the visitor's choice.
  const pageOf = (c: HonoContext): PageContext => ({ ...pageContext(ctx, c, lang), lang: 'fr' });
  const service = () => ctx.services.get(CONTRIBUTIONS);
  const device = (c: HonoContext) => clientOf(c).ip;
  const form = (
    c: HonoContext,
    fields: ProposalFields,
    errors: FormErrors,
    status: 200 | 400 | 403 | 408 | 413 | 429 | 503 | 507 = 200,
    closed?: string | null,
    sent?: string,
  ) =>
    c.html(
      renderDocument(
        <ProposePage
          page={pageOf(c)}
          fields={fields}
          errors={errors}
          maxMegabytes={Math.floor(service().limits.maxFileBytes / 1048576)}
          allowRestrictions={ctx.settings.current().licencePolicy === 'all-cc'}
          closed={closed}
          sent={sent}
          captiveAddress={
            looksCaptive(c.req.header('user-agent') ?? '', false)
              ? `${ctx.config.publicUrl.replace(/\/$/, '')}${PROPOSE_PATH}`
              : undefined
          }
        />,
      ),
      status,
    );

  return new Hono()
    .get(PROPOSE_PATH, async (c) => {
      const s = service();
      const closed = s.floodMessage(device(c)) ?? (await s.fullMessage(0));
      return form(c, EMPTY_FIELDS, {}, 200, closed);
    })
    .post(PROPOSE_PATH, async (c) => {
      const s = service();
      const { limits } = s;
      const close = () => c.header('connection', 'close');
      if (crossSite(c)) {
        close();
        return form(c, EMPTY_FIELDS, { file: CROSS_SITE_MESSAGE }, 403);
      }
      const maxBytes = limits.maxFileBytes + FORM_OVERHEAD;
      // Refused before the proposal is read: the text typed still comes back in the form.
      const typed = async (upTo = maxBytes) =>
        readFields(
          await readTextFields(c.req.raw.body, c.req.header('content-type') ?? '', {
            maxBytes: upTo,
            idleMs: limits.idleMs,
            totalMs: limits.totalMs,
            fieldBytes: FIELD_BYTES,
          }),
        );
      const flood = s.floodMessage(device(c));
      if (flood) {
        close();
        return form(c, await typed(), { file: flood }, 429);
      }
      const declared = Number(c.req.header('content-length') ?? '0');
      if (declared > maxBytes) {
        close();
        // A file somewhat too big: what was typed after it still comes back (the file is
        // drained, never held, in one of the upload slots). An absurd size is refused at once.
        let fields = EMPTY_FIELDS;
        if (declared <= maxBytes * DRAIN_FACTOR && s.beginUpload()) {
          try {
            fields = await typed(declared);
          } finally {
            s.endUpload();
          }
        }
        return form(c, fields, { file: CUT['too-large'] ?? '' }, 413);
      }
      // The quota is checked again with the file's real size once it is read.
      const full = await s.fullMessage(0);
      if (full) {
        close();
        return form(c, await typed(), { file: full }, 507);
      }
      if (!s.beginUpload()) {
        close();
        return form(c, await typed(), { file: BUSY }, 503);
      }
      let body: Awaited<ReturnType<typeof readBoundedBody>>;
      try {
        body = await readBoundedBody(c.req.raw.body, {
          maxBytes,
          idleMs: limits.idleMs,
          totalMs: limits.totalMs,
        });
      } finally {
        s.endUpload();
      }
      if (!body.ok) {
        close();
        const status = body.problem === 'too-large' ? 413 : 408;
        return form(c, EMPTY_FIELDS, { file: CUT[body.problem] ?? '' }, status);
      }
      let parsed: FormData | null = null;
      try {
        parsed = await new Response(new Uint8Array(body.data), {
          headers: { 'content-type': c.req.header('content-type') ?? '' },
        }).formData();
      } catch {
        return form(c, EMPTY_FIELDS, { file: 'Le formulaire est arrivé abîmé : réessayez.' }, 400);
      }
      const fields = readFields(parsed);
      const upload = parsed.get('file');
      let file: ProposedFile | null =
        upload && typeof upload !== 'string' && upload.size > 0
          ? { data: Buffer.from(await upload.arrayBuffer()) }
          : null;
      // Sent beforehand piece by piece (the page's script, tus): the form names the upload.
      const named = parsed.get('envoi');
      const sent = !file && typeof named === 'string' && named !== '' ? named : undefined;
      if (sent) {
        const data = await ctx.services.get(RESUMABLE).read(sent);
        if (!data) return form(c, fields, { file: GONE }, 400);
        file = { data };
      }
      const result = await s.propose(device(c), fields, file);
      if (!result.ok) return form(c, fields, result.errors, result.status, null, sent);
      if (sent) await ctx.services.get(RESUMABLE).forget(sent);
      c.header('cache-control', 'no-store');
      return c.html(
        renderDocument(<ReceiptPage page={pageOf(c)} code={result.code} c={result.contribution} />),
      );
    })
    .post(THANKS_PATH, async (c) => {
      if (crossSite(c)) return c.text(`${CROSS_SITE_MESSAGE}\n`, 403);
      const body = await c.req.parseBody();
      const work = typeof body['oeuvre'] === 'string' ? body['oeuvre'] : '';
      if (!ID_PATTERN.test(work)) return c.notFound();
      const outcome = service().thank(device(c), work);
      if (outcome === 'unknown') return c.notFound();
      const base = lang ? `/${lang}` : '';
      return c.redirect(
        `${base}${workUrl(work)}?merci=${outcome === 'counted' ? 'sent' : 'already'}`,
        303,
      );
    })
    .get(RECEIPT_PATH, (c) => c.html(renderDocument(<LookupPage page={pageOf(c)} code="" />)))
    .post(RECEIPT_PATH, async (c) => {
      const body = await c.req.parseBody();
      const code = typeof body['code'] === 'string' ? body['code'].slice(0, 40) : '';
      if (crossSite(c))
        return c.html(
          renderDocument(<LookupPage page={pageOf(c)} code={code} error={CROSS_SITE_MESSAGE} />),
          403,
        );
      const found = service().lookup(device(c), code);
      const page = pageOf(c);
      c.header('cache-control', 'no-store');
      if (typeof found !== 'string')
        return c.html(renderDocument(<LookupPage page={page} code={code} found={found} />));
      const error = {
        invalid:
          'Ce code n’a pas la bonne forme : il a dix lettres et chiffres, comme K7QX2-MHT9A.',
        unknown: 'Aucune proposition n’a ce code : vérifiez chaque lettre, puis réessayez.',
        limited: 'Trop de codes essayés depuis cet appareil : réessayez dans une heure.',
      }[found];
      return c.html(renderDocument(<LookupPage page={page} code={code} error={error} />), 400);
    });
}
