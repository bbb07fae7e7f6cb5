import { Hono, type Context as HonoContext } from 'hono';
import type { AdminEnv } from '../../admin/env.js';
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
import { NoticePage, StepView } from '../pages.js';
import { PrintPage } from '../print.js';
import { noticeUrl, qrSvg } from '../qr.js';
import { pageContext } from '../../http/page-context.js';
import { applyForm, applyOp, type FormValues } from './form.js';
import { sniffImage } from './image.js';
import { LocalNotices, newDraft, type Draft } from './local.js';
import { fieldProblems, type FieldProblems } from './problems.js';
import { EditNoticePage, NewNoticePage, NoticesAdminPage } from './pages.js';

const MAX_PICTURE_BYTES = 5 * 1024 * 1024;
// SVG only from notices copied from packs (uploads are raster); sandboxed like pack SVG.
const MIME = typesOf(['png', 'jpg', 'webp', 'gif', 'svg']);

async function formOf(c: HonoContext): Promise<FormValues> {
  return (await bodyOf(c)).values;
}

/** The form's text values, and the step pictures chosen in it (`s2.picture`…). */
async function bodyOf(c: HonoContext): Promise<{ values: FormValues; files: Map<number, File> }> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  const files = new Map<number, File>();
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    const picture = /^s(\d{1,2})\.picture$/.exec(k);
    const file = Array.isArray(v) ? v[0] : v;
    if (picture && file instanceof File && file.size > 0) files.set(Number(picture[1]), file);
  }
  return { values, files };
}

const BAD_PICTURE =
  'Ce fichier n’est pas une image PNG, JPEG, WebP ou GIF lisible : choisissez-en une autre.';
const BIG_PICTURE = 'Cette image est trop lourde (5 Mo au plus) : choisissez-en une plus petite.';
/** The animateur's own notices (drafts), built once per context. */
export const LOCAL_NOTICES = serviceKey(
  'local-notices',
  (ctx: Context) => new LocalNotices(ctx.paths.dataDir, ctx.notices),
);

/**
 * The notice editor (`/admin/notices`), mounted behind the admin gate (session, Origin
 * and CSRF checks happen before these handlers run).
 */
export function noticesAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const local = ctx.services.get(LOCAL_NOTICES);

  const draftOf = (c: HonoContext) => {
    const draft = local.read(c.req.param('id') ?? '');
    if (!draft) throw new HTTPException(404);
    return draft;
  };

  interface EditOptions {
    flash?: { kind: 'ok' | 'error'; text: string } | undefined;
    /** Problems found on this request (a refused picture), beside the format's own. */
    extra?: FieldProblems;
    /** Two tabs: what another tab saved while this one was being written. */
    conflict?: Draft;
    status?: 200 | 409 | 422;
  }

  const editPage = (c: HonoContext, draft: Draft, options: EditOptions = {}) => {
    const problems = fieldProblems(draft);
    for (const [k, v] of options.extra ?? []) problems.set(k, v);
    const data = {
      draft,
      problems,
      published: local.isPublished(draft.id),
      pending: local.hasUnpublishedChanges(draft.id),
      conflict: options.conflict,
    };
    return c.html(
      renderDocument(<EditNoticePage c={c} data={data} flash={options.flash} />),
      options.status ?? 200,
    );
  };

  /** The draft as a notice for the previews (defaults filled in), or why it cannot be. */
  const previewOf = (c: HonoContext) => {
    const draft = draftOf(c);
    const parsed = parseNotice(draft);
    if (!parsed.ok) {
      return {
        notice: null,
        page: editPage(c, draft, {
          flash: {
            kind: 'error',
            text: 'Aperçu impossible pour le moment : corrigez d’abord ce qui est indiqué en rouge.',
          },
          status: 422,
        }),
      } as const;
    }
    const notice = parsed.notice;
    const pictureSrc = (id: string, n: number) =>
      `/admin/notices/${id}/pictures/${encodeURIComponent(notice.steps[n - 1]?.picture.path ?? '')}`;
    return { notice, pictureSrc, page: null } as const;
  };

  return (
    new Hono<AdminEnv>()
      .get('/', (c) => {
        const feedback = new Map<string, { yes: number; neutral: number; no: number }>();
        for (const row of ctx.notices.repo.feedbackCounts()) {
          const f = feedback.get(row.notice_id) ?? { yes: 0, neutral: 0, no: 0 };
          f[row.face] = row.count;
          feedback.set(row.notice_id, f);
        }
        local.upgradeOnce();
        const all = ctx.notices.listAll();
        const installed = ctx.notices.repo.all().map((row) => {
          const summary = all.find((n) => n.id === row.id);
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
            hidden: ctx.notices.isHidden(row.id),
          };
        });
        const drafts = local.ids().map((id) => ({
          id,
          title: local.read(id)?.title ?? id,
          published: local.isPublished(id),
        }));
        const data = { installed, drafts, errors: ctx.notices.errors(), feedback };
        const flashes: Record<string, string> = {
          supprimee: 'La notice est supprimée.',
          masquee: 'La notice n’est plus montrée aux visiteurs. Son pack reste installé.',
          montree: 'La notice est de nouveau montrée aux visiteurs.',
        };
        const key = Object.keys(flashes).find((k) => c.req.query(k) === '1');
        const flash = key ? { kind: 'ok' as const, text: flashes[key] ?? '' } : undefined;
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
        local.upgradeOnce();
        const draft = draftOf(c);
        const flashes: Record<string, string> = {
          ok: local.isPublished(draft.id)
            ? 'Enregistré. Les visiteurs verront ces changements quand vous les publierez.'
            : 'Enregistré. C’est un brouillon : les visiteurs ne le voient pas.',
          publiee: 'Publiée : les visiteurs voient maintenant cette notice.',
          retiree: 'La notice n’est plus visible par les visiteurs. Votre brouillon est gardé.',
        };
        const key = Object.keys(flashes).find((k) => c.req.query(k) === '1');
        const text = key ? flashes[key] : undefined;
        return editPage(c, draft, { flash: text ? { kind: 'ok', text } : undefined });
      })
      .post(
        '/:id',
        bodyLimit({
          maxSize: 2 * MAX_PICTURE_BYTES + 256 * 1024,
          onError: () => {
            throw new HTTPException(413, {
              message:
                'Envoi trop lourd : une image à la fois, 5 Mo au plus. Vos textes sont gardés dans la page : revenez en arrière.',
            });
          },
        }),
        async (c) => {
          const draft = draftOf(c);
          const { values: form, files } = await bodyOf(c);
          const op = typeof form['op'] === 'string' ? form['op'] : 'save';
          const typed = applyForm(draft, form);
          // Two tabs: the form was written from an older version than the saved one.
          // Nothing is overwritten: this tab's texts stay in the fields, the other tab's
          // saved texts are shown beside them, and the next save is a deliberate choice.
          const revision = typeof form['revision'] === 'string' ? form['revision'] : '';
          if (revision && revision !== draft.version) {
            return editPage(c, typed, {
              conflict: draft,
              status: 409,
              flash: {
                kind: 'error',
                text: 'Cette notice a été enregistrée entre-temps, sans doute dans un autre onglet. Rien n’est perdu : vos textes sont dans les champs, ceux enregistrés entre-temps sont affichés dessous. Choisissez, puis enregistrez.',
              },
            });
          }
          // Pictures chosen in the form: the typed texts are saved with them, always.
          const refused: FieldProblems = new Map();
          for (const [n, file] of files) {
            const step = typed.steps[n - 1];
            if (!step) continue;
            if (file.size > MAX_PICTURE_BYTES) {
              refused.set(`s${n}.picture`, BIG_PICTURE);
              continue;
            }
            const data = Buffer.from(await file.arrayBuffer());
            const info = sniffImage(data);
            if (!info) {
              refused.set(`s${n}.picture`, BAD_PICTURE);
              continue;
            }
            const stored = local.storePicture(draft.id, data, info.ext);
            step.picture = { ...step.picture, ...stored, width: info.width, height: info.height };
          }
          const saved = local.save(applyOp(typed, op));
          if (refused.size > 0) {
            return editPage(c, saved, {
              extra: refused,
              status: 422,
              flash: {
                kind: 'error',
                text: 'L’image n’a pas été prise : voyez le message à côté de l’image. Vos textes sont enregistrés.',
              },
            });
          }
          const base = `/admin/notices/${draft.id}/edit`;
          if (op === 'publish') {
            const result = local.publish(draft.id);
            if (!result.ok) {
              return editPage(c, saved, {
                status: 422,
                flash: {
                  kind: 'error',
                  text: 'Pas encore publiée : il manque quelque chose, indiqué en rouge à côté du champ. Vos textes sont enregistrés.',
                },
              });
            }
            return c.redirect(`${base}?publiee=1`, 303);
          }
          if (op === 'unpublish') {
            local.unpublish(draft.id);
            return c.redirect(`${base}?retiree=1`, 303);
          }
          const anchor = /-(\d+)$/.exec(op)?.[1];
          return c.redirect(`${base}?ok=1${anchor ? `#etape-${anchor}` : ''}`, 303);
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
      .get('/:id/preview', (c) => {
        const preview = previewOf(c);
        if (!preview.notice) return preview.page;
        const page = pageContext(ctx, c, 'fr');
        const data = {
          notice: preview.notice,
          url: noticeUrl(ctx.config.publicUrl, preview.notice.id),
          pdf: false,
          thanks: false,
          pictureSrc: preview.pictureSrc,
          preview: true,
        };
        return c.html(renderDocument(<NoticePage page={page} data={data} />));
      })
      .get('/:id/print', async (c) => {
        const preview = previewOf(c);
        if (!preview.notice) return preview.page;
        const url = noticeUrl(ctx.config.publicUrl, preview.notice.id);
        const data = {
          notice: preview.notice,
          qr: await qrSvg(url),
          url,
          publicUrl: ctx.config.publicUrl,
          libraryName: ctx.settings.current().libraryName,
          backHref: `/admin/notices/${preview.notice.id}/edit`,
          pictureSrc: preview.pictureSrc,
        };
        return c.html(renderDocument(<PrintPage data={data} />));
      })
      .get('/:id/kiosk', (c) => {
        const preview = previewOf(c);
        if (!preview.notice) return preview.page;
        const found = { notice: preview.notice };
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
                    <StepView
                      notice={found.notice}
                      step={step}
                      n={n}
                      audio={false}
                      pictureSrc={preview.pictureSrc}
                    />
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
      .post('/:id/visibility', async (c) => {
        const found = ctx.notices.getAny(c.req.param('id'));
        if (!found) throw new HTTPException(404);
        const form = await formOf(c);
        const hide = form['hidden'] === '1';
        ctx.notices.setHidden(found.notice.id, hide);
        return c.redirect(`/admin/notices?${hide ? 'masquee' : 'montree'}=1`, 303);
      })
      .post('/:id/copy', (c) => {
        const found = ctx.notices.getAny(c.req.param('id'));
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
