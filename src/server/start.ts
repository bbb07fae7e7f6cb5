import { startAdmin } from './admin/start.js';
import type { Context } from './context.js';
import { startPacks } from './packs/starter.js';
import { startUsbWatcher } from './packs/watch/watcher.js';
import { startStats } from './stats/start.js';

type Stop = () => Promise<void> | void;

/**
 * Starts the box's background work once the server listens (pack watcher, bundled
 * pack, statistics flusher…). Each feature adds its starter here and returns how to
 * stop it; stops run in reverse order on shutdown.
 */
export async function startFeatures(ctx: Context): Promise<() => Promise<void>> {
  const stops: Stop[] = [];
  const starters: Array<(ctx: Context) => Promise<Stop> | Stop> = [
    startAdmin,
    startStats,
    startPacks,
    startUsbWatcher,
  ];
  for (const start of starters) {
    try {
      stops.push(await start(ctx));
    } catch (err) {
      ctx.log.error(`Un service n'a pas démarré : ${(err as Error).message}`);
    }
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
