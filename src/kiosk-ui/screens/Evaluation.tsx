import { useEffect, useRef, useState } from 'preact/hooks';
import {
  kioskEvaluationPath,
  type KioskAnswerBody,
  type KioskAnswerReply,
  type KioskEvalScreen,
  type KioskEvaluation,
} from '../../shared/ateliers-types.js';
import { Face } from '../../shared/notices/face.js';
import { Button } from '../components/Button.js';
import { Icon } from '../components/Icon.js';
import { Keyboard } from '../components/Keyboard.js';
import { getJson, NotFound } from '../lib/api.js';
import { endVisit } from '../lib/session.js';
import { back, go, store, useKiosk, useT } from '../lib/store.js';
import './evaluation.css';

/** The evaluation's screens, read once per visit (a reset reloads the page). */
let cached: KioskEvaluation | null = null;

function useEvaluation(id: number): KioskEvaluation | 'loading' | 'missing' {
  const { epoch } = useKiosk();
  const [data, setData] = useState<KioskEvaluation | 'loading' | 'missing'>(
    cached?.id === id ? cached : 'loading',
  );
  useEffect(() => {
    if (cached?.id === id) return;
    let live = true;
    getJson<KioskEvaluation>(kioskEvaluationPath(id)).then(
      (e) => {
        cached = e;
        if (live) setData(e);
      },
      (err: unknown) => live && err instanceof NotFound && setData('missing'),
    );
    return () => {
      live = false;
    };
  }, [id, epoch]);
  return data;
}

/** Reads the question aloud with the box's voice; stops when the screen changes. */
function useVoice(url: string | null) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [speaking, setSpeaking] = useState(false);
  const stop = () => {
    audio.current?.pause();
    audio.current = null;
    setSpeaking(false);
  };
  useEffect(() => stop, [url]);
  const toggle = () => {
    if (speaking || !url) return stop();
    const player = new Audio(url);
    audio.current = player;
    player.addEventListener('ended', () => setSpeaking(false));
    player.addEventListener('error', () => setSpeaking(false));
    setSpeaking(true);
    player.play().catch(() => setSpeaking(false));
  };
  return { speaking, toggle };
}

/** Sends the answers; the kiosk's own screen only (the box checks it is loopback). */
async function send(id: number, values: Record<string, string>): Promise<KioskAnswerReply> {
  const res = await fetch(kioskEvaluationPath(id), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ values } satisfies KioskAnswerBody),
    cache: 'no-store',
  });
  if (res.status === 403) return { result: 'refused' };
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as KioskAnswerReply;
}

/**
 * A workshop's evaluation on the kiosk: one question per screen (faces with their words
 * for the fixed core, the animateur's choices, open questions typed on the kiosk's
 * keyboard), « Retour » and « Passer » on each, then « Merci » and a fresh kiosk for the
 * next participant. No timer of its own: the kiosk's usual "still there?" applies.
 * Each screen is a route, so the top bar's « Retour » is the screen's « Retour ».
 */
export function EvaluationScreen({ id, step }: { id: number; step: number }) {
  const t = useT();
  const { evalValues, evalSent } = useKiosk();
  const data = useEvaluation(id);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  if (data === 'loading') return <p class="calm">{t.loading}</p>;
  if (data === 'missing') return <p class="calm">{t.notFound}</p>;
  const total = data.screens.length;
  if (evalSent !== null) return <Thanks result={evalSent} />;
  if (!data.open) return <Thanks result="closed" />;
  const screen = data.screens[Math.min(step, total - 1)];
  if (!screen) return <p class="calm">{t.notFound}</p>;

  const finish = (values: Record<string, string>) => {
    setSending(true);
    setFailed(false);
    send(id, values).then(
      (reply) => {
        // « Retour » from « Merci » leads to the start, never back into sent answers.
        store.set({
          evalSent: reply.result,
          stack: [{ name: 'home' }, { name: 'evaluation', id, step: total }],
        });
      },
      () => {
        setSending(false);
        setFailed(true);
      },
    );
  };
  const answer = (value: string) => {
    const values = { ...evalValues };
    if (value) values[screen.field] = value;
    else delete values[screen.field];
    store.set({ evalValues: values });
    if (step + 1 >= total) finish(values);
    else go({ name: 'evaluation', id, step: step + 1 });
  };
  const where = t.evalQuestionOf(step + 1, total);
  if (failed || sending)
    return (
      <main class="screen eval" data-testid="evaluation" data-step={step + 1}>
        <p class="calm" role="status">
          {failed ? t.evalFailed : t.loading}
        </p>
        {failed && (
          <div class="eval-foot">
            <Button class="action" onPress={back} testId="eval-back">
              <Icon name="back" />
              {t.back}
            </Button>
            <Button
              class="action action-primary"
              onPress={() => finish(evalValues)}
              testId="eval-retry"
            >
              {t.evalRetry}
            </Button>
          </div>
        )}
      </main>
    );
  return screen.kind === 'open' ? (
    <OpenQuestion
      key={screen.field}
      screen={screen}
      where={where}
      step={step}
      initial={evalValues[screen.field] ?? ''}
      onAnswer={answer}
    />
  ) : (
    <main class="screen eval" data-testid="evaluation" data-step={step + 1}>
      <Head screen={screen} where={where} />
      <div
        class={`eval-options eval-options-${screen.kind}`}
        role="group"
        aria-labelledby="eval-question"
      >
        {screen.options.map((o) => (
          <Button
            key={o.value}
            class={`eval-option ${o.face ? 'eval-face' : ''}`}
            pressed={evalValues[screen.field] === o.value}
            onPress={() => answer(o.value)}
            testId={`eval-option-${o.value}`}
          >
            {o.face && <Face kind={o.face} size={72} />}
            <span>{o.label}</span>
          </Button>
        ))}
      </div>
      <Foot onSkip={() => answer('')} />
    </main>
  );
}

/** « Question 2 sur 7 », the voice, and the question itself. */
function Head({ screen, where }: { screen: KioskEvalScreen; where: string }) {
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), [screen.field]);
  return (
    <div class="eval-head">
      <div class="eval-heading">
        <p class="eval-where" data-testid="eval-where">
          {where}
        </p>
        <h1 id="eval-question" class="eval-question" tabIndex={-1} ref={heading}>
          {screen.text}
        </h1>
      </div>
      {screen.kind !== 'open' && <Voice url={screen.speechUrl} />}
    </div>
  );
}

/** « Écouter »: the question read aloud, when the box has a voice. */
function Voice({ url }: { url: string | null }) {
  const t = useT();
  const voice = useVoice(url);
  if (!url) return null;
  return (
    <Button
      class="eval-voice"
      onPress={voice.toggle}
      pressed={voice.speaking}
      testId="eval-read-aloud"
    >
      <Icon name={voice.speaking ? 'pause' : 'listen'} />
      <span class="eval-voice-word">{voice.speaking ? t.evalStopVoice : t.evalReadAloud}</span>
    </Button>
  );
}

function Foot({ onSkip }: { onSkip: () => void }) {
  const t = useT();
  return (
    <div class="eval-foot">
      <Button class="action eval-nav" onPress={back} testId="eval-back">
        <Icon name="back" />
        {t.back}
      </Button>
      <Button class="action eval-nav" onPress={onSkip} testId="eval-skip">
        {t.evalSkip}
        <Icon name="next" />
      </Button>
    </div>
  );
}

/** An open question, typed on the kiosk's keyboard; « Valider » or « Passer ». */
function OpenQuestion({
  screen,
  where,
  step,
  initial,
  onAnswer,
}: {
  screen: KioskEvalScreen;
  where: string;
  step: number;
  initial: string;
  onAnswer: (value: string) => void;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  return (
    <main class="screen eval eval-open" data-testid="evaluation" data-step={step + 1}>
      <Head screen={screen} where={where} />
      <p class="eval-hint" id="eval-hint">
        {t.evalNoNames}
      </p>
      <div class="eval-typed">
        <Button class="eval-side" onPress={back} testId="eval-back">
          <Icon name="back" />
          <span>{t.back}</span>
        </Button>
        <label class="visually-hidden" for="eval-text">
          {t.evalYourAnswer}
        </label>
        <textarea
          id="eval-text"
          class="eval-text"
          value={text}
          readOnly
          tabIndex={-1}
          rows={1}
          placeholder={t.evalNoNamesShort}
          aria-describedby="eval-hint"
          data-testid="eval-text"
        />
        <Voice url={screen.speechUrl} />
        <Button class="eval-side" onPress={() => onAnswer('')} testId="eval-skip">
          <span>{t.evalSkip}</span>
          <Icon name="next" />
        </Button>
      </div>
      <Keyboard
        value={text}
        onChange={setText}
        onSubmit={() => onAnswer(text.trim())}
        submitLabel={t.evalValidate}
        submitIcon="next"
        max={screen.maxLength}
      />
    </main>
  );
}

/** « Merci », then the kiosk starts afresh for the next participant. */
const BACK_TO_START_MS = 30_000;

function Thanks({ result }: { result: KioskAnswerReply['result'] }) {
  const t = useT();
  useEffect(() => {
    const timer = setTimeout(endVisit, BACK_TO_START_MS);
    return () => clearTimeout(timer);
  }, []);
  const [title, text] = {
    saved: [t.evalThanks, t.evalThanksText],
    empty: [t.evalThanks, t.evalNothing],
    closed: [t.evalClosedTitle, t.evalClosed],
    refused: [t.evalRefusedTitle, t.evalRefused],
  }[result];
  return (
    <main class="screen eval eval-thanks" data-testid="eval-thanks" data-result={result}>
      {result === 'saved' && <Face kind="yes" size={120} />}
      <h1 class="eval-question">{title}</h1>
      <p class="eval-thanks-text">{text}</p>
      <Button class="action action-primary action-huge" onPress={endVisit} testId="eval-done">
        {t.evalNextPerson}
      </Button>
    </main>
  );
}
