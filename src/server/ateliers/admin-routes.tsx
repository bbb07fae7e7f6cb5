import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Context } from '../context.js';
import { renderDocument } from '../ui/page.js';
import { AtelierAdminPage, AtelierFormPage, AteliersAdminPage } from './admin-pages.js';
import { EMPTY_FORM, formOf, readForm, type AtelierForm, type FieldErrors } from './form.js';
import { ATELIERS } from './service.js';

/** `/admin/ateliers`, behind the admin gate (session, Origin and CSRF checked before). */
export function ateliersAdminRoutes(ctx: Context): Hono {
  const service = ctx.services.get(ATELIERS);

  const atelierOf = (c: HonoContext) => {
    const a = service.get(Number(c.req.param('id')));
    if (!a) throw new HTTPException(404);
    return a;
  };
  /** Installed notices, plus any the form names that are no longer installed. */
  const noticeChoices = (form: AtelierForm) => {
    const installed = ctx.notices.list().map((n) => ({ id: n.id, title: n.title }));
    const gone = form.notices
      .filter((id) => !installed.some((n) => n.id === id))
      .map((id) => ({ id, title: `${id} (plus installée)` }));
    return [...installed, ...gone];
  };
  const formPage = (
    c: HonoContext,
    id: number | null,
    form: AtelierForm,
    errors: FieldErrors = {},
  ) =>
    c.html(
      renderDocument(
        <AtelierFormPage c={c} id={id} form={form} errors={errors} notices={noticeChoices(form)} />,
      ),
      Object.keys(errors).length ? 400 : 200,
    );

  return new Hono()
    .get('/', (c) => {
      const flash =
        c.req.query('supprime') === '1'
          ? { kind: 'ok' as const, text: 'L’atelier est supprimé.' }
          : undefined;
      return c.html(
        renderDocument(
          <AteliersAdminPage
            c={c}
            ateliers={service.all()}
            clockKnown={service.now() !== null}
            flash={flash}
          />,
        ),
      );
    })
    .get('/new', (c) => formPage(c, null, EMPTY_FORM))
    .post('/new', async (c) => {
      const form = readForm(await c.req.parseBody({ all: true }));
      const saved = service.save(null, form);
      if (!saved.ok) return formPage(c, null, form, saved.errors);
      return c.redirect(`/admin/ateliers/${saved.id}?ok=1`, 303);
    })
    .get('/:id{[0-9]+}', (c) => {
      const a = atelierOf(c);
      const titles = a.notices.map((id) => ctx.notices.get(id)?.notice.title ?? id);
      const flash =
        c.req.query('ok') === '1' ? { kind: 'ok' as const, text: 'Enregistré.' } : undefined;
      return c.html(
        renderDocument(<AtelierAdminPage c={c} a={a} noticeTitles={titles} flash={flash} />),
      );
    })
    .get('/:id{[0-9]+}/edit', (c) => {
      const a = atelierOf(c);
      const row = service.repo.get(a.id);
      if (!row) throw new HTTPException(404);
      return formPage(c, a.id, formOf(row));
    })
    .post('/:id{[0-9]+}/edit', async (c) => {
      const a = atelierOf(c);
      const form = readForm(await c.req.parseBody({ all: true }));
      const saved = service.save(a.id, form);
      if (!saved.ok) return formPage(c, a.id, form, saved.errors);
      return c.redirect(`/admin/ateliers/${a.id}?ok=1`, 303);
    })
    .post('/:id{[0-9]+}/delete', async (c) => {
      const a = atelierOf(c);
      const body = await c.req.parseBody();
      if (body['confirm'] !== '1') return c.redirect(`/admin/ateliers/${a.id}`, 303);
      service.remove(a.id);
      return c.redirect('/admin/ateliers?supprime=1', 303);
    });
}
