import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import path from 'node:path';
import type { Context } from '../context.js';
import { typesOf } from '../core/mime.js';
import { sendFile } from '../files/deliver.js';
import { UNTRUSTED_CSP } from '../files/safety.js';
import { clientOf } from '../http/client.js';
import { pageContext } from '../http/page-context.js';
import type { Lang } from '../i18n/lang.js';
import { qrSvg } from '../notices/qr.js';
import { renderDocument } from '../ui/page.js';
import { CarnetPage } from './carnet.js';
import { checkAnswer, decodeProgress, encodeProgress } from './assets/parcours-core.js';
import { PARCOURS } from './key.js';
import { parcoursText } from './messages.js';
import { ParcoursListPage, ParcoursPage, StepPage, parcoursPath } from './pages.js';
import type { InstalledParcours, ParcoursService } from './service.js';

/** Parcours ids in URLs: the format's id pattern. */
const ID = ':id{[a-z0-9][a-z0-9-]{0,63}}';
const PICTURE_TYPES = typesOf(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.svg']);
/** Far more than any answer: a longer post is not an answer (and is not read further). */
const MAX_ANSWER = 200;

function installed(service: ParcoursService, c: HonoContext): InstalledParcours {
  const found = service.get(c.req.param('id') ?? '');
  if (!found) throw new HTTPException(404);
  return found;
}

function stepNumber(c: HonoContext, found: InstalledParcours): number {
  const raw = c.req.param('n') ?? '';
  const n = /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > found.parcours.steps.length) throw new HTTPException(404);
  return n;
}

const CODE_ERRORS = {
  empty: 'codeEmpty',
  length: 'codeLength',
  symbol: 'codeSymbol',
  check: 'codeCheck',
} as const;

/**
 * The visitor pages of parcours, beside the portal for each language prefix: the list
 * by level, a parcours, each step, and the check of an exercise posted without
 * JavaScript (in memory: the answer is neither stored nor logged, and no event names it).
 */
export function parcoursRoutes(ctx: Context, lang: Lang | null): Hono {
  const service = ctx.services.get(PARCOURS);
  const view = (c: HonoContext) => {
    ctx.events.emit({ type: 'page', surface: 'portal', section: 'parcours', client: clientOf(c) });
    return pageContext(ctx, c, lang);
  };
  const summaryOf = (id: string) => service.list().find((p) => p.id === id);
  const step = (c: HonoContext, answer?: string) => {
    const found = installed(service, c);
    const n = stepNumber(c, found);
    const page = view(c);
    const target = service.targets(found.parcours)[n - 1];
    if (!target) throw new HTTPException(404);
    const s = found.parcours.steps[n - 1];
    const result =
      answer !== undefined && s?.kind === 'exercise' ? checkAnswer(s.exercise, answer) : undefined;
    // Without JavaScript the progress travels in the address (`?progres=`), never stored.
    const done = service.stepsFromCode(found, c.req.query('progres')) ?? [];
    const data = { parcours: found.parcours, n, target, result, typed: answer, done };
    return c.html(renderDocument(<StepPage page={page} data={data} />));
  };
  return new Hono()
    .get('/apprendre', (c) =>
      c.html(renderDocument(<ParcoursListPage page={view(c)} list={service.list()} />)),
    )
    .get('/apprendre/code', (c) => {
      const page = view(c);
      const typed = (c.req.query('c') ?? '').slice(0, 40);
      const decoded = decodeProgress(typed);
      const found = decoded.ok ? service.byKey(decoded.key) : undefined;
      if (decoded.ok && found) {
        const code = encodeProgress(found.parcours.id, decoded.steps);
        return c.redirect(
          `${page.base}${parcoursPath(found.parcours.id)}?progres=${encodeURIComponent(code)}`,
          303,
        );
      }
      const t = parcoursText[page.lang];
      const error = decoded.ok ? t.codeUnknown : t[CODE_ERRORS[decoded.reason]];
      const list = service.list();
      return c.html(
        renderDocument(<ParcoursListPage page={page} list={list} code={{ typed, error }} />),
        400,
      );
    })
    .get(`/apprendre/${ID}`, (c) => {
      const found = installed(service, c);
      const page = view(c);
      const summary = summaryOf(found.parcours.id);
      if (!summary) throw new HTTPException(404);
      // A code given back (from /apprendre/code, or carried along without JavaScript):
      // read here, kept nowhere.
      const steps = service.stepsFromCode(found, c.req.query('progres'));
      const restored = steps
        ? { steps, code: encodeProgress(found.parcours.id, steps) }
        : undefined;
      return c.html(
        renderDocument(
          <ParcoursPage
            page={page}
            parcours={found.parcours}
            summary={summary}
            targets={service.targets(found.parcours)}
            restored={restored}
          />,
        ),
      );
    })
    .get(`/apprendre/${ID}/carnet`, async (c) => {
      const found = installed(service, c);
      const page = view(c);
      const id = found.parcours.id;
      // The progress comes from the code in the address only; the box has none to give.
      const steps = service.stepsFromCode(found, c.req.query('progres')) ?? [];
      const code = encodeProgress(id, steps);
      const publicUrl = ctx.config.publicUrl.replace(/\/+$/, '');
      const resumeUrl = `${publicUrl}${page.base}/apprendre/code?c=${code}`;
      const data = {
        parcours: found.parcours,
        targets: service.targets(found.parcours),
        done: new Set(steps),
        code,
        resumeUrl,
        publicUrl,
        libraryName: page.libraryName,
        lang: page.lang,
        backHref: `${page.base}${parcoursPath(id)}`,
        // Not kept in the QR cache: this one carries the visitor's progress.
        qr: await qrSvg(resumeUrl, false),
      };
      c.header('cache-control', 'no-store');
      return c.html(renderDocument(<CarnetPage data={data} />));
    })
    .get(`/apprendre/${ID}/etapes/:n`, (c) => step(c))
    .post(`/apprendre/${ID}/etapes/:n`, async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const raw = form['answer'];
      return step(c, typeof raw === 'string' ? raw.slice(0, MAX_ANSWER) : '');
    });
}

/** The parcours' pictures (only those a parcours names), without a language prefix. */
export function parcoursFileRoutes(ctx: Context): Hono {
  const service = ctx.services.get(PARCOURS);
  return new Hono().on(['GET', 'HEAD'], `/apprendre/${ID}/images/:file{.+}`, (c) => {
    const found = installed(service, c);
    const rel = c.req.param('file');
    const file = service.pictureFile(found, rel);
    const mime = file ? PICTURE_TYPES[path.extname(file).toLowerCase()] : undefined;
    if (!file || !mime) throw new HTTPException(404);
    return sendFile(c, file, {
      mime,
      disposition: { type: 'inline', filename: path.basename(file) },
      cacheControl: 'public, max-age=86400',
      // An SVG from a pack could carry scripts: shown inline, it is sandboxed.
      ...(mime === 'image/svg+xml'
        ? { headers: { 'content-security-policy': UNTRUSTED_CSP } }
        : {}),
    });
  });
}
