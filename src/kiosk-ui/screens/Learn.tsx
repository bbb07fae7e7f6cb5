import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../components/Button.js';
import { Icon } from '../components/Icon.js';
import { useJson } from '../lib/api.js';
import { printPage } from '../lib/print.js';
import { back, go, useKiosk, useT } from '../lib/store.js';
import { ScrollList } from '../components/ScrollList.js';

/**
 * Apprendre: the e-notices. The step-by-step view comes from the e-notices work in
 * `src/kiosk-ui/notices/` (its `index.ts(x)` exports `NoticeStepper`); it is loaded
 * lazily, so it does not weigh on the first screen, and the kiosk still builds before
 * it lands (then a plain text stepper stands in).
 */
export interface NoticeStepperProps {
  id: string;
  lang: 'fr' | 'en';
  /** Print the notice's paper view (Chromium prints straight away in kiosk mode). */
  onPrint: (url?: string) => void;
  /** Back to the list of notices. */
  onExit: () => void;
}

type StepperModule = { NoticeStepper?: ComponentType<NoticeStepperProps> };
const found = import.meta.glob<StepperModule>(['../notices/index.ts', '../notices/index.tsx']);
const loadStepper = Object.values(found)[0];

interface NoticeCard {
  id: string;
  title: string;
  summary?: string;
  steps?: number;
  duration?: number;
}

function cardsOf(data: unknown): NoticeCard[] {
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((data as { notices?: unknown; items?: unknown }).notices ??
        (data as { items?: unknown }).items)
      : null;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (n): n is NoticeCard =>
      !!n && typeof n === 'object' && typeof (n as NoticeCard).id === 'string',
  );
}

export function printUrlOf(id: string): string {
  return `/notices/${encodeURIComponent(id)}/print`;
}

export function NoticeList() {
  const t = useT();
  const { settings } = useKiosk();
  const data = useJson<unknown>(`/api/notices?lang=${settings.lang}`);
  const cards = data.state === 'ok' ? cardsOf(data.data) : [];
  return (
    <main class="screen screen-list" data-testid="notices">
      <h1 class="screen-title">{t.noticesTitle}</h1>
      <p class="lead">{t.noticesLead}</p>
      {data.state === 'loading' && <p class="calm">{t.loading}</p>}
      {data.state !== 'loading' && cards.length === 0 && <p class="calm">{t.noNotices}</p>}
      <ScrollList class="notice-cards">
        {cards.map((n) => (
          <Button
            key={n.id}
            class="notice-card"
            onPress={() => go({ name: 'notice', id: n.id })}
            testId={`notice-${n.id}`}
          >
            <Icon name="learn" size={72} />
            <span class="card-text">
              <span class="card-title">{n.title}</span>
              {n.summary && <span class="card-authors">{n.summary}</span>}
              <span class="badge">
                {[n.steps ? t.steps(n.steps) : '', n.duration ? t.minutes(n.duration) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
          </Button>
        ))}
      </ScrollList>
    </main>
  );
}

interface PlainStep {
  action: string;
  tip?: string;
  warning?: string;
  result?: string;
}

/** Stands in for the e-notices stepper: one step per screen, text only. */
function PlainStepper({ id, onPrint, onExit }: NoticeStepperProps) {
  const t = useT();
  const data = useJson<{
    title?: string;
    steps?: PlainStep[];
    notice?: { title: string; steps: PlainStep[] };
  }>(`/api/notices/${encodeURIComponent(id)}`);
  const [index, setIndex] = useState(0);
  if (data.state !== 'ok')
    return <p class="calm">{data.state === 'missing' ? t.notFound : t.loading}</p>;
  const notice = data.data.notice ?? data.data;
  const steps = notice.steps ?? [];
  const step = steps[index];
  const last = index >= steps.length - 1;
  return (
    <div class="stepper" data-testid="plain-stepper">
      <h1 class="screen-title">{notice.title}</h1>
      <p class="count" data-testid="step-of">
        {t.stepOf(index + 1, steps.length)}
      </p>
      {step && (
        <div class="step">
          <p class="step-action">{step.action.replace(/\{(\d)\}/g, '($1)')}</p>
          {step.tip && <p class="step-tip">{step.tip}</p>}
          {step.warning && <p class="step-warning">{step.warning}</p>}
          {step.result && <p class="step-result">{step.result}</p>}
        </div>
      )}
      {last && (
        <p class="done" data-testid="notice-done">
          {t.done}
        </p>
      )}
      <div class="controls">
        <Button
          class="control"
          onPress={() => setIndex(index - 1)}
          disabled={index === 0}
          testId="step-prev"
        >
          <Icon name="prev" />
          {t.previous}
        </Button>
        <Button class="control" onPress={() => onPrint()} testId="notice-print">
          <Icon name="print" />
          {t.print}
        </Button>
        {last ? (
          <Button class="control control-go" onPress={onExit} testId="notice-exit">
            {t.backToList}
          </Button>
        ) : (
          <Button class="control control-go" onPress={() => setIndex(index + 1)} testId="step-next">
            {t.next}
            <Icon name="next" />
          </Button>
        )}
      </div>
    </div>
  );
}

export function NoticeScreen({ id }: { id: string }) {
  const t = useT();
  const { settings } = useKiosk();
  const [Stepper, setStepper] = useState<ComponentType<NoticeStepperProps> | null>(
    loadStepper ? null : () => PlainStepper,
  );
  const [printed, setPrinted] = useState(false);
  useEffect(() => {
    if (!loadStepper) return;
    loadStepper().then(
      (mod) => setStepper(() => mod.NoticeStepper ?? PlainStepper),
      () => setStepper(() => PlainStepper),
    );
  }, []);
  const onPrint = (url?: string) => {
    printPage(url ?? printUrlOf(id));
    setPrinted(true);
  };
  return (
    <main class="screen notice" data-testid="notice">
      {Stepper ? (
        <Stepper id={id} lang={settings.lang} onPrint={onPrint} onExit={back} />
      ) : (
        <p class="calm">{t.loading}</p>
      )}
      {printed && (
        <p class="toast" role="status">
          {t.printing}
        </p>
      )}
    </main>
  );
}
