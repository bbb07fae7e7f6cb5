import type { PackProblem } from './types.js';

/**
 * Every problem the pack checks can report, with its plain-French message: what is
 * wrong, which file, and what the animateur can do. `verify` (pack tool), the import
 * and the admin page all show these same words.
 */
const mb = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/** Control characters and lone surrogates, shown as U+FFFD in messages. */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Names longer than this are cut in messages (a 255-byte name helps nobody). */
const MAX_SHOWN = 120;

/** A name as a message may show it: no control characters, not endless. */
export function shown(name: string): string {
  const clean = name.replace(UNSHOWABLE, '\uFFFD');
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN)}…` : clean;
}

function p(code: string, message: string, hint: string, file?: string): PackProblem {
  const text = message.replace(UNSHOWABLE, '\uFFFD');
  return file === undefined
    ? { code, message: text, hint }
    : { code, message: text, file: shown(file), hint };
}

const REBUILD =
  'Refaites le pack avec « npm run pack -- build », qui recalcule tailles et empreintes.';

export const problems = {
  notFound: (where: string) =>
    p(
      'source-not-found',
      `Le pack « ${shown(where.split('/').pop() ?? where)} » est introuvable ou illisible.`,
      'Vérifiez que la clé est bien branchée et que le dossier existe.',
    ),
  missingManifest: (archive = false) =>
    archive
      ? p(
          'missing-manifest',
          'Cette archive .zip ne contient pas de fichier lanterne-pack.json : ce n’est pas un pack Lanterne.',
          'Créez le pack avec « npm run pack -- init » puis « build », puis compressez son dossier en .zip.',
          'lanterne-pack.json',
        )
      : p(
          'missing-manifest',
          'Ce dossier ne contient pas de fichier lanterne-pack.json : ce n’est pas un pack Lanterne.',
          'Créez le pack avec « npm run pack -- init » puis « build », ou proposez ces fichiers « à trier ».',
          'lanterne-pack.json',
        ),
  manifestTooBig: (size: number, max: number) =>
    p(
      'manifest-too-big',
      `Le fichier lanterne-pack.json est trop gros (${mb(size)}, au plus ${mb(max)}).`,
      'Découpez le contenu en plusieurs packs.',
      'lanterne-pack.json',
    ),
  manifestNotRegular: () =>
    p(
      'manifest-not-regular',
      'lanterne-pack.json n’est pas un fichier ordinaire (lien symbolique ou fichier spécial).',
      'Remplacez-le par un vrai fichier.',
      'lanterne-pack.json',
    ),
  badJson: (detail: string) =>
    p(
      'manifest-bad-json',
      `lanterne-pack.json n’est pas du JSON valide : ${detail}.`,
      'Ouvrez-le dans un éditeur de texte et corrigez-le à l’endroit indiqué, ou refaites le pack avec l’outil.',
      'lanterne-pack.json',
    ),
  badFormat: (found: string) =>
    p(
      'manifest-format',
      `lanterne-pack.json annonce le format « ${found} », que cette boîte ne connaît pas (attendu : lanterne-pack/1).`,
      'Mettez à jour la boîte ou refaites le pack avec l’outil de cette version.',
      'lanterne-pack.json',
    ),
  schema: (where: string, detail: string) =>
    p(
      'manifest-invalid',
      `lanterne-pack.json, champ « ${where} » : ${detail}.`,
      'Corrigez ce champ (voir docs/packs.md) ou refaites le pack avec l’outil.',
      'lanterne-pack.json',
    ),
  empty: () =>
    p(
      'empty-pack',
      'Ce pack ne contient aucune œuvre.',
      'Ajoutez au moins une œuvre au pack.',
      'lanterne-pack.json',
    ),
  duplicateItem: (id: string) =>
    p(
      'duplicate-item-id',
      `Deux œuvres du pack portent le même identifiant « ${id} ».`,
      'Donnez à chaque œuvre un identifiant différent.',
      'lanterne-pack.json',
    ),
  encyclopediaNeedsOneZim: (item: string) =>
    p(
      'encyclopedia-needs-one-zim',
      `L’encyclopédie « ${item} » doit contenir un seul fichier, son fichier .zim.`,
      'Mettez chaque fichier .zim dans une œuvre de type « encyclopedia » à lui seul.',
      'lanterne-pack.json',
    ),
  zimOutsideEncyclopedia: (item: string) =>
    p(
      'zim-outside-encyclopedia',
      `L’œuvre « ${item} » contient un fichier .zim mais n’est pas de type « encyclopedia ».`,
      'Déclarez le fichier .zim dans une œuvre de type « encyclopedia », seul.',
      'lanterne-pack.json',
    ),
  notAZim: (file: string) =>
    p(
      'not-a-zim',
      `Le fichier « ${shown(file)} » porte l’extension .zim mais n’est pas un fichier ZIM.`,
      'Téléchargez à nouveau le fichier depuis la bibliothèque Kiwix, puis refaites le pack.',
      file,
    ),
  unknownLicence: (licence: string, item: string) =>
    p(
      'unknown-licence',
      `L’œuvre « ${item} » indique la licence « ${licence} », que la boîte ne connaît pas.`,
      'Utilisez un identifiant SPDX connu (CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0…) ou « public-domain ».',
      'lanterne-pack.json',
    ),
  licenceNotAllowed: (licence: string, item: string, policy: string) =>
    p(
      'licence-not-allowed',
      `L’œuvre « ${item} » est sous licence ${licence}, refusée par la règle de cette boîte (${
        policy === 'free-culture' ? 'culture libre seulement' : 'Creative Commons seulement'
      }).`,
      'Retirez cette œuvre du pack, ou changez la règle des licences dans l’espace animateur.',
      'lanterne-pack.json',
    ),
  unsafePath: (file: string, why: string) =>
    p(
      'unsafe-path',
      `Le chemin « ${shown(file)} » sort du pack ou est interdit (${why}).`,
      'Les chemins doivent être relatifs au dossier du pack, avec des « / », sans « .. ».',
      file,
    ),
  duplicatePath: (file: string) =>
    p(
      'duplicate-path',
      `Le fichier « ${file} » est cité deux fois dans le pack.`,
      'Chaque fichier ne doit servir qu’une fois.',
      file,
    ),
  nameClash: (file: string, other: string) =>
    p(
      'name-clash',
      `Les noms « ${shown(file)} » et « ${shown(other)} » ne diffèrent que par les majuscules ou les accents : une clé FAT ou un Mac les confondrait.`,
      'Renommez l’un des deux fichiers.',
      file,
    ),
  changedDuringImport: (file: string) =>
    p(
      'changed-during-import',
      `« ${shown(file)} » a été remplacé ou modifié sur la clé après la vérification : il n’est pas copié.`,
      'Ne modifiez pas la clé pendant un import ; rebranchez-la telle quelle et recommencez.',
      file,
    ),
  fileFolderClash: (file: string, folder: string) =>
    p(
      'file-folder-clash',
      `« ${shown(file)} » serait à la fois un fichier et le dossier « ${shown(folder)} » : aucun disque ne peut garder les deux.`,
      'Renommez le fichier ou le dossier, puis refaites le pack.',
      file,
    ),
  zipDuplicate: (file: string) =>
    p(
      'zip-duplicate-entry',
      `L’archive contient deux fois l’entrée « ${shown(file)} » : selon l’outil, l’une ou l’autre serait lue.`,
      'Refaites l’archive à partir du dossier du pack.',
      file,
    ),
  missingFile: (file: string) =>
    p(
      'missing-file',
      `Le fichier « ${file} » est annoncé mais absent du pack.`,
      'Ajoutez ce fichier ou retirez-le du pack. ' + REBUILD,
      file,
    ),
  symlink: (file: string) =>
    p(
      'symlink',
      `« ${file} » est un lien symbolique : la boîte ne suit jamais les liens d’un pack.`,
      'Remplacez le lien par une copie du vrai fichier.',
      file,
    ),
  notRegular: (file: string, kind: string) =>
    p(
      'not-regular-file',
      `« ${file} » n’est pas un fichier ordinaire (${kind}).`,
      'Remplacez-le par un vrai fichier.',
      file,
    ),
  badNameEncoding: (file: string) =>
    p(
      'bad-name-encoding',
      `Le nom d’un fichier du pack est mal encodé (${file}) : ni UTF-8 valide, ni lisible avec certitude.`,
      'Renommez le fichier sur un ordinateur récent, ou refaites le pack avec l’outil.',
      file,
    ),
  sizeMismatch: (file: string, expected: number, actual: number) =>
    p(
      'size-mismatch',
      `« ${file} » fait ${actual} octets au lieu des ${expected} annoncés : il est incomplet ou a changé.`,
      'Recopiez le fichier depuis l’original. ' + REBUILD,
      file,
    ),
  checksumMismatch: (file: string) =>
    p(
      'checksum-mismatch',
      `L’empreinte SHA-256 de « ${file} » ne correspond pas : le fichier est abîmé ou a été modifié.`,
      'Recopiez le pack depuis l’original. ' + REBUILD,
      file,
    ),
  /** A system error while reading the pack, said in French (never the system's text). */
  readFailed: (file: string, err: unknown) => {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ELOOP')
      return p(
        'changed-during-import',
        `« ${shown(file)} » a été remplacé par un lien symbolique après la vérification : la boîte ne suit jamais les liens d’un pack.`,
        'Remplacez le lien par le vrai fichier sur la clé, puis recommencez.',
        file,
      );
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO')
      return p(
        'stick-removed',
        `Clé retirée ou modifiée : « ${shown(file)} » a disparu pendant la lecture.`,
        'Rebranchez la clé sans rien y changer, puis recommencez.',
        file,
      );
    const detail =
      code === 'EACCES' || code === 'EPERM'
        ? 'accès refusé'
        : code === 'EIO'
          ? 'erreur de lecture sur la clé'
          : code === 'EISDIR'
            ? 'c’est un dossier'
            : 'erreur de lecture';
    return p(
      'read-failed',
      `Impossible de lire « ${shown(file)} » (${detail}).`,
      'La clé a peut-être été retirée ou est abîmée : rebranchez-la et recommencez.',
      file,
    );
  },
  zipInvalid: (file?: string) =>
    file === undefined
      ? p(
          'zip-invalid',
          'L’archive .zip est abîmée ou n’est pas une archive zip : la boîte ne peut pas la lire.',
          'Refaites l’archive, ou copiez le dossier du pack sans le compresser.',
        )
      : p(
          'zip-invalid',
          `L’entrée « ${shown(file)} » de l’archive .zip est abîmée : la boîte ne peut pas la lire.`,
          'Refaites l’archive, ou copiez le dossier du pack sans le compresser.',
          file,
        ),
  zipUnsafeEntry: (file: string, why: string) =>
    p(
      'zip-unsafe-entry',
      `L’archive contient une entrée dangereuse « ${shown(file)} » (${why}).`,
      'Refaites l’archive à partir du dossier du pack.',
      file,
    ),
  zipSymlink: (file: string) =>
    p(
      'zip-symlink',
      `L’archive contient un lien symbolique « ${file} ».`,
      'Refaites l’archive sans liens symboliques.',
      file,
    ),
  zipEncrypted: (file: string) =>
    p(
      'zip-encrypted',
      `L’entrée « ${file} » de l’archive est chiffrée.`,
      'Refaites l’archive sans mot de passe.',
      file,
    ),
  zipTooManyEntries: (count: number, max: number) =>
    p(
      'zip-too-many-entries',
      `L’archive contient ${count} entrées (au plus ${max}).`,
      'Découpez le contenu en plusieurs packs.',
    ),
  zipTooBig: (size: number, max: number) =>
    p(
      'zip-too-big',
      `L’archive se décompresserait en ${mb(size)} (au plus ${mb(max)}).`,
      'Découpez le contenu en plusieurs packs.',
    ),
  zipBomb: (file: string, detail: string) =>
    p(
      'zip-bomb',
      `L’archive ressemble à une « bombe zip » (${detail}) : elle n’est pas ouverte.`,
      'Refaites l’archive à partir du dossier du pack avec un outil ordinaire.',
      file,
    ),
  diskFull: (need: number, free: number) =>
    p(
      'disk-full',
      `Plus assez de place sur la boîte pour ce pack : il faut ${mb(need)} (marge comprise), il reste ${mb(free)}.`,
      'Supprimez un pack devenu inutile dans l’espace animateur, puis recommencez.',
    ),
  diskFullDuringCopy: (file: string) =>
    p(
      'disk-full',
      `Plus assez de place sur la boîte : la copie s’est arrêtée sur « ${file} ». Rien n’a été changé au catalogue.`,
      'Supprimez un pack devenu inutile dans l’espace animateur, puis recommencez.',
      file,
    ),
  versionConflict: (id: string, version: string) =>
    p(
      'version-conflict',
      `Le pack « ${id} » version ${version} est déjà installé avec un contenu différent.`,
      'Augmentez le numéro de version du pack avant de le redistribuer.',
      'lanterne-pack.json',
    ),
  reservedId: (id: string) =>
    p(
      'reserved-id',
      `L'identifiant « ${id} » est réservé aux collections faites sur la boîte elle-même.`,
      'Donnez au pack un autre identifiant (champ « id » du manifeste), puis reconstruisez-le.',
      'lanterne-pack.json',
    ),
  needsApproval: (why: string) =>
    p(
      'needs-approval',
      `Ce pack attend votre accord avant d’être importé : ${why}`,
      'Approuvez-le dans la liste des packs détectés, ou refusez-le.',
      'lanterne-pack.json',
    ),
  interrupted: () =>
    p(
      'interrupted',
      'L’import a été interrompu avant la fin ; rien n’a été changé au catalogue.',
      'Rebranchez la clé pour recommencer.',
    ),
  /** An unexpected failure: the detail goes to the log, never to the page. */
  internal: () =>
    p(
      'import-failed',
      'L’import a échoué sur une erreur inattendue ; rien n’a été changé au catalogue.',
      'Recommencez ; si cela se reproduit, le journal de la boîte en dit plus pour l’équipe technique.',
    ),
} as const;

/** Thrown inside the pipeline to stop at the first blocking problem. */
export class PackError extends Error {
  constructor(readonly problem: PackProblem) {
    super(problem.message);
  }
}
