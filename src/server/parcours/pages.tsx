import { workUrl } from '../files/urls.js';
import { assetUrl } from '../ui/asset-url.js';
import { Layout, href, type PageContext } from '../ui/page.js';
import { encodeProgress, type CheckResult } from './assets/parcours-core.js';
import { ExerciseForm } from './exercise.js';
import { LEVELS, type Parcours } from './format.js';
import { DIGCOMP_LABELS, LEVEL_LABELS, PUBLIC_LABELS, fill, parcoursText } from './messages.js';
import type { ParcoursSummary, StepTarget } from './service.js';

type ViewLang = 'fr' | 'en';

/** The parcours' own words (labels of its exercises) follow its language. */
export function viewLang(p: Pick<Parcours, 'language'>): ViewLang {
  return p.language.startsWith('en') ? 'en' : 'fr';
}

export function parcoursPath(id: string, step?: number): string {
  return step ? `/apprendre/${id}/etapes/${step}` : `/apprendre/${id}`;
}

/**
 * A link inside a parcours that carries the steps done as a progress code, for phones
 * without JavaScript (with it, the phone's own storage is used and the code is ignored).
 */
function withProgress(path: string, id: string, done: readonly number[]): string {
  return done.length > 0 ? `${path}?progres=${encodeProgress(id, done)}` : path;
}

function Head() {
  return (
    <>
      <link rel="stylesheet" href={assetUrl('parcours.css')} />
      <script type="module" src={assetUrl('parcours.js')} />
    </>
  );
}

function Meta({ p, lang }: { p: ParcoursSummary; lang: ViewLang }) {
  const t = parcoursText[lang];
  return (
    <p class="parcours-meta">
      <span>{fill(t.steps, { n: p.steps })}</span>
      {p.exercises > 0 && <span> {fill(t.exercises, { n: p.exercises })}</span>} ·{' '}
      <span>
        {fill(t.forPublic, { v: p.public.map((v) => PUBLIC_LABELS[lang][v]).join(', ') })}
      </span>
      {p.digcomp && (
        <>
          {' '}
          · <span>{fill(t.area, { v: DIGCOMP_LABELS[lang][p.digcomp] ?? p.digcomp })}</span>
        </>
      )}
    </p>
  );
}

/** The form that takes a progress code back (GET: nothing posted, nothing kept). */
function CodeForm({
  page,
  typed,
  error,
}: {
  page: PageContext;
  typed?: string | undefined;
  error?: string | undefined;
}) {
  const t = parcoursText[page.lang];
  return (
    <section class="parcours-code-form" aria-labelledby="reprendre">
      <h2 id="reprendre">{t.codeTitle}</h2>
      <p>{t.codeIntro}</p>
      <form method="get" action={href(page, '/apprendre/code')}>
        <label for="code">{t.codeLabel}</label>
        {error && (
          <p class="field-error" id="code-error" role="alert">
            {error}
          </p>
        )}
        <input
          id="code"
          name="c"
          type="text"
          value={typed ?? ''}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={20}
          {...(error ? { 'aria-invalid': 'true', 'aria-describedby': 'code-error' } : {})}
        />
        <button type="submit">{t.codeSubmit}</button>
      </form>
    </section>
  );
}

export function ParcoursListPage({
  page,
  list,
  code,
}: {
  page: PageContext;
  list: ParcoursSummary[];
  code?: { typed: string; error: string } | undefined;
}) {
  const t = parcoursText[page.lang];
  return (
    <Layout page={page} title={t.listTitle} section="learn" head={<Head />}>
      <h1>{t.listTitle}</h1>
      <p class="lead">{t.listIntro}</p>
      {list.length === 0 && <p>{t.none}</p>}
      {LEVELS.map((level) => {
        const here = list.filter((p) => p.level === level);
        if (here.length === 0) return null;
        return (
          <section key={level} class="parcours-level" aria-labelledby={`niveau-${level}`}>
            <h2 id={`niveau-${level}`}>
              {fill(t.levelTitle, { v: LEVEL_LABELS[page.lang][level] ?? level })}
            </h2>
            <ul class="parcours-list">
              {here.map((p) => (
                <li key={p.id} data-parcours={p.id} data-steps={p.steps}>
                  <a href={href(page, parcoursPath(p.id))} lang={p.language}>
                    {p.title}
                  </a>
                  <span class="parcours-summary" lang={p.language}>
                    {p.summary}
                  </span>
                  <Meta p={p} lang={page.lang} />
                  <span class="parcours-progress" data-progress="" hidden />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <CodeForm page={page} typed={code?.typed} error={code?.error} />
    </Layout>
  );
}

const KIND_LABEL = { notice: 'kindNotice', work: 'kindWork', exercise: 'kindExercise' } as const;

export function ParcoursPage({
  page,
  parcours,
  summary,
  targets,
  restored,
}: {
  page: PageContext;
  parcours: Parcours;
  summary: ParcoursSummary;
  targets: StepTarget[];
  /** Steps done, read from a progress code the visitor gave back (never from the box). */
  restored?: { steps: number[]; code: string } | undefined;
}) {
  const t = parcoursText[page.lang];
  const done = new Set(restored?.steps ?? []);
  const firstToDo = parcours.steps.findIndex((_, i) => !done.has(i + 1)) + 1 || 1;
  return (
    <Layout
      page={page}
      title={parcours.title}
      section="learn"
      head={<Head />}
      description={parcours.summary}
    >
      <p class="crumbs">
        <a href={href(page, '/apprendre')}>{t.all}</a>
      </p>
      <div
        class="parcours"
        data-parcours={parcours.id}
        data-steps={parcours.steps.length}
        data-restored={restored ? restored.steps.join(',') : undefined}
      >
        <h1 lang={parcours.language}>{parcours.title}</h1>
        <p class="lead" lang={parcours.language}>
          {parcours.summary}
        </p>
        <Meta p={summary} lang={page.lang} />
        {restored && (
          <p class="callout result" role="status">
            {t.codeRestored}
          </p>
        )}
        <h2>{t.stepsTitle}</h2>
        <ol class="parcours-steps">
          {targets.map((target, i) => {
            const n = i + 1;
            const title = target.title ?? t.unavailable;
            return (
              <li key={n} data-step={n} class={done.has(n) ? 'is-done' : undefined}>
                <a
                  href={href(
                    page,
                    withProgress(parcoursPath(parcours.id, n), parcours.id, [...done]),
                  )}
                >
                  <span class="step-kind">{t[KIND_LABEL[target.kind]]}</span>
                  <span class="step-name" lang={target.title ? parcours.language : undefined}>
                    {title}
                  </span>
                </a>
                <span class="step-state" data-state="">
                  {done.has(n) ? t.done : t.notDone}
                </span>
              </li>
            );
          })}
        </ol>
        <p class="callout result" data-finished="" hidden={done.size < parcours.steps.length}>
          {t.finished}
        </p>
        <p>
          <a
            class="button"
            data-start=""
            href={href(
              page,
              withProgress(parcoursPath(parcours.id, firstToDo), parcours.id, [...done]),
            )}
          >
            {t.start}
          </a>
        </p>
        <section class="parcours-progress-box" aria-labelledby="progres">
          <h2 id="progres">{t.progressTitle}</h2>
          <p class="no-js-only">{t.progressNoJs}</p>
          <p data-code-box="" hidden={!restored}>
            {t.progressPrivacy}{' '}
            <strong class="progress-code" data-code="">
              {restored?.code}
            </strong>
          </p>
          <p>
            <a
              class="button"
              data-carnet=""
              href={href(
                page,
                `${parcoursPath(parcours.id)}/carnet${restored ? `?progres=${restored.code}` : ''}`,
              )}
            >
              {t.carnetLink}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}

export interface StepPageData {
  parcours: Parcours;
  n: number;
  target: StepTarget;
  /** A try the box checked (no JavaScript): its result and what was typed. */
  result?: CheckResult | undefined;
  typed?: string | undefined;
  /** Steps done, from a code in the address (phones without JavaScript). */
  done?: number[] | undefined;
}

export function StepPage({ page, data }: { page: PageContext; data: StepPageData }) {
  const { parcours, n, target } = data;
  const t = parcoursText[page.lang];
  const vl = viewLang(parcours);
  const total = parcours.steps.length;
  const step = parcours.steps[n - 1];
  const last = n === total;
  const done = data.done ?? [];
  const go = (path: string, steps: readonly number[] = done) =>
    href(page, withProgress(path, parcours.id, steps));
  const nextPath = last ? parcoursPath(parcours.id) : parcoursPath(parcours.id, n + 1);
  // Once this step is done (a right answer, "J'ai fini"), the code carried on says so.
  const doneHere = [...new Set([...done, n])];
  const nextHref = go(nextPath, data.result?.ok ? doneHere : done);
  const nextLabel = last ? t.back : t.next;
  return (
    <Layout
      page={page}
      title={`${target.title ?? t.unavailable} · ${parcours.title}`}
      section="learn"
      head={<Head />}
    >
      <p class="crumbs">
        <a href={go(parcoursPath(parcours.id))}>{parcours.title}</a>
      </p>
      <div class="parcours-step" data-parcours={parcours.id} data-steps={total} data-step={n}>
        <p class="step-count">{fill(t.stepOf, { n, total })}</p>
        <h1 lang={target.title ? parcours.language : undefined}>{target.title ?? t.unavailable}</h1>
        {step?.kind === 'exercise' ? (
          <>
            <noscript>
              <p class="callout tip">{t.exerciseNoJs}</p>
            </noscript>
            <ExerciseForm
              parcoursId={parcours.id}
              exercise={step.exercise}
              lang={vl}
              action={go(parcoursPath(parcours.id, n))}
              nextHref={nextHref}
              nextLabel={nextLabel}
              result={data.result}
              typed={data.typed}
            />
          </>
        ) : target.kind !== 'exercise' && target.title ? (
          <>
            {step && 'intro' in step && step.intro && (
              <p class="lead" lang={parcours.language}>
                {step.intro}
              </p>
            )}
            {target.summary && <p lang={parcours.language}>{target.summary}</p>}
            <p>
              <a
                class="button"
                href={href(
                  page,
                  target.kind === 'notice' ? `/notices/${target.id}` : workUrl(target.id),
                )}
              >
                {target.kind === 'notice' ? t.openNotice : t.openWork}
              </a>
            </p>
            <p>
              <button type="button" class="mark-done" data-mark-done="" hidden>
                {t.markDone}
              </button>
              <span data-marked="" hidden>
                {t.markedDone}
              </span>
              <a class="button mark-done no-js-only" href={go(nextPath, doneHere)}>
                {t.markDone}
              </a>
            </p>
          </>
        ) : (
          <p class="callout warning">{t.unavailable}</p>
        )}
        <nav class="step-nav" aria-label={t.stepsTitle}>
          {n > 1 && <a href={go(parcoursPath(parcours.id, n - 1))}>{t.previous}</a>}
          <a href={nextHref}>{nextLabel}</a>
        </nav>
      </div>
    </Layout>
  );
}
