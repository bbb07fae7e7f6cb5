import { useEffect, useState } from 'preact/hooks';
import type { KioskAteliersToday } from '../../shared/ateliers-types.js';
import { swallowCurrentTouch } from '../lib/guards.js';
import { wake } from '../lib/session.js';
import { go, store, useKiosk, useT } from '../lib/store.js';
import '../screens/evaluation.css';

// Styles set through the DOM (allowed by the kiosk's CSP), so styles.css stays untouched.
const ROW = { display: 'flex', alignItems: 'center', justifyContent: 'center', gap: '32px' };
const QR_BOX = { background: '#ffffff', borderRadius: '12px', padding: '8px', lineHeight: 0 };
const INVITE = { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '16px' };

/** Wakes the kiosk straight into the evaluation's first question, for a fresh participant. */
function answerHere(id: number) {
  wake();
  store.set({ evalValues: {}, evalSent: null });
  go({ name: 'evaluation', id, step: 0 });
}

/**
 * "Aujourd'hui à 14 h : …" on the attract screen: today's workshops not over yet. Shows
 * nothing when there are none, when the box does not know the date, or when it is away.
 * While a workshop's evaluation is open, its QR code invites participants to answer.
 */
export function TodayAteliers() {
  const t = useT();
  const lang = useKiosk().settings.lang;
  const [today, setToday] = useState<KioskAteliersToday['today']>([]);
  const [evaluations, setEvaluations] = useState<KioskAteliersToday['evaluations']>([]);
  useEffect(() => {
    let live = true;
    fetch('/api/ateliers/today', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<KioskAteliersToday>) : null))
      .then((body) => {
        if (!live || !body?.clockKnown) return;
        setToday(body.today.slice(0, 3));
        setEvaluations(body.evaluations.slice(0, 1));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (today.length === 0 && evaluations.length === 0) return null;
  return (
    <section class="attract-today" aria-label={t.ateliersToday} data-testid="ateliers-today">
      {today.map((a) => (
        <p key={a.id} class="attract-lead">
          {t.atelierAt(a.hour[lang], a.title, a.place)}
        </p>
      ))}
      {evaluations.map((e) => (
        <div key={e.id} class="attract-eval" data-testid="ateliers-evaluation" style={ROW}>
          <div
            role="img"
            aria-label={t.atelierEvaluateQr(e.url)}
            data-qr-text={e.url}
            style={QR_BOX}
            // SVG markup made by the box's QR helper from an address the box built.
            dangerouslySetInnerHTML={{ __html: e.qr }}
          />
          <div style={INVITE}>
            <p class="attract-lead" style={{ textAlign: 'left', maxWidth: '20em' }}>
              {t.atelierEvaluate(e.title)}
            </p>
            <button
              type="button"
              class="btn attract-answer-here"
              data-testid="eval-answer-here"
              // The attract screen wakes on any touch: this one wakes into the evaluation.
              onPointerDown={(ev) => {
                ev.preventDefault();
                ev.stopPropagation();
                swallowCurrentTouch(() => answerHere(e.id));
              }}
              onClick={() => answerHere(e.id)}
            >
              {t.evalAnswerHere}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
