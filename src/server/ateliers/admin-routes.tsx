import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AdminEnv } from '../admin/env.js';
import type { Context } from '../context.js';
import { form, sent, trimmed, typed } from '../http/form.js';
import { renderDocument } from '../ui/page.js';
import { qrCodeSvg } from '../ui/qr.js';
import { AtelierAdminPage, AtelierFormPage, AteliersAdminPage } from './admin-pages.js';
import {
  AnalysisPage,
  EvaluationSection,
  PeriodPage,
  PeriodSummaryPage,
  SummaryPage,
  type QuestionDraft,
} from './admin-eval-pages.js';
import { csvOf } from './analysis.js';
import {
  atelierForm,
  checkQuestion,
  EMPTY_FORM,
  questionForm,
  type AtelierForm,
  type FieldErrors,
} from './form.js';
import { ATELIERS, MAX_EVAL_MINUTES, type Atelier } from './service.js';
import { evaluationPath, publicUrlOf } from './urls.js';

const EMPTY_DRAFT: QuestionDraft = { text: '', kind: 'choice', choices: '' };

/** Moderating an open answer: keep it, or (anything else) delete it. */
const moderateForm = form(z.object({ op: typed }));
const openForm = form(z.object({ minutes: trimmed }));
const deleteForm = form(z.object({ confirm: sent() }));

/** `/admin/ateliers`, behind the admin gate (session, Origin and CSRF checked before). */
export function ateliersAdminRoutes(ctx: Context): Hono<AdminEnv> {
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

  /** The month asked (`?mois=2026-11`), else this month; a wrong one is a 404. */
  const periodOf = (c: HonoContext) => {
    const month = c.req.query('mois') ?? service.defaultMonth() ?? '';
    const pa = service.periodAnalysis(month);
    if (!pa) throw new HTTPException(404);
    return pa;
  };

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
            answers={service.answerCount(a.id)}
            draft={draft}
            participantUrl={participantUrl}
            qrSvg={qr}
          />
        </AtelierAdminPage>,
      ),
      status,
    );
  };

  return new Hono<AdminEnv>()
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
    .get('/periode', (c) => {
      const pa = periodOf(c);
      return c.html(renderDocument(<PeriodPage c={c} pa={pa} />));
    })
    .get('/periode/synthese', (c) => {
      const libraryName = ctx.settings.current().libraryName;
      return c.html(
        renderDocument(<PeriodSummaryPage pa={periodOf(c)} libraryName={libraryName} />),
      );
    })
    .get('/periode/export.json', (c) => {
      const pa = periodOf(c);
      return c.body(`${JSON.stringify(pa, null, 2)}\n`, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="ateliers-${pa.periode.mois}-evaluation.json"`,
        'cache-control': 'no-store',
      });
    })
    .post('/new', form(atelierForm), (c) => {
      const fields = c.req.valid('form');
      const saved = service.save(null, fields);
      if (!saved.ok) return formPage(c, null, fields, saved.errors);
      return c.redirect(`/admin/ateliers/${saved.id}?ok=1`, 303);
    })
    .get('/:id{[0-9]+}', (c) => detailPage(c, atelierOf(c), EMPTY_DRAFT))
    .post('/:id{[0-9]+}/evaluation/open', openForm, async (c) => {
      const a = atelierOf(c);
      const raw = c.req.valid('form').minutes;
      const minutes = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
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
    .post('/:id{[0-9]+}/questions', form(questionForm), (c) => {
      const a = atelierOf(c);
      const draft = c.req.valid('form');
      const checked = checkQuestion(draft);
      if (!checked.ok)
        return detailPage(
          c,
          a,
          { ...draft, error: { field: checked.field, text: checked.text } },
          undefined,
          400,
        );
      service.addQuestion(a.id, checked.question);
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .post('/:id{[0-9]+}/questions/:q{[0-9]+}/delete', (c) => {
      const a = atelierOf(c);
      service.removeQuestion(a.id, Number(c.req.param('q')));
      return c.redirect(`/admin/ateliers/${a.id}#evaluation`, 303);
    })
    .get('/:id{[0-9]+}/analyse', (c) => {
      const a = atelierOf(c);
      const texts = service.openTexts(a.id);
      return c.html(
        renderDocument(
          <AnalysisPage
            c={c}
            a={a}
            an={service.analysis(a)}
            questions={service.questions(a.id)}
            texts={texts}
          />,
        ),
      );
    })
    .post('/:id{[0-9]+}/textes/:answer{[0-9]+}/:q{[0-9]+}', moderateForm, (c) => {
      const a = atelierOf(c);
      const keep = c.req.valid('form').op === 'keep';
      const answer = Number(c.req.param('answer'));
      if (!service.moderate(a.id, answer, Number(c.req.param('q')), keep))
        throw new HTTPException(404);
      return c.redirect(`/admin/ateliers/${a.id}/analyse`, 303);
    })
    .get('/:id{[0-9]+}/synthese', (c) => {
      const a = atelierOf(c);
      const libraryName = ctx.settings.current().libraryName;
      return c.html(
        renderDocument(<SummaryPage a={a} an={service.analysis(a)} libraryName={libraryName} />),
      );
    })
    .get('/:id{[0-9]+}/export/:file{evaluation\\.(csv|json)}', (c) => {
      const a = atelierOf(c);
      const an = service.analysis(a);
      const csv = c.req.param('file').endsWith('.csv');
      return c.body(csv ? csvOf([an]) : `${JSON.stringify(an, null, 2)}\n`, 200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="atelier-${a.id}-evaluation.${csv ? 'csv' : 'json'}"`,
        'cache-control': 'no-store',
      });
    })
    .get('/:id{[0-9]+}/edit', (c) => {
      const a = atelierOf(c);
      const fields = service.form(a.id);
      if (!fields) throw new HTTPException(404);
      return formPage(c, a.id, fields);
    })
    .post('/:id{[0-9]+}/edit', form(atelierForm), (c) => {
      const a = atelierOf(c);
      const fields = c.req.valid('form');
      const saved = service.save(a.id, fields);
      if (!saved.ok) return formPage(c, a.id, fields, saved.errors);
      return c.redirect(`/admin/ateliers/${a.id}?ok=1`, 303);
    })
    .post('/:id{[0-9]+}/delete', deleteForm, (c) => {
      const a = atelierOf(c);
      if (!c.req.valid('form').confirm) return c.redirect(`/admin/ateliers/${a.id}`, 303);
      service.remove(a.id);
      return c.redirect('/admin/ateliers?supprime=1', 303);
    });
}
