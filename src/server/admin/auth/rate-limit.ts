/**
 * Slows password and set-up code guessing. Client addresses live in this map only
 * (memory, never written or logged) and are forgotten once their back-off is over.
 *
 * Each client gets `free` failed tries; after that every failure blocks it for
 * `baseMs × 2^(extra failures)` (capped). A client has at most one attempt in flight:
 * `check` reserves it before the (slow) password check starts, so a burst of concurrent
 * guesses cannot all slip past the count. Independently, once many failures came from
 * all clients together, attempts are spaced to one per `globalSpacingMs` — a slowdown,
 * not a lockout, so a visitor cannot keep the animateur out by failing on purpose.
 */
export interface RateLimitOptions {
  free: number;
  baseMs: number;
  maxMs: number;
  globalMax: number;
  globalWindowMs: number;
  globalSpacingMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  free: 5,
  baseMs: 2_000,
  maxMs: 15 * 60_000,
  globalMax: 50,
  globalWindowMs: 60_000,
  globalSpacingMs: 1_000,
};

interface ClientState {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Beyond this many remembered clients, the oldest are dropped (memory stays bounded). */
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly clients = new Map<string, ClientState>();
  private globalFailures: number[] = [];
  private readonly inFlight = new Set<string>();
  private lastGlobalAttempt = 0;

  constructor(
    private readonly now: () => number,
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
  ) {}

  /**
   * May this client try now? A yes reserves the client's one attempt in flight: call
   * `release` when done (in a `finally`); `fail` and `succeed` release it too.
   */
  check(client: string): Verdict {
    const now = this.now();
    if (this.inFlight.has(client)) return this.wait(this.options.baseMs);
    const state = this.clients.get(client);
    if (state && state.blockedUntil > now) return this.wait(state.blockedUntil - now);
    this.globalFailures = this.globalFailures.filter((t) => t > now - this.options.globalWindowMs);
    if (this.globalFailures.length >= this.options.globalMax) {
      const next = this.lastGlobalAttempt + this.options.globalSpacingMs;
      if (next > now) return this.wait(next - now);
    }
    this.lastGlobalAttempt = now;
    this.inFlight.add(client);
    return { ok: true };
  }

  /** Ends the client's attempt in flight without counting it either way. */
  release(client: string): void {
    this.inFlight.delete(client);
  }

  /** Records a wrong password or code; returns the wait now imposed (0 if none). */
  fail(client: string): number {
    this.release(client);
    const now = this.now();
    this.globalFailures.push(now);
    const state = this.clients.get(client) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    // A client quiet for longer than the longest back-off starts afresh.
    if (now - state.lastFailure > this.options.maxMs * 2) state.failures = 0;
    state.failures += 1;
    state.lastFailure = now;
    const extra = state.failures - this.options.free;
    const waitMs = extra >= 0 ? Math.min(this.options.maxMs, this.options.baseMs * 2 ** extra) : 0;
    state.blockedUntil = now + waitMs;
    this.clients.delete(client);
    this.clients.set(client, state);
    this.prune(now);
    return waitMs;
  }

  /** A successful login forgets the client's failures. */
  succeed(client: string): void {
    this.release(client);
    this.clients.delete(client);
  }

  private wait(ms: number): Verdict {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
  }

  private prune(now: number): void {
    for (const [key, state] of this.clients) {
      if (this.clients.size <= MAX_CLIENTS && now - state.lastFailure < this.options.maxMs * 2)
        break;
      this.clients.delete(key);
    }
  }
}
