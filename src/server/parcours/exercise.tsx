import { FEEDBACK, feedbackView, type CheckResult } from './assets/parcours-core.js';
import type { Exercise, Picture } from './format.js';
import { fill, parcoursText } from './messages.js';

type ViewLang = 'fr' | 'en';

/** Where a parcours' picture is served (only pictures it names: `ParcoursService.pictureFile`). */
export function parcoursPictureUrl(id: string, picture: Pick<Picture, 'path'>): string {
  return `/apprendre/${id}/images/${picture.path.split('/').map(encodeURIComponent).join('/')}`;
}

interface ExerciseProps {
  parcoursId: string;
  exercise: Exercise;
  lang: ViewLang;
  /** The form posts here when the phone has no JavaScript. */
  action: string;
  /** Where "next" leads once the answer is right. */
  nextHref: string;
  nextLabel: string;
  /** A try checked by the box (no JavaScript), with what was typed, to show it again. */
  result?: CheckResult | undefined;
  typed?: string | undefined;
}

/** Big buttons, one per answer: one tap answers (no separate "check"). */
function Options({
  parcoursId,
  options,
  result,
}: {
  parcoursId: string;
  options: Extract<Exercise, { type: 'choice' }>['options'];
  result: CheckResult | undefined;
}) {
  const pictures = options.some((o) => o.picture);
  return (
    <ul class={`ex-options${pictures ? ' with-pictures' : ''}`}>
      {options.map((o, i) => (
        <li key={i}>
          <button
            type="submit"
            name="answer"
            value={String(i)}
            class={`ex-option${result?.chosen === i ? (result.ok ? ' is-right' : ' is-wrong') : ''}`}
          >
            {o.picture && (
              <img
                src={parcoursPictureUrl(parcoursId, o.picture)}
                width={o.picture.width}
                height={o.picture.height}
                alt={o.picture.alt}
              />
            )}
            <span>{o.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The picture with invisible buttons over its zones: the finger finds the right one. */
function TapPicture({
  parcoursId,
  exercise,
  result,
  lang,
}: {
  parcoursId: string;
  exercise: Extract<Exercise, { type: 'tap' }>;
  result: CheckResult | undefined;
  lang: ViewLang;
}) {
  const { picture } = exercise;
  const w = picture.width;
  const h = picture.height;
  return (
    <figure class="ex-tap">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="group" aria-label={picture.alt}>
        <image href={parcoursPictureUrl(parcoursId, picture)} x="0" y="0" width={w} height={h} />
        {exercise.zones.map((z, i) => (
          <foreignObject key={i} x={z.x * w} y={z.y * h} width={z.w * w} height={z.h * h}>
            <button
              type="submit"
              name="answer"
              value={String(i)}
              aria-label={z.label}
              class={`ex-zone${result?.chosen === i ? (result.ok ? ' is-right' : ' is-wrong') : ''}`}
            />
          </foreignObject>
        ))}
      </svg>
      <figcaption>{parcoursText[lang].tapChoice}</figcaption>
    </figure>
  );
}

function FakeMessage({
  exercise,
  lang,
}: {
  exercise: Extract<Exercise, { type: 'message' }>;
  lang: ViewLang;
}) {
  const t = parcoursText[lang];
  const s = exercise.screen;
  return (
    <figure class={`ex-screen ex-${s.app}`}>
      <figcaption class="ex-screen-label">{t.fakeScreen}</figcaption>
      <div class="ex-screen-body">
        <p class="ex-from">{fill(t.from, { v: s.from })}</p>
        {s.subject && <p class="ex-subject">{fill(t.subject, { v: s.subject })}</p>}
        <p class="ex-text">{s.body}</p>
        {s.link && (
          <p class="ex-link">
            <span class="visually-hidden">{t.fakeLink} : </span>
            <span class="ex-fake-link">{s.link}</span>
          </p>
        )}
      </div>
    </figure>
  );
}

function Feedback({
  exercise,
  lang,
  result,
  nextHref,
  nextLabel,
}: Pick<ExerciseProps, 'exercise' | 'lang' | 'result' | 'nextHref' | 'nextLabel'>) {
  const t = parcoursText[lang];
  const view = result ? feedbackView(exercise, result, lang) : null;
  return (
    <div class="ex-feedback" data-feedback="" hidden={!view}>
      <p
        class={`ex-main ${view?.ok ? 'is-right' : 'is-wrong'}`}
        role="status"
        aria-live="polite"
        data-main=""
      >
        {view?.main}
      </p>
      <p class="ex-detail" data-detail="" hidden={!view?.detail}>
        {view?.detail}
      </p>
      <p class="ex-hint" data-hint="" hidden={!view?.hint}>
        <strong>{FEEDBACK[lang].hint}</strong> {exercise.hint}
      </p>
      {exercise.type === 'message' && exercise.clues.length > 0 && (
        <section class="ex-clues" data-clues="" hidden={!view?.clues}>
          <h3>{t.clues}</h3>
          <ul>
            {exercise.clues.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      <p data-next="" hidden={!view?.ok}>
        <a class="button" href={nextHref}>
          {nextLabel}
        </a>
      </p>
    </div>
  );
}

/**
 * One exercise as a plain form: without JavaScript it posts to the box, which checks the
 * answer in memory and shows this again with the feedback; with JavaScript the phone
 * checks it with the same code (`parcours-core.js`) and nothing leaves it.
 */
export function ExerciseForm(props: ExerciseProps) {
  const { exercise, lang, parcoursId, result, typed } = props;
  const t = parcoursText[lang];
  const field = `reponse-${parcoursId}`;
  return (
    <form
      lang={lang}
      class={`exercise ex-type-${exercise.type}`}
      method="post"
      action={props.action}
      autocomplete="off"
      data-exercise={JSON.stringify(exercise)}
      data-lang={lang}
    >
      <p class="ex-question">{exercise.question}</p>
      {exercise.type === 'choice' && (
        <Options parcoursId={parcoursId} options={exercise.options} result={result} />
      )}
      {exercise.type === 'tap' && (
        <TapPicture parcoursId={parcoursId} exercise={exercise} result={result} lang={lang} />
      )}
      {exercise.type === 'message' && (
        <>
          <FakeMessage exercise={exercise} lang={lang} />
          <Options parcoursId={parcoursId} options={exercise.options} result={result} />
        </>
      )}
      {exercise.type === 'type-word' && (
        <p class="ex-field">
          <label for={field}>{exercise.label}</label>
          <input
            id={field}
            name="answer"
            type="text"
            value={typed ?? ''}
            autocapitalize="off"
            autocorrect="off"
            spellcheck={false}
          />
          <button type="submit">{t.check}</button>
        </p>
      )}
      {exercise.type === 'password' && (
        <div class="ex-screen ex-signup">
          <p class="ex-screen-label">{t.fakeScreen}</p>
          <div class="ex-screen-body">
            <p class="ex-service">
              {t.signupTitle} · {exercise.service}
            </p>
            {exercise.avoid.length > 0 && (
              <p class="ex-profile">{fill(t.profile, { v: exercise.avoid.join(' · ') })}</p>
            )}
            <p class="ex-field">
              <label for={field}>{t.passwordLabel}</label>
              <input
                id={field}
                name="answer"
                type="password"
                value={typed ?? ''}
                autocomplete="off"
                data-lpignore="true"
              />
              <button type="submit">{t.check}</button>
            </p>
            <p class="ex-show" hidden data-show="">
              <label>
                <input type="checkbox" /> {t.showPassword}
              </label>
            </p>
          </div>
        </div>
      )}
      <Feedback
        exercise={exercise}
        lang={lang}
        result={result}
        nextHref={props.nextHref}
        nextLabel={props.nextLabel}
      />
      <p class="ex-safe">{t.exerciseSafe}</p>
    </form>
  );
}
