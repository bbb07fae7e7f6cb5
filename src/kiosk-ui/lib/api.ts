import type { KioskInfo } from '../../shared/kiosk-types.js';
import { useEffect, useState } from 'preact/hooks';
import { store, useKiosk } from './store.js';

/** The box did not answer (network down, server restarting). */
export class Offline extends Error {}
export class NotFound extends Error {}

const BACKOFF_MS = [1000, 2000, 4000, 8000];
let recovering = false;
/** The kiosk build this page runs (see KioskInfo.build). */
let loadedBuild: string | null = null;
/** A visit ended while the box was away: reload from scratch as soon as it answers. */
let reloadOnRecovery = false;

export function reloadWhenBack(): void {
  reloadOnRecovery = true;
}

async function fetchInfo(): Promise<KioskInfo> {
  const res = await fetch('/api/kiosk/info', { cache: 'no-store' });
  if (!res.ok) throw new Offline();
  const info = (await res.json()) as KioskInfo;
  loadedBuild ??= info.build;
  return info;
}

/**
 * Shows "Un instant…" and polls the box with back-off until it answers, then lets every
 * screen fetch again. The visitor's place, search and settings stay as they were.
 */
export function goOffline(): void {
  if (!store.state.offline) store.set({ offline: true });
  if (recovering) return;
  recovering = true;
  let attempt = 0;
  const tryAgain = () => {
    fetchInfo().then(
      (info) => {
        recovering = false;
        if (reloadOnRecovery) location.replace('/kiosk/');
        else store.set({ info, offline: false, epoch: store.state.epoch + 1 });
      },
      () => {
        attempt += 1;
        setTimeout(tryAgain, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
      },
    );
  };
  setTimeout(tryAgain, BACKOFF_MS[0]);
}

export async function getJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { cache: 'no-store' });
  } catch {
    goOffline();
    throw new Offline();
  }
  if (res.status >= 500) {
    goOffline();
    throw new Offline();
  }
  if (!res.ok) throw new NotFound();
  return (await res.json()) as T;
}

/** Fire and forget: statistics must never get in the visitor's way. */
export function postEvent(event: Record<string, unknown>): void {
  fetch('/api/kiosk/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    keepalive: true,
  }).catch(() => {});
}

export async function loadInfo(): Promise<void> {
  try {
    store.set({ info: await fetchInfo() });
  } catch {
    goOffline();
  }
}

/** Checks the box now and then, so a lost connection shows even when nobody touches. */
export function startHeartbeat(everyMs = 10_000): void {
  setInterval(() => {
    if (store.state.offline) return;
    fetchInfo().then(
      (info) => {
        const old = store.state.info;
        // A rebuilt kiosk (new version of the box): reload while nobody is using it.
        if (info.build !== loadedBuild && !store.state.awake) location.reload();
        else if (
          !old ||
          old.idleSeconds !== info.idleSeconds ||
          old.libraryName !== info.libraryName
        )
          store.set({ info });
      },
      () => goOffline(),
    );
  }, everyMs);
}

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'missing' };

/** Fetches JSON for a screen, and again whenever the box comes back after a drop. */
export function useJson<T>(path: string | null): Loaded<T> {
  const { epoch } = useKiosk();
  const [result, setResult] = useState<{ path: string | null; loaded: Loaded<T> }>({
    path: null,
    loaded: { state: 'loading' },
  });
  useEffect(() => {
    if (!path) return;
    let live = true;
    getJson<T>(path).then(
      (data) => live && setResult({ path, loaded: { state: 'ok', data } }),
      (err: unknown) => {
        if (live && err instanceof NotFound) setResult({ path, loaded: { state: 'missing' } });
      },
    );
    return () => {
      live = false;
    };
  }, [path, epoch]);
  return result.path === path ? result.loaded : { state: 'loading' };
}
