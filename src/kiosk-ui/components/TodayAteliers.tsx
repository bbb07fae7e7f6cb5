import { useEffect, useState } from 'preact/hooks';
import type { KioskAteliersToday } from '../../shared/ateliers-types.js';
import { useKiosk, useT } from '../lib/store.js';

/**
 * "Aujourd'hui à 14 h : …" on the attract screen: today's workshops not over yet. Shows
 * nothing when there are none, when the box does not know the date, or when it is away.
 */
export function TodayAteliers() {
  const t = useT();
  const lang = useKiosk().settings.lang;
  const [today, setToday] = useState<KioskAteliersToday['today']>([]);
  useEffect(() => {
    let live = true;
    fetch('/api/ateliers/today', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<KioskAteliersToday>) : null))
      .then((body) => {
        if (live && body?.clockKnown) setToday(body.today.slice(0, 3));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (today.length === 0) return null;
  return (
    <section class="attract-today" aria-label={t.ateliersToday} data-testid="ateliers-today">
      {today.map((a) => (
        <p key={a.id} class="attract-lead">
          {t.atelierAt(a.hour[lang], a.title, a.place)}
        </p>
      ))}
    </section>
  );
}
