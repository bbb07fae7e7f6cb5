import type { Clock } from '../core/clock.js';

/**
 * The earliest date the box can honestly be at: this release's build day. The Pi has no
 * clock battery, so after a power cut without network its clock restarts in 1970 (or at
 * the last fake-hwclock save). A constant in the source is robust: it does not depend
 * on file modification times, which an SD-card image or a copy may rewrite. Bump it at
 * each release (the test in tests/stats/clock.test.ts fails when it is in the future).
 */
export const BUILD_DATE = new Date('2026-11-01T00:00:00Z');

/**
 * The statistics' view of time: the box clock, corrected by the animateur's browser
 * when the box clock is not sane. `now()` is null while the time is unknown.
 */
export class StatsClock {
  /** Added to the box clock once an admin's browser told the time (memory only). */
  private offsetMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly floor: Date = BUILD_DATE,
  ) {}

  private isSaneTime(ms: number): boolean {
    return Number.isFinite(ms) && ms >= this.floor.getTime();
  }

  /** The trusted current time, or null when the box does not know what time it is. */
  now(): Date | null {
    const raw = this.clock.now().getTime();
    // NTP (or a person) fixed the box clock: trust it over any earlier correction.
    if (this.isSaneTime(raw)) {
      this.offsetMs = 0;
      return new Date(raw);
    }
    const corrected = raw + this.offsetMs;
    return this.offsetMs !== 0 && this.isSaneTime(corrected) ? new Date(corrected) : null;
  }

  isSane(): boolean {
    return this.now() !== null;
  }

  /**
   * The animateur's browser says it is `browserMs`. Accepted only while the box clock
   * is not sane and when the browser's time is itself sane. Returns whether it was used.
   */
  setFromBrowser(browserMs: number): boolean {
    const raw = this.clock.now().getTime();
    if (this.isSaneTime(raw) || !this.isSaneTime(browserMs)) return false;
    // A browser five years past this build is more likely wrong than right.
    if (browserMs > this.floor.getTime() + 5 * 365 * 86_400_000) return false;
    this.offsetMs = browserMs - raw;
    return true;
  }
}
