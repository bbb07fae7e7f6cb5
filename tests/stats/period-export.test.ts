import { describe, expect, it } from 'vitest';
import { readPeriod } from '../../src/server/stats/period.js';
import { deviceFamily } from '../../src/server/stats/classify.js';
import { reportCsv } from '../../src/server/stats/export.js';
import type { Report } from '../../src/server/stats/report.js';

describe('period picker', () => {
  it('reads a day, a Monday–Sunday week, a calendar month and custom dates', () => {
    expect(readPeriod({ period: 'day', date: '2026-11-20' }, '2026-11-22')).toMatchObject({
      from: '2026-11-20',
      to: '2026-11-20',
    });
    expect(readPeriod({ period: 'week', date: '2026-11-22' }, '2026-11-22')).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(readPeriod({ period: 'week', date: '2026-11-23' }, '2026-11-22')).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(readPeriod({ period: 'month', date: '2028-02-10' }, '2026-11-22')).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(
      readPeriod({ period: 'custom', from: '2026-11-10', to: '2026-10-01' }, '2026-11-22'),
    ).toMatchObject({
      kind: 'custom',
      from: '2026-10-01',
      to: '2026-11-10',
    });
  });

  it('falls back to this month on nonsense', () => {
    for (const query of [
      {},
      { period: 'year' },
      { period: 'day', date: '2026-02-30' },
      { period: 'custom', from: 'x', to: '2026-01-01' },
    ]) {
      const p = readPeriod(query, '2026-11-22');
      expect([p.from, p.to], JSON.stringify(query)).toEqual(
        p.kind === 'day' ? ['2026-11-22', '2026-11-22'] : ['2026-11-01', '2026-11-30'],
      );
    }
  });
});

describe('device families', () => {
  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', 'phone'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36', 'phone'],
    ['Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/120 Safari/537.36', 'tablet'],
    ['Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)', 'tablet'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0', 'computer'],
    ['', 'computer'],
  ])('%s → %s', (ua, family) => {
    expect(deviceFamily(ua)).toBe(family);
  });

  it('counts the kiosk as the kiosk, whatever its browser', () => {
    expect(deviceFamily('Mozilla/5.0 (X11; Linux aarch64) Chrome/120', 'kiosk')).toBe('kiosk');
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const report = {
      period: { kind: 'day', from: '2026-11-20', to: '2026-11-20', date: '2026-11-20' },
      generatedAt: '2026-11-20T12:00:00.000Z',
      libraryName: 'Médiathèque "Les Tilleuls", Paris',
      totals: {},
      daily: [],
      sections: [],
      devices: {},
      topWorks: [{ id: 'x', title: '=HYPERLINK("http://evil")', downloads: 1, plays: 0 }],
      notices: [],
      failedSearches: [{ phrase: '+33 6 12', count: 3 }],
      kioskHours: [],
      kioskLengths: {},
      packsImported: [],
    } as unknown as Report;
    const csv = reportCsv(report);
    expect(csv).toContain('periode,bibliotheque,"Médiathèque ""Les Tilleuls"", Paris"\r\n');
    expect(csv).toContain(`x,"'=HYPERLINK(""http://evil"")",1,0\r\n`);
    expect(csv).toContain("'+33 6 12,3\r\n");
  });
});
