import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColourKey } from '../../shared/notices/palette.js';
import {
  MarkerLegend,
  NoticePicture,
  RichText,
  pictureLabel,
  type MarkerData,
} from '../../shared/notices/picture.js';
import { Button } from '../components/Button.js';
import { Icon } from '../components/Icon.js';
import { ScrollList } from '../components/ScrollList.js';
import { useJson } from '../lib/api.js';
import { STEPPER_TEXT } from './messages.js';
import { loadProgress, saveProgress } from './progress.js';
import './stepper.css';
import { Face } from '../../shared/notices/face.js';

/** A step as `GET /api/notices/:id` sends it. */
export interface ApiStep {
  action: string;
  picture: { width: number; height: number; alt: string };
  markers: Array<MarkerData & { colour: ColourKey }>;
  tip?: string;
  warning?: string;
  result?: string;
  pictureUrl: string;
  audioUrl: string | null;
  speechUrl: string | null;
}

export interface ApiNotice {
  notice: {
    id: string;
    title: string;
    language: string;
    steps: ApiStep[];
    remember?: string[];
  };
  speech: boolean;
  printUrl: string;
}

export interface NoticeStepperProps {
  id: string;
  lang: 'fr' | 'en';
  /** Prints the paper view (the kiosk prints in a hidden frame). */
  onPrint: (url?: string) => void;
  /** Back to the list of notices. */
  onExit: () => void;
}

function post(url: string, body?: unknown): void {
  fetch(url, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    keepalive: true,
  }).catch(() => {});
}

/**
 * One notice on the kiosk: one step per screen, huge Précédent / Suivant, markers that
 * gently pulse, reading aloud when the box can, printing, and the feedback faces at
 * the end. Text size and contrast follow the kiosk shell (`data-size` and
 * `data-contrast` on the root element, CSS variables `--ink`, `--bg`, `--primary`…).
 */
export function NoticeStepper({ id, lang, onPrint, onExit }: NoticeStepperProps) {
  const t = STEPPER_TEXT[lang];
  const data = useJson<ApiNotice>(`/api/notices/${encodeURIComponent(id)}`);
  const [index, setIndex] = useState(() => loadProgress(id));
  const [speaking, setSpeaking] = useState(false);
  const [answered, setAnswered] = useState(false);
  const audio = useRef<HTMLAudioElement | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);

  const steps = data.state === 'ok' ? data.data.notice.steps : [];
  const total = steps.length;
  const current = Math.min(index, Math.max(0, total - 1));

  const stopVoice = () => {
    audio.current?.pause();
    audio.current = null;
    setSpeaking(false);
  };

  useEffect(() => {
    if (total === 0) return;
    saveProgress(id, current);
    post(`/api/notices/${encodeURIComponent(id)}/steps/${current + 1}/seen`);
    heading.current?.focus();
    return stopVoice;
  }, [id, current, total]);

  if (data.state === 'loading') return <p class="calm">{t.loading}</p>;
  if (data.state === 'missing') return <p class="calm">{t.missing}</p>;
  const notice = data.data.notice;
  const step = notice.steps[current];
  if (!step) return <p class="calm">{t.missing}</p>;
  const last = current === total - 1;
  const vl = notice.language.startsWith('en') ? 'en' : 'fr';
  const voiceUrl = step.audioUrl ?? step.speechUrl;

  const readAloud = () => {
    if (speaking) return stopVoice();
    if (!voiceUrl) return;
    const player = new Audio(voiceUrl);
    audio.current = player;
    player.addEventListener('ended', () => setSpeaking(false));
    player.addEventListener('error', () => setSpeaking(false));
    setSpeaking(true);
    player.play().catch(() => setSpeaking(false));
  };

  return (
    <div class="notice-stepper" data-testid="notice-stepper" data-step={current + 1}>
      <div class="ns-head">
        <div class="ns-heading">
          <p class="ns-title">{notice.title}</p>
          <h1 class="ns-count" tabIndex={-1} ref={heading} data-testid="step-of" aria-live="polite">
            {t.stepOf(current + 1, total)}
          </h1>
        </div>
        <div class="ns-tools">
          {voiceUrl && (
            <Button class="ns-tool" onPress={readAloud} pressed={speaking} testId="read-aloud">
              <Icon name={speaking ? 'pause' : 'listen'} />
              {speaking ? t.stop : t.readAloud}
            </Button>
          )}
          <Button class="ns-tool" onPress={() => onPrint(data.data.printUrl)} testId="notice-print">
            <Icon name="print" />
            {t.print}
          </Button>
        </div>
      </div>
      <div class="ns-body">
        <div class="ns-picture">
          <NoticePicture
            src={step.pictureUrl}
            width={step.picture.width}
            height={step.picture.height}
            markers={step.markers}
            label={pictureLabel(step.picture.alt, step.markers, vl)}
            pulse
          />
        </div>
        <ScrollList class="ns-text">
          <p class="ns-action" data-testid="step-action">
            <RichText text={step.action} lang={vl} />
          </p>
          <MarkerLegend markers={step.markers} lang={vl} />
          {step.warning && (
            <p class="ns-callout ns-warning">
              <strong>{t.warning} :</strong> <RichText text={step.warning} lang={vl} />
            </p>
          )}
          {step.tip && (
            <p class="ns-callout ns-tip">
              <strong>{t.tip} :</strong> <RichText text={step.tip} lang={vl} />
            </p>
          )}
          {step.result && (
            <p class="ns-callout ns-result">
              <strong>{t.result} :</strong> <RichText text={step.result} lang={vl} />
            </p>
          )}
          {current === 0 && (notice.remember ?? []).length > 0 && (
            <section class="ns-remember" data-testid="notice-remember">
              <h2>{t.remember}</h2>
              <ul>
                {(notice.remember ?? []).map((text, i) => (
                  <li key={i}>
                    <RichText text={text} lang={vl} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </ScrollList>
      </div>
      {last && (
        <section class="ns-end" aria-labelledby="ns-feedback">
          <p class="ns-done" data-testid="notice-done">
            {t.done}
          </p>
          <h2 id="ns-feedback">{t.feedback}</h2>
          {answered ? (
            <p class="ns-thanks" role="status" data-testid="feedback-thanks">
              {t.thanks}
            </p>
          ) : (
            <div class="ns-faces">
              {(['yes', 'neutral', 'no'] as const).map((face) => (
                <Button
                  key={face}
                  class="ns-face"
                  testId={`feedback-${face}`}
                  onPress={() => {
                    post(`/api/notices/${encodeURIComponent(id)}/feedback`, { face });
                    setAnswered(true);
                  }}
                >
                  <Face kind={face} size={72} />
                  {t[face]}
                </Button>
              ))}
            </div>
          )}
        </section>
      )}
      <div class="ns-controls">
        <Button
          class="ns-nav"
          onPress={() => setIndex(current - 1)}
          disabled={current === 0}
          testId="step-prev"
        >
          <Icon name="prev" />
          {t.previous}
        </Button>
        {last ? (
          <Button class="ns-nav ns-go" onPress={onExit} testId="notice-exit">
            {t.list}
          </Button>
        ) : (
          <Button class="ns-nav ns-go" onPress={() => setIndex(current + 1)} testId="step-next">
            {t.next}
            <Icon name="next" />
          </Button>
        )}
      </div>
    </div>
  );
}
