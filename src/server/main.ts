import { ConfigError, loadConfig } from './config.js';
import { openBox } from './core/open-box.js';
import { createLogger } from './log.js';
import { listen } from './server.js';
import { startFeatures } from './start.js';

/** The box's entry point: every side effect of starting lives here. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Anything left in staging is an import that a power cut or a crash interrupted.
  const box = openBox({ config, log, emptyStaging: true });
  const { ctx } = box;
  log.info(`Base de données prête (${ctx.paths.dbFile}, schéma v${box.schemaVersion})`);
  const running = await listen(ctx, config.port, config.host);
  log.info(`Lanterne écoute sur ${running.url} (portail) — ${config.publicUrl} pour les visiteurs`);
  log.info(
    `Borne tactile : ${running.url}/kiosk/ (écran de la boîte) — espace animateur : ${config.publicUrl}/admin`,
  );
  const stopFeatures = await startFeatures(ctx);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`Arrêt demandé (${signal}) : fermeture propre…`);
    await running.close();
    await stopFeatures();
    box.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError
      ? err.message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err);
  process.stderr.write(`Lanterne n'a pas pu démarrer :\n${message}\n`);
  process.exit(1);
});
