import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../src/server/stats/service.js';
import { foldPhrase } from '../../src/server/stats/classify.js';
import { addWorks, makeTestBox, work, type TestBox } from '../helpers/box.js';
import { visit, visitor } from './traffic.js';

let box: TestBox;
let base: string;
let now: Date;

beforeEach(async () => {
  now = new Date(2026, 10, 20, 11, 0);
  box = makeTestBox({}, { now: () => now });
  addWorks(box.ctx, 'p', [work('le-jardin', 'Le jardin secret')]);
  base = (await box.listen()).url;
});
afterEach(() => box.cleanup());

const phrases = () =>
  box.ctx.db
    .prepare(
      "SELECT day, key, value FROM stats_daily WHERE metric = 'failed-phrase' ORDER BY day, key",
    )
    .all();

describe('failed search phrases: k ≥ 3 different visitors the same day', () => {
  it('keeps a phrase only once 3 different visitors typed it, as a count of all its searches', async () => {
    const [a, b, c] = [visitor(1), visitor(2), visitor(3)];
    await visit(base, a, '/search?q=Forêt+noire');
    await visit(base, a, '/search?q=FORET++NOIRE');
    await visit(base, a, '/search?q=foret%20noire');
    await visit(base, b, '/search?q=  forêt noire ');
    box.ctx.stats.flush();
    // Two visitors (four searches): only counted as searches without result.
    expect(phrases()).toEqual([]);
    expect(
      box.ctx.db.prepare("SELECT value FROM stats_daily WHERE metric = 'searches-empty'").get(),
    ).toEqual({ value: 4 });

    await visit(base, c, '/search?q=Forêt-Noire');
    box.ctx.stats.flush();
    expect(phrases()).toEqual([{ day: '2026-11-20', key: 'foret noire', value: 5 }]);

    await visit(base, a, '/search?q=foret+noire');
    box.ctx.stats.flush();
    expect(phrases()).toEqual([{ day: '2026-11-20', key: 'foret noire', value: 6 }]);
  });

  it('needs 3 different addresses: one phone changing its browser name cannot get its phrase stored', async () => {
    const ip = '127.61.0.5';
    for (const ua of [
      'Navigateur-Un/1',
      'Navigateur-Deux/2',
      'Navigateur-Trois/3',
      'Navigateur-Quatre/4',
    ]) {
      await visit(base, { ip, ua }, '/search?q=dragon+bleu');
    }
    box.ctx.stats.flush();
    expect(phrases()).toEqual([]);
    // Still four visitors in the day's total: a shared address is not one person.
    expect(
      box.ctx.db.prepare("SELECT value FROM stats_daily WHERE metric = 'visitors'").get(),
    ).toEqual({ value: 4 });
    await visit(base, { ip: '127.61.0.6', ua: 'Navigateur-Un/1' }, '/search?q=dragon+bleu');
    await visit(base, { ip: '127.61.0.7', ua: 'Navigateur-Un/1' }, '/search?q=dragon+bleu');
    box.ctx.stats.flush();
    expect(phrases()).toEqual([{ day: '2026-11-20', key: 'dragon bleu', value: 6 }]);
  });

  it('does not add up visitors across days', async () => {
    await visit(base, visitor(1), '/search?q=licorne');
    await visit(base, visitor(2), '/search?q=licorne');
    now = new Date(2026, 10, 21, 10, 0);
    await visit(base, visitor(3), '/search?q=licorne');
    await visit(base, visitor(4), '/search?q=licorne');
    box.ctx.stats.flush();
    expect(phrases()).toEqual([]);
  });

  it('never keeps a search that found something', async () => {
    for (let n = 1; n <= 4; n++) await visit(base, visitor(n), '/search?q=jardin');
    box.ctx.stats.flush();
    expect(phrases()).toEqual([]);
  });

  it('folds accents, case, spaces and punctuation', () => {
    expect(foldPhrase('  Élan   VITAL !! ')).toBe('elan vital');
    expect(foldPhrase('cœur')).toBe('cœur'.normalize('NFKD').replace(/\p{M}/gu, ''));
  });
});

describe('retention: 25 months', () => {
  it('computes the cut-off day, month ends included', () => {
    expect(retentionCutoff('2026-11-20')).toBe('2024-10-20');
    expect(retentionCutoff('2027-05-31')).toBe('2025-04-30');
    expect(retentionCutoff('2026-03-29')).toBe('2024-02-29');
  });

  it('deletes aggregates older than 25 months at the first flush of each day', () => {
    const repo = box.ctx.stats.repo;
    repo.write(
      [
        { day: '2024-10-19', metric: 'views', key: 'portal:home', value: 7 },
        { day: '2024-10-20', metric: 'views', key: 'portal:home', value: 8 },
        { day: '2026-01-01', metric: 'visitors', key: '', value: 9 },
      ],
      null,
    );
    box.ctx.stats.flush();
    const days = () =>
      (
        box.ctx.db.prepare('SELECT day FROM stats_daily ORDER BY day').all() as Array<{
          day: string;
        }>
      ).map((r) => r.day);
    expect(days()).toEqual(['2024-10-20', '2026-01-01']);

    // The next day, the boundary moves by one day.
    now = new Date(2026, 10, 21, 0, 5);
    box.ctx.stats.flush();
    expect(days()).toEqual(['2026-01-01']);
  });
});
