import path from 'node:path';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFolder } from './tool/build.js';
import { initFolder } from './tool/init.js';
import { keygen, signFolder } from './tool/keys.js';
import { formatVerify, verifyPack } from './tool/verify.js';

/**
 * The pack tool: `npx lanterne pack <commande>` or `npm run pack -- <commande>`.
 * Returns the exit code (0: fine, 1: the pack has problems, 2: wrong usage).
 */
const USAGE = `Outil de packs Lanterne

  lanterne pack init <dossier>        crée ou complète metadata.csv (une ligne par fichier)
  lanterne pack build <dossier>       vérifie metadata.csv, calcule les empreintes, écrit lanterne-pack.json
        [--id ID] [--title TITRE] [--version 1.0.0] [--publisher NOM] [--description TEXTE]
        [--language fr] [--zip fichier.zip]
  lanterne pack verify <dossier|zip>  les contrôles exacts de la boîte à l'import
        [--policy free-culture|all-cc]
  lanterne pack keygen [--out cle.key] crée une clé de signature (privée) et affiche la clé publique
  lanterne pack sign <dossier> --key cle.key   signe le manifeste (lanterne-pack.sig)
`;

type Out = (line: string) => void;

export async function runCli(
  argv: string[],
  out: Out = (l) => process.stdout.write(`${l}\n`),
  err: Out = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        title: { type: 'string' },
        version: { type: 'string' },
        publisher: { type: 'string' },
        description: { type: 'string' },
        language: { type: 'string' },
        zip: { type: 'string' },
        policy: { type: 'string' },
        out: { type: 'string' },
        key: { type: 'string' },
      },
    });
  } catch (e) {
    err((e as Error).message);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const target = positionals[0];
  const missingTarget = (): number => {
    err(`Indiquez un dossier : lanterne pack ${command ?? ''} <dossier>`);
    return 2;
  };
  try {
    switch (command) {
      case 'init': {
        if (target === undefined) return missingTarget();
        const report = await initFolder(target);
        out(
          `${report.csvFile} : ${report.added.length} fichier(s) ajouté(s), ${report.kept} ligne(s) gardée(s).`,
        );
        for (const w of report.warnings) out(`  attention : ${w}`);
        if (report.toConfirm.length > 0) {
          out(`À compléter dans LibreOffice avant « build » (${report.toConfirm.length}) :`);
          for (const c of report.toConfirm) out(`  ligne ${c.line} (${c.file}) : ${c.note}`);
        }
        return 0;
      }
      case 'build': {
        if (target === undefined) return missingTarget();
        const report = await buildFolder(target, {
          id: values.id,
          title: values.title,
          version: values.version,
          publisher: values.publisher,
          description: values.description,
          language: values.language,
          zip: values.zip,
        });
        for (const w of report.warnings) out(`attention : ${w}`);
        if (!report.ok) {
          err(
            `Le pack n'a pas été construit (${report.errors.length} problème(s) dans metadata.csv) :`,
          );
          for (const e of report.errors) err(`  - ${e}`);
          return 1;
        }
        const m = report.manifest;
        out(
          `✓ ${report.manifestFile} écrit : « ${m?.title} » ${m?.id} ${m?.version}, ${m?.items.length} œuvre(s).`,
        );
        if (report.zipFile) out(`✓ ${report.zipFile} écrit.`);
        return 0;
      }
      case 'verify': {
        if (target === undefined) return missingTarget();
        const policy = values.policy === 'all-cc' ? 'all-cc' : 'free-culture';
        const result = await verifyPack(target, { licencePolicy: policy });
        const good = result.ok && result.signature !== 'invalid';
        for (const line of formatVerify(target, result)) (good ? out : err)(line);
        return good ? 0 : 1;
      }
      case 'keygen': {
        const made = await keygen(values.out ?? 'lanterne-signature.key');
        out(
          `Clé privée : ${made.keyFile} (gardez-la secrète, ne la mettez jamais sur une clé USB de packs)`,
        );
        out(
          `Clé publique (à ajouter dans l'espace animateur de chaque boîte, « Clés de confiance ») :`,
        );
        out(made.publicKey);
        return 0;
      }
      case 'sign': {
        if (target === undefined) return missingTarget();
        if (!values.key) {
          err('Indiquez la clé privée : lanterne pack sign <dossier> --key cle.key');
          return 2;
        }
        out(`✓ ${await signFolder(target, values.key)} écrit.`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`Commande inconnue : ${command}`);
        err(USAGE);
        return 2;
    }
  } catch (e) {
    err(`Erreur : ${(e as Error).message}`);
    return 1;
  }
}

function isEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(path.resolve(entry))).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
