/**
 * Shell tools for the animateur's account, for someone with access to the box
 * (keyboard or SSH):
 *
 *   npm run admin -- reset-password   forget the password and close every session
 *   npm run admin -- status           say whether a password is set
 *
 * After a reset, the running box makes a new one-time set-up code within seconds (kiosk,
 * HDMI console, next USB stick; also <dataDir>/setup-code.txt and `journalctl -u lanterne`).
 */
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { makePaths } from '../paths.js';
import { AdminRepo } from './auth/repo.js';
import { SETUP_CODE_FILE } from './auth/service.js';
import path from 'node:path';

function main(argv: string[]): number {
  const command = argv[0] ?? 'help';
  const config = loadConfig();
  const paths = makePaths(config);
  if (command === 'help' || command === '--help') {
    process.stdout.write('Usage : npm run admin -- reset-password | status\n');
    return 0;
  }
  const db = openDatabase(paths.dbFile);
  try {
    migrate(db);
    const repo = new AdminRepo(db);
    if (command === 'status') {
      process.stdout.write(
        repo.hasAccount()
          ? 'Un mot de passe animateur est défini.\n'
          : 'Aucun mot de passe animateur.\n',
      );
      return 0;
    }
    if (command === 'reset-password') {
      repo.deleteAccount();
      const codeFile = path.join(paths.dataDir, SETUP_CODE_FILE);
      process.stdout.write(
        'Mot de passe animateur effacé, toutes les sessions sont fermées.\n' +
          'Dans quelques secondes, la boîte montre un nouveau code de mise en service (borne,\n' +
          `écran HDMI, prochaine clé USB branchée), écrit aussi dans ${codeFile}\n` +
          'et dans le journal. Puis ouvrez /admin/setup.\n',
      );
      return 0;
    }
    process.stderr.write(
      `Commande inconnue : ${command}\nUsage : npm run admin -- reset-password | status\n`,
    );
    return 2;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
