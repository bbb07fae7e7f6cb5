import { useEffect, useState } from 'preact/hooks';
import type { KioskAnswerReply } from '../../shared/ateliers-types.js';
import type { KioskInfo, KioskWorkType } from '../../shared/kiosk-types.js';
import { MESSAGES, type Lang, type Messages } from './i18n.js';

/** Where the visitor is. Kept in memory only: a reset reloads the page and it is gone. */
export type Route =
  | { name: 'home' }
  | { name: 'browse'; type: KioskWorkType; page: number }
  | { name: 'search' }
  | { name: 'results'; q: string; page: number }
  | { name: 'work'; id: string }
  | { name: 'player'; id: string; index: number }
  | { name: 'take-away'; id: string }
  | { name: 'notices' }
  | { name: 'notice'; id: string }
  | { name: 'infos' }
  /** One screen of a workshop's evaluation; `step` past the last question: « Merci ». */
  | { name: 'evaluation'; id: number; step: number };

export interface VisitorSettings {
  size: 0 | 1 | 2;
  contrast: boolean;
  lang: Lang;
}

export const DEFAULT_SETTINGS: VisitorSettings = { size: 0, contrast: false, lang: 'fr' };

export interface KioskState {
  awake: boolean;
  stack: Route[];
  settings: VisitorSettings;
  settingsOpen: boolean;
  /** The box did not answer: "Un instant…" until it does. */
  offline: boolean;
  /** Bumped when the box answers again, so screens fetch what they were showing. */
  epoch: number;
  info: KioskInfo | null;
  /** The search being typed, kept while the visitor looks at its results. */
  query: string;
  /** When the "still there?" countdown reaches zero (ms since epoch), or null. */
  warningUntil: number | null;
  startedAt: number | null;
  /** The evaluation being answered on the kiosk: its answers so far, field by field. */
  evalValues: Record<string, string>;
  /** What the box said once those answers were sent: the screens then only say « Merci ». */
  evalSent: KioskAnswerReply['result'] | null;
}

type Listener = () => void;

/** One small store for the whole kiosk; components subscribe with `useKiosk()`. */
/** A kiosk nobody has touched yet. */
export function blankVisit(): Pick<
  KioskState,
  | 'awake'
  | 'stack'
  | 'settings'
  | 'settingsOpen'
  | 'query'
  | 'warningUntil'
  | 'startedAt'
  | 'evalValues'
  | 'evalSent'
> {
  return {
    awake: false,
    stack: [{ name: 'home' }],
    settings: DEFAULT_SETTINGS,
    settingsOpen: false,
    query: '',
    warningUntil: null,
    startedAt: null,
    evalValues: {},
    evalSent: null,
  };
}

class Store {
  state: KioskState = { ...blankVisit(), offline: false, epoch: 0, info: null };
  private readonly listeners = new Set<Listener>();

  set(patch: Partial<KioskState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const store = new Store();

export function useKiosk(): KioskState {
  const [, force] = useState(0);
  useEffect(() => store.subscribe(() => force((n) => n + 1)), []);
  return store.state;
}

export function useT(): Messages {
  return MESSAGES[useKiosk().settings.lang];
}

export function currentRoute(): Route {
  const { stack } = store.state;
  return stack[stack.length - 1] ?? { name: 'home' };
}

export function go(route: Route): void {
  store.set({ stack: [...store.state.stack, route], settingsOpen: false });
  window.scrollTo(0, 0);
}

/** Replaces the current screen (paging) rather than stacking a new one. */
export function replace(route: Route): void {
  store.set({ stack: [...store.state.stack.slice(0, -1), route] });
  window.scrollTo(0, 0);
}

export function back(): void {
  const { stack } = store.state;
  store.set({ stack: stack.length > 1 ? stack.slice(0, -1) : stack });
}

export function goHome(): void {
  store.set({ stack: [{ name: 'home' }], settingsOpen: false });
}
