import type { Context } from '../context.js';

/** Starts the statistics flusher; on shutdown the last minute is written. */
export function startStats(ctx: Context): () => void {
  if (!ctx.stats.clock.isSane()) {
    ctx.log.warn(
      "L'heure de la boîte n'est pas fiable (pas de pile d'horloge) : les statistiques attendent en mémoire " +
        "que le réseau ou l'espace animateur donne l'heure.",
    );
  }
  return ctx.stats.start();
}
