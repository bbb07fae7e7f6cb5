import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Context } from '../context.js';
import { renderDocument } from '../ui/page.js';
import { qrCodeSvg } from '../ui/qr.js';
import { AtelierAdminPage, AtelierFormPage, AteliersAdminPage } from './admin-pages.js';
import {
  AnalysisPage,
  EvaluationSection,
  SummaryPage,
  type QuestionDraft,
} from './admin-eval-pages.js';
import { analyse, csvOf } from './analysis.js';
import { EMPTY_FORM, formOf, readForm, type AtelierForm, type FieldErrors } from './form.js';
import { ATELIERS, MAX_EVAL_MINUTES, type Atelier } from './service.js';
import { evaluationPath, publicUrlOf } from './urls.js';

const EMPTY_DRAFT: QuestionDraft = { text: '', kind: 'choice', choices: '' };

/** Checks a new question; one French sentence per problem. */
function readQuestion(body: Record<string, unknown>): QuestionDraft {
  const str = (k: string) => (typeof body[k] === 'string' ? body[k].trim() : '');
  const draft: QuestionDraft = { text: str('text'), kind: str('kind'), choices: str('choices') };
  const choices = draft.choices
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!draft.text) draft.error = { field: 'text', text: 'Écrivez la question.' };
  else if (draft.text.length > 200)
    draft.error = { field: 'text', text: 'La question est trop longue : 200 caractères au plus.' };
  else if (draft.kind !== 'open' && (choices.length < 2 || choices.length > 6))
    draft.error = { field: 'choices', text: 'Écrivez de 2 à 6 choix, un par ligne.' };
  else if (choices.some((ch) => ch.length > 80))
    draft.error = { field: 'choices', text: 'Un choix est trop long : 80 caractères au plus.' };
  return draft;
}

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

  const analysisOf = (a: Atelier) =>
    analyse(a, service.repo.answers(a.id), service.repo.items(a.id), service.questions(a.id));

  const detailPage = async (
    c: HonoContext,
    a: Atelier,
    draft: QuestionDraft,
    flash?: { kind: 'ok' | 'error'; text: string },
    status: 200 | 400 = 200,
  ) => {
    const titles = a.notices.map((id) => ctx.notices.get(id)?.notice.title ?? id);
    const participantUrl = publicUrlOf(ctx.config.publicUrl, evaluationPath(a.id));
    const open = service.isOpen(a);
    const qr = open ? await qrCodeSvg(participantUrl, 2) : '';
    const okFlash =
      c.req.query('ok') === '1' ? { kind: 'ok' as const, text: 'Enregistré.' } : undefined;
    return c.html(
      renderDocument(
        <AtelierAdminPage c={c} a={a} noticeTitles={titles} flash={flash ?? okFlash}>
          <EvaluationSection
            c={c}
            a={a}
            open={open}
            clockKnown={service.now() !== null}
            questions={service.questions(a.id)}
            answers={service.repo.answers(a.id).length}
            draft={draft}
            participantUrl={participantUrl}
            qrSvg={qr}
          />
        </AtelierAdminPage>,
      ),
      status,
    );
  };

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
    .get('/:id{[0-9]+}', (c) => detailPage(c, atelierOf(c), EMPTY_DRAFT))
    .post('/:id{[0-9]+}/evaluation/open', async (c) => {
      const a = atelierOf(c);
      const body = await c.req.parseBody();
      const minutes = Number(body['minutes']);
      if (!Number.isInteger(minutes) || minutes < 5 || minutes > MAX_EVAL_MINUTES)
        return detailPage(c, a, EMPTY_DRAFT, {
          kind: 'error',
          text: 'Choisissez une durée dans la liste.',
        });
      if (!service.open(a.id, minutes))
        return detailPage(c, a, EMPTY_DRAFT, {
          kind: 'error',
          text: 'La boîte ne connaît pas l’heure : donnez-la d’abord (page Ateliers).',
        });
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .post('/:id{[0-9]+}/evaluation/close', (c) => {
      const a = atelierOf(c);
      service.close(a.id);
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .post('/:id{[0-9]+}/questions', async (c) => {
      const a = atelierOf(c);
      const draft = readQuestion(await c.req.parseBody());
      if (draft.error) return detailPage(c, a, draft, undefined, 400);
      const choices =
        draft.kind === 'open'
          ? []
          : draft.choices
              .split(/\r?\n/)
              .map((s) => s.trim())
              .filter(Boolean);
      service.repo.addQuestion(
        a.id,
        draft.kind === 'open' ? 'open' : 'choice',
        draft.text,
        choices,
      );
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .post('/:id{[0-9]+}/questions/:q{[0-9]+}/delete', (c) => {
      const a = atelierOf(c);
      service.repo.removeQuestion(a.id, Number(c.req.param('q')));
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .get('/:id{[0-9]+}/analyse', (c) => {
      const a = atelierOf(c);
      const texts = service.repo.items(a.id).filter((i) => i.text !== null);
      return c.html(
        renderDocument(
          <AnalysisPage
            c={c}
            a={a}
            an={analysisOf(a)}
            questions={service.questions(a.id)}
            texts={texts}
          />,
        ),
      );
    })
    .post('/:id{[0-9]+}/textes/:answer{[0-9]+}/:q{[0-9]+}', async (c) => {
      const a = atelierOf(c);
      const body = await c.req.parseBody();
      const answer = Number(c.req.param('answer'));
      if (!service.repo.answers(a.id).some((r) => r.id === answer)) throw new HTTPException(404);
      service.repo.moderate(answer, Number(c.req.param('q')), body['op'] === 'keep');
      return c.redirect(`/admin/ateliers/${a.id}/analyse`, 303);
    })
    .get('/:id{[0-9]+}/synthese', (c) => {
      const a = atelierOf(c);
      const libraryName = ctx.settings.current().libraryName;
      return c.html(
        renderDocument(<SummaryPage a={a} an={analysisOf(a)} libraryName={libraryName} />),
      );
    })
    .get('/:id{[0-9]+}/export/:file{evaluation\\.(csv|json)}', (c) => {
      const a = atelierOf(c);
      const an = analysisOf(a);
      const csv = c.req.param('file').endsWith('.csv');
      return c.body(csv ? csvOf([an]) : `${JSON.stringify(an, null, 2)}\n`, 200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="atelier-${a.id}-evaluation.${csv ? 'csv' : 'json'}"`,
        'cache-control': 'no-store',
      });
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
