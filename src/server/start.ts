import type { Context } from './context.js';
import { FEATURES, type Stop } from './features.js';

/**
 * Starts the box's background work once the server listens (pack watcher, bundled
 * pack, statistics flusher…): each feature's `start` in `features.ts`, in list order.
 * Stops run in reverse order on shutdown.
 */
export async function startFeatures(ctx: Context): Promise<() => Promise<void>> {
  const stops: Stop[] = [];
  for (const feature of FEATURES) {
    if (!feature.start) continue;
    try {
      stops.push(await feature.start(ctx));
    } catch (err) {
      ctx.log.error(`Un service n'a pas démarré (${feature.name}) : ${(err as Error).message}`);
    }
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
