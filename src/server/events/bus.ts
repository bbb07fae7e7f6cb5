/**
 * What happens on the box, as it happens, for the statistics to count. Events live in
 * memory only: `client` (address and user agent) is there so the statistics can count
 * unique visitors with a daily in-memory salt; it must never be stored or logged.
 */
export interface Client {
  ip: string;
  userAgent: string;
}

export type Surface = 'portal' | 'kiosk' | 'opds';

export type BoxEvent =
  | { type: 'page'; surface: Surface; section: string; client: Client }
  | { type: 'search'; surface: Surface; query: string; results: number; client: Client }
  | { type: 'download'; workId: string; client: Client }
  | { type: 'play'; workId: string; client: Client }
  /** A book opened in the box's reader (reader/): counted like a play, nothing of the reading. */
  | { type: 'read'; workId: string; client: Client }
  | { type: 'notice'; noticeId: string; action: 'open' | 'finish'; client: Client }
  | { type: 'notice-step'; noticeId: string; step: number; client: Client }
  | { type: 'notice-feedback'; noticeId: string; face: 'yes' | 'neutral' | 'no' }
  | { type: 'kiosk-session'; seconds: number; startedAt: Date }
  | { type: 'pack-imported'; packId: string; version: string }
  /** A reader's "merci" on a visitor's published work (deduplicated before it is sent). */
  | { type: 'thanks'; workId: string };

export type Listener = (event: BoxEvent) => void;

/** A synchronous in-process bus; a failing listener never breaks the request. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BoxEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // Counting must never break serving.
      }
    }
  }
}
