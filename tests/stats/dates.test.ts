import { describe, expect, it } from 'vitest';
import {
  dayInWords,
  periodChoices,
  periodInWords,
  stepPeriod,
} from '../../src/server/stats/dates.js';
import { readPeriod } from '../../src/server/stats/period.js';

describe('the dashboard says its periods in French words', () => {
  it('writes days and periods as an animateur reads them', () => {
    expect(dayInWords('2026-11-01')).toBe('1 novembre 2026');
    expect(periodInWords('2026-11-01', '2026-11-30')).toBe('du 1 au 30 novembre 2026');
    expect(periodInWords('2026-11-30', '2026-12-06')).toBe('du 30 novembre au 6 décembre 2026');
    expect(periodInWords('2026-12-28', '2027-01-03')).toBe('du 28 décembre 2026 au 3 janvier 2027');
    expect(periodInWords('2026-11-03', '2026-11-03')).toBe('le mardi 3 novembre 2026');
  });

  it('offers period buttons, marks the one shown, and steps back and forth', () => {
    const today = '2026-12-01';
    const month = readPeriod({ period: 'month', date: '2026-11-14' }, today);
    const choices = periodChoices(month, today);
    expect(choices.map((c) => c.label)).toEqual([
      'Aujourd’hui',
      'Cette semaine',
      'Ce mois-ci',
      'Le mois dernier',
      'Les 12 derniers mois',
    ]);
    expect(choices.filter((c) => c.current).map((c) => c.label)).toEqual(['Le mois dernier']);
    expect(choices[4]?.query).toEqual({ period: 'custom', from: '2026-01-01', to: today });
    expect(stepPeriod(month, -1).query).toEqual({ period: 'month', date: '2026-10-01' });
    expect(stepPeriod(month, 1)).toMatchObject({ label: 'Mois suivant' });
    const custom = readPeriod({ period: 'custom', from: '2026-11-10', to: '2026-11-19' }, today);
    expect(stepPeriod(custom, -1).query).toEqual({
      period: 'custom',
      from: '2026-10-31',
      to: '2026-11-09',
    });
    const week = readPeriod({ period: 'week', date: today }, today);
    expect(periodChoices(week, today).find((c) => c.current)?.label).toBe('Cette semaine');
  });
});
