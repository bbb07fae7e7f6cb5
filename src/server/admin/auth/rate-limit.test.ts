import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';

function limiter() {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  return { clock, limiter: new RateLimiter(() => now, DEFAULT_RATE_LIMIT) };
}

describe('RateLimiter', () => {
  it('allows one attempt in flight per client', () => {
    const { limiter: l } = limiter();
    expect(l.check('a').ok).toBe(true);
    expect(l.check('a').ok).toBe(false);
    expect(l.check('b').ok).toBe(true);
    l.release('a');
    expect(l.check('a').ok).toBe(true);
  });

  it('gives five free failures, then backs off exponentially', () => {
    const { limiter: l, clock } = limiter();
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      expect(l.check('a').ok, `try ${i + 1}`).toBe(true);
      waits.push(l.fail('a'));
      clock.advance(waits.at(-1)!);
    }
    expect(waits).toEqual([0, 0, 0, 0, 2_000, 4_000, 8_000, 16_000]);
    l.fail('a');
    expect(l.check('a')).toEqual({ ok: false, retryAfterSeconds: 32 });
  });

  it('slows everyone down after a flood of failures, but never locks the animateur out', () => {
    const { limiter: l, clock } = limiter();
    // Sixty addresses fail once each, within a minute.
    for (let i = 0; i < 60; i += 1) {
      const client = `10.0.0.${i}`;
      if (l.check(client).ok) l.fail(client);
      clock.advance(500);
    }
    // The animateur, from another address, gets a turn within the spacing.
    let waited = 0;
    while (!l.check('animateur').ok) {
      clock.advance(100);
      waited += 100;
      expect(waited).toBeLessThanOrEqual(DEFAULT_RATE_LIMIT.globalSpacingMs);
    }
    l.succeed('animateur');
    // Meanwhile attackers are spaced: two attempts in the same instant are not allowed.
    expect(l.check('10.0.1.1').ok).toBe(false);
  });

  it('forgets a client after a success', () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 5; i += 1) {
      l.check('a');
      l.fail('a');
    }
    l.check('a');
    l.succeed('a');
    l.check('a');
    expect(l.fail('a')).toBe(0);
  });
});
