import { DeviceKeys } from '../core/device-keys.js';
import type { BoxEvent, Client } from '../events/bus.js';
import { dayOf, deviceFamily, foldPhrase, kioskBucket, type DeviceFamily } from './classify.js';

/** What one event adds, once the client is reduced to an anonymous per-day key. */
interface Counted {
  /** Monotonic milliseconds when it happened (to date it later if the clock was unknown). */
  mono: number;
  /** Trusted time when it happened, or null if the box did not know the time. */
  at: Date | null;
  visitor: string | null;
  device: DeviceFamily | null;
  incs: Array<readonly [Metric, string]>;
  step?: string | undefined;
  failedPhrase?: string | undefined;
  /**
   * Who typed the failed phrase, by address only: one phone sending three user agents
   * must not pass for three visitors and get its own phrase written to disk.
   */
  phraseVisitor?: string | undefined;
  /** A kiosk session's length, to place it in the hour it started. */
  kioskSeconds?: number | undefined;
}

export type Metric =
  | 'views'
  | 'visitors'
  | 'devices'
  | 'searches'
  | 'searches-empty'
  | 'failed-phrase'
  | 'downloads'
  | 'plays'
  | 'reads'
  | 'notice-open'
  | 'notice-finish'
  | 'notice-step'
  | 'notice-feedback'
  | 'kiosk-sessions'
  | 'kiosk-length'
  | 'kiosk-hour'
  | 'packs-imported'
  | 'thanks';

/** A search phrase is written only once this many different visitors typed it the same day. */
export const PHRASE_K = 3;
/** Bounds on what is held in memory (a busy day stays well under these). */
const MAX_PHRASES_PER_DAY = 5_000;
const MAX_UNDATED = 200_000;
const MAX_DAY_STATES = 3;
const KEY_MAX = 120;
const RECENT_KEYS_MAX = 1_024;
const RECENT_KEYS_MS = 10_000;

interface DayState {
  visitors: Set<string>;
  steps: Set<string>;
  phrases: Map<string, { visitors: Set<string>; count: number; admitted: boolean }>;
}

/** A counter delta for one (day, metric, key). */
export interface Delta {
  day: string;
  metric: Metric;
  key: string;
  value: number;
}

const SEP = '\u0001';

/**
 * Turns box events into per-day counters, in memory. Nothing here is written: the
 * flusher drains the deltas once a minute. Visitors are reduced at once to an HMAC of
 * (address, user agent) under a random salt that never leaves memory and is replaced
 * when the day changes; the address and user agent are then dropped.
 */
export class Aggregator {
  private deltas = new Map<string, number>();
  private readonly days = new Map<string, DayState>();
  private undated: Counted[] = [];
  /** Visitors' keys (core/device-keys.ts), renewed with the day. */
  private readonly keys = new DeviceKeys();
  private saltEpoch = '';
  /**
   * Keys made in the last few seconds: a phone's burst of pages and covers comes from one
   * address and one user agent, and an HMAC per request cost more than the small file it
   * counted. In memory only, at most 1,024, forgotten every 10 s and with the salt — no
   * longer than the server's own keep-alive sockets hold the same address.
   */
  private readonly recentKeys = new Map<string, string>();
  private recentSince = 0;
  /** Events that could not be kept (memory cap while the time was unknown). */
  lost = 0;
  /** Events absorbed since start (for the benchmark). */
  absorbed = 0;

  constructor(
    private readonly now: () => Date | null,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /** Counts one event. A malformed event is dropped: counting must not break serving. */
  ingest(event: BoxEvent): void {
    const at = this.now();
    const mono = this.monotonic();
    let counted: Counted;
    try {
      counted = this.reduce(event, at, mono);
    } catch {
      this.lost += 1;
      return;
    }
    this.absorbed += 1;
    if (at) {
      // The time just became known: what waited is placed first, in order.
      if (this.undated.length > 0) this.dateUndated();
      this.apply(dayOf(at), counted);
    } else if (this.undated.length < MAX_UNDATED) {
      this.undated.push(counted);
    } else {
      this.lost += 1;
    }
  }

  /** How many events wait for the clock to be known. */
  get undatedCount(): number {
    return this.undated.length;
  }

  /**
   * Dates the events kept while the time was unknown, now that it is known: each is
   * placed at `now − (time elapsed since it happened)`, measured on the monotonic clock.
   */
  dateUndated(): number {
    const now = this.now();
    if (!now || this.undated.length === 0) return 0;
    const monoNow = this.monotonic();
    const pending = this.undated;
    this.undated = [];
    for (const c of pending) {
      const at = new Date(now.getTime() - (monoNow - c.mono));
      this.apply(dayOf(at), { ...c, at });
    }
    return pending.length;
  }

  /** Takes the deltas accumulated since the last drain. */
  drain(): Delta[] {
    const out = this.peek();
    this.deltas = new Map();
    return out;
  }

  /** The deltas not yet written, without taking them (the dashboard shows the current minute too). */
  peek(): Delta[] {
    const out: Delta[] = [];
    for (const [k, value] of this.deltas) {
      const [day = '', metric = '', key = ''] = k.split(SEP);
      out.push({ day, metric: metric as Metric, key, value });
    }
    return out;
  }

  /** Puts deltas back (a failed write must not lose the minute). */
  restore(deltas: Delta[]): void {
    for (const d of deltas) this.inc(d.day, d.metric, d.key, d.value);
  }

  get pendingDeltas(): number {
    return this.deltas.size;
  }

  private visitorKey(client: Client, at: Date | null, mono: number, withAgent = true): string {
    // The salt changes with the day; while the time is unknown, every 24 h of uptime.
    const epoch = at ? dayOf(at) : `mono-${Math.floor(mono / 86_400_000)}`;
    if (epoch !== this.saltEpoch) {
      this.keys.renew();
      this.saltEpoch = epoch;
      this.recentKeys.clear();
    }
    if (mono - this.recentSince > RECENT_KEYS_MS || this.recentKeys.size >= RECENT_KEYS_MAX) {
      this.recentKeys.clear();
      this.recentSince = mono;
    }
    const agent = withAgent ? client.userAgent : '';
    const memo = `${withAgent ? 'v' : 'a'}\n${client.ip}\n${agent}`;
    const known = this.recentKeys.get(memo);
    if (known !== undefined) return known;
    const key = this.keys.of(withAgent ? 'visitor' : 'address', client.ip, agent).slice(0, 22);
    this.recentKeys.set(memo, key);
    return key;
  }

  private reduce(event: BoxEvent, at: Date | null, mono: number): Counted {
    const c: Counted = { mono, at, visitor: null, device: null, incs: [] };
    if ('client' in event) {
      c.visitor = this.visitorKey(event.client, at, mono);
      c.device = deviceFamily(
        event.client.userAgent,
        'surface' in event ? event.surface : undefined,
      );
    }
    const key = (s: string) => s.replace(/\p{C}+/gu, '').slice(0, KEY_MAX);
    switch (event.type) {
      case 'page':
        c.incs.push(['views', key(`${event.surface}:${event.section}`)]);
        break;
      case 'search':
        c.incs.push(['searches', event.surface]);
        if (event.results === 0) {
          c.incs.push(['searches-empty', event.surface]);
          const phrase = foldPhrase(event.query);
          if (phrase) {
            c.failedPhrase = phrase;
            c.phraseVisitor = this.visitorKey(event.client, at, mono, false);
          }
        }
        break;
      case 'download':
        c.incs.push(['downloads', key(event.workId)]);
        break;
      case 'play':
        c.incs.push(['plays', key(event.workId)]);
        break;
      case 'read':
        c.incs.push(['reads', key(event.workId)]);
        break;
      case 'notice':
        c.incs.push([
          event.action === 'open' ? 'notice-open' : 'notice-finish',
          key(event.noticeId),
        ]);
        break;
      case 'notice-step':
        if (Number.isInteger(event.step) && event.step > 0 && event.step < 1000)
          c.step = key(`${event.noticeId}#${event.step}`);
        break;
      case 'notice-feedback':
        c.incs.push(['notice-feedback', key(`${event.noticeId}#${event.face}`)]);
        break;
      case 'kiosk-session': {
        const seconds = Number.isFinite(event.seconds) && event.seconds > 0 ? event.seconds : 0;
        c.incs.push(['kiosk-sessions', ''], ['kiosk-length', kioskBucket(seconds)]);
        // The start is worked out from the trusted end time, not from the box clock of
        // the emitter, which may have been wrong when the session began.
        c.kioskSeconds = seconds;
        break;
      }
      case 'pack-imported':
        c.incs.push(['packs-imported', key(event.packId)]);
        break;
      case 'thanks':
        c.incs.push(['thanks', key(event.workId)]);
        break;
    }
    return c;
  }

  private dayState(day: string): DayState {
    let state = this.days.get(day);
    if (!state) {
      state = { visitors: new Set(), steps: new Set(), phrases: new Map() };
      this.days.set(day, state);
      // Keep the last few days used (events are applied in time order, also when
      // undated ones are placed back in time); the oldest sets go.
      for (const old of this.days.keys()) {
        if (this.days.size <= MAX_DAY_STATES) break;
        this.days.delete(old);
      }
    }
    return state;
  }

  private apply(day: string, c: Counted): void {
    const state = this.dayState(day);
    if (c.visitor && !state.visitors.has(c.visitor)) {
      state.visitors.add(c.visitor);
      this.inc(day, 'visitors', '', 1);
      if (c.device) this.inc(day, 'devices', c.device, 1);
    }
    for (const [metric, key] of c.incs) this.inc(day, metric, key, 1);
    if (c.step) {
      const seen = `${c.visitor ?? ''}${SEP}${c.step}`;
      if (!c.visitor || !state.steps.has(seen)) {
        if (c.visitor) state.steps.add(seen);
        this.inc(day, 'notice-step', c.step, 1);
      }
    }
    if (c.failedPhrase) this.countPhrase(day, state, c.failedPhrase, c.phraseVisitor ?? null);
    if (c.kioskSeconds !== undefined && c.at) {
      const started = new Date(c.at.getTime() - c.kioskSeconds * 1000);
      this.inc(day, 'kiosk-hour', String(started.getHours()).padStart(2, '0'), 1);
    }
  }

  /** k-anonymity for failed searches: memory only until PHRASE_K visitors typed it. */
  private countPhrase(day: string, state: DayState, phrase: string, visitor: string | null): void {
    let entry = state.phrases.get(phrase);
    if (!entry) {
      if (state.phrases.size >= MAX_PHRASES_PER_DAY) return;
      entry = { visitors: new Set(), count: 0, admitted: false };
      state.phrases.set(phrase, entry);
    }
    entry.count += 1;
    if (visitor) entry.visitors.add(visitor);
    if (entry.admitted) {
      this.inc(day, 'failed-phrase', phrase, 1);
    } else if (entry.visitors.size >= PHRASE_K) {
      entry.admitted = true;
      this.inc(day, 'failed-phrase', phrase, entry.count);
      // The visitors behind it are no longer needed once the phrase is admitted.
      entry.visitors.clear();
    }
  }

  private inc(day: string, metric: Metric, key: string, by: number): void {
    const k = `${day}${SEP}${metric}${SEP}${key}`;
    this.deltas.set(k, (this.deltas.get(k) ?? 0) + by);
  }
}
