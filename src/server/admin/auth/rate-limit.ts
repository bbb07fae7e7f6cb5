/**
 * Slows password and set-up code guessing. Client addresses live in this map only
 * (memory, never written or logged) and are forgotten once their back-off is over.
 *
 * Each client gets `free` failed tries; after that every failure blocks it for
 * `baseMs × 2^(extra failures)` (capped). Independently, a global cap bounds failures
 * per window for all clients together, so many addresses cannot guess in parallel.
 */
export interface RateLimitOptions {
  free: number;
  baseMs: number;
  maxMs: number;
  globalMax: number;
  globalWindowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  free: 5,
  baseMs: 2_000,
  maxMs: 15 * 60_000,
  globalMax: 50,
  globalWindowMs: 60_000,
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

  constructor(
    private readonly now: () => number,
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
  ) {}

  /** May this client try now? */
  check(client: string): Verdict {
    const now = this.now();
    const state = this.clients.get(client);
    if (state && state.blockedUntil > now) return this.wait(state.blockedUntil - now);
    this.globalFailures = this.globalFailures.filter((t) => t > now - this.options.globalWindowMs);
    if (this.globalFailures.length >= this.options.globalMax) {
      const oldest = this.globalFailures[0] ?? now;
      return this.wait(oldest + this.options.globalWindowMs - now);
    }
    return { ok: true };
  }

  /** Records a wrong password or code; returns the wait now imposed (0 if none). */
  fail(client: string): number {
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
