import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from '../../context.js';
import { sendFile } from '../../files/deliver.js';
import { typesOf } from '../../core/mime.js';
import { serviceKey } from '../../core/services.js';
import { assetUrl } from '../../ui/asset-url.js';
import { UNTRUSTED_CSP } from '../../files/safety.js';
import { renderDocument } from '../../ui/page.js';
import { parseNotice } from '../format.js';
import { StepView } from '../pages.js';
import { applyForm, applyOp, type FormValues } from './form.js';
import { sniffImage } from './image.js';
import { LocalNotices, newDraft } from './local.js';
import { EditNoticePage, NewNoticePage, NoticesAdminPage } from './pages.js';

const MAX_PICTURE_BYTES = 5 * 1024 * 1024;
// SVG only from notices copied from packs (uploads are raster); sandboxed like pack SVG.
const MIME = typesOf(['png', 'jpg', 'webp', 'gif', 'svg']);

async function formOf(c: HonoContext): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The animateur's own notices (drafts), built once per context. */
export const LOCAL_NOTICES = serviceKey(
  'local-notices',
  (ctx: Context) => new LocalNotices(ctx.paths.dataDir, ctx.notices),
);

/**
 * The notice editor (`/admin/notices`), mounted behind the admin gate (session, Origin
 * and CSRF checks happen before these handlers run).
 */
export function noticesAdminRoutes(ctx: Context): Hono {
  const local = ctx.services.get(LOCAL_NOTICES);

  const draftOf = (c: HonoContext) => {
    const draft = local.read(c.req.param('id') ?? '');
    if (!draft) throw new HTTPException(404);
    return draft;
  };

  const editPage = (c: HonoContext, flash?: { kind: 'ok' | 'error'; text: string }) => {
    const draft = draftOf(c);
    const parsed = parseNotice(draft);
    const installed = ctx.notices.get(draft.id);
    const data = { draft, problem: parsed.ok ? null : parsed.error, installed: !!installed };
    return c.html(renderDocument(<EditNoticePage c={c} data={data} flash={flash} />));
  };

  return (
    new Hono()
      .get('/', (c) => {
        const feedback = new Map<string, { yes: number; neutral: number; no: number }>();
        for (const row of ctx.notices.repo.feedbackCounts()) {
          const f = feedback.get(row.notice_id) ?? { yes: 0, neutral: 0, no: 0 };
          f[row.face] = row.count;
          feedback.set(row.notice_id, f);
        }
        const installed = ctx.notices.repo.all().map((row) => {
          const summary = ctx.notices.list().find((n) => n.id === row.id);
          return {
            ...(summary ?? {
              id: row.id,
              title: row.title,
              summary: '',
              level: 'débutant' as const,
              devices: [],
              themes: [],
              duration: 0,
              language: row.language,
              steps: 0,
            }),
            packId: row.pack_id,
          };
        });
        const data = { installed, local: local.ids(), errors: ctx.notices.errors(), feedback };
        const flash =
          c.req.query('supprimee') === '1'
            ? { kind: 'ok' as const, text: 'La notice est supprimée.' }
            : undefined;
        return c.html(renderDocument(<NoticesAdminPage c={c} data={data} flash={flash} />));
      })
      .get('/new', (c) => c.html(renderDocument(<NewNoticePage c={c} />)))
      .post('/new', async (c) => {
        const form = await formOf(c);
        const title = (typeof form['title'] === 'string' ? form['title'] : '').trim().slice(0, 120);
        if (!title) throw new HTTPException(400, { message: 'titre manquant' });
        const draft = newDraft(local.freeId(title), title);
        draft.authors = [ctx.settings.current().libraryName];
        local.save(draft, false);
        return c.redirect(`/admin/notices/${draft.id}/edit`, 303);
      })
      // A parameter in the path keeps route-walking page checks (a11y) off this download.
      .get('/export/:file{notices-locales\\.zip}', () => {
        const { zip, name } = local.exportZip(ctx.settings.current().libraryName, ctx.clock.now());
        return new Response(
          Readable.toWeb(Readable.from(zip as AsyncIterable<Buffer>)) as ReadableStream,
          {
            headers: {
              'content-type': 'application/zip',
              'content-disposition': `attachment; filename="${name}"`,
              'cache-control': 'no-store',
            },
          },
        );
      })
      .get('/:id/edit', (c) => {
        const flash =
          c.req.query('ok') === '1' ? { kind: 'ok' as const, text: 'Enregistré.' } : undefined;
        return editPage(c, flash);
      })
      .post('/:id', async (c) => {
        const draft = draftOf(c);
        const form = await formOf(c);
        const op = typeof form['op'] === 'string' ? form['op'] : 'save';
        const next = applyOp(applyForm(draft, form), op);
        local.save(next);
        const anchor = /-(\d+)$/.exec(op)?.[1];
        return c.redirect(
          `/admin/notices/${draft.id}/edit?ok=1${anchor ? `#etape-${anchor}` : ''}`,
          303,
        );
      })
      .post(
        '/:id/steps/:n/picture',
        bodyLimit({
          maxSize: MAX_PICTURE_BYTES + 64 * 1024,
          onError: () => {
            throw new HTTPException(413, { message: 'Image trop lourde (5 Mo au plus).' });
          },
        }),
        async (c) => {
          const draft = draftOf(c);
          const n = Number(c.req.param('n'));
          const step = draft.steps[n - 1];
          if (!Number.isInteger(n) || !step) throw new HTTPException(404);
          const body = await c.req.parseBody();
          const file = body['picture'];
          if (!(file instanceof File) || file.size === 0)
            return editPage(c, { kind: 'error', text: 'Choisissez une image.' });
          const data = Buffer.from(await file.arrayBuffer());
          const info = sniffImage(data);
          if (!info) {
            return editPage(c, {
              kind: 'error',
              text: 'Ce fichier n’est pas une image PNG, JPEG, WebP ou GIF lisible.',
            });
          }
          const stored = local.storePicture(draft.id, data, info.ext);
          step.picture = { ...step.picture, ...stored, width: info.width, height: info.height };
          local.save(draft);
          return c.redirect(`/admin/notices/${draft.id}/edit?ok=1#etape-${n}`, 303);
        },
      )
      .get('/:id/pictures/:name', async (c) => {
        const draft = draftOf(c);
        const name = c.req.param('name');
        const ext = path.extname(name).slice(1).toLowerCase();
        const mime = MIME[ext];
        const file = mime ? local.pictureFile(draft.id, name) : null;
        if (!mime || !file || !draft.steps.some((s) => s.picture.path === name))
          throw new HTTPException(404);
        return sendFile(c, file, {
          mime,
          cacheControl: 'private, no-cache',
          ...(mime === 'image/svg+xml'
            ? { headers: { 'content-security-policy': UNTRUSTED_CSP } }
            : {}),
        });
      })
      .get('/:id/kiosk', (c) => {
        const found = ctx.notices.get(c.req.param('id'));
        if (!found) throw new HTTPException(404);
        const total = found.notice.steps.length;
        const n = Math.min(total, Math.max(1, Number(c.req.query('step')) || 1));
        const step = found.notice.steps[n - 1];
        if (!step) throw new HTTPException(404);
        const base = `/admin/notices/${found.notice.id}/kiosk?step=`;
        return c.html(
          renderDocument(
            <html lang="fr">
              <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{`Aperçu borne : ${found.notice.title}`}</title>
                <link rel="stylesheet" href={assetUrl('portal.css')} />
                <link rel="stylesheet" href={assetUrl('shared.css')} />
                <link rel="stylesheet" href={assetUrl('editor.css')} />
              </head>
              <body>
                <main class="kiosk-preview">
                  <p>
                    <a href={`/admin/notices/${found.notice.id}/edit`}>← Retour à l’éditeur</a>
                  </p>
                  <h1>{`Étape ${n} sur ${total}`}</h1>
                  <ol class="notice-steps" start={n}>
                    <StepView notice={found.notice} step={step} n={n} lang="fr" audio={false} />
                  </ol>
                  <p class="nav">
                    {n > 1 ? (
                      <a class="button" href={`${base}${n - 1}`}>
                        Précédent
                      </a>
                    ) : (
                      <span />
                    )}
                    {n < total && (
                      <a class="button" href={`${base}${n + 1}`}>
                        Suivant
                      </a>
                    )}
                  </p>
                </main>
              </body>
            </html>,
          ),
        );
      })
      .post('/:id/copy', (c) => {
        const found = ctx.notices.get(c.req.param('id'));
        if (!found) throw new HTTPException(404);
        const id = local.copyFrom(found, `${found.notice.title} (copie)`.slice(0, 120));
        return c.redirect(`/admin/notices/${id}/edit`, 303);
      })
      .post('/:id/delete', (c) => {
        const draft = draftOf(c);
        local.remove(draft.id);
        return c.redirect('/admin/notices?supprimee=1', 303);
      })
  );
}
