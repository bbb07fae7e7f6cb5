import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest.js';
import { generateSigningKey, SIGNATURE_FILE, signManifest } from '../trust/signature.js';

/** `lanterne pack keygen [--out fichier]`: a private key file (mode 600) and its public key. */
export async function keygen(
  out: string,
): Promise<{ keyFile: string; pubFile: string; publicKey: string }> {
  const keyFile = path.resolve(out);
  if (existsSync(keyFile))
    throw new Error(
      `${keyFile} existe déjà : choisissez un autre nom (--out) pour ne pas écraser une clé.`,
    );
  const { privateKeyPem, publicKey } = generateSigningKey();
  await writeFile(keyFile, privateKeyPem, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  const pubFile = `${keyFile.replace(/\.key$/, '')}.pub`;
  await writeFile(pubFile, `${publicKey}\n`);
  return { keyFile, pubFile, publicKey };
}

/** `lanterne pack sign <dossier> --key fichier`: writes lanterne-pack.sig beside the manifest. */
export async function signFolder(folder: string, keyFile: string): Promise<string> {
  const manifestFile = path.join(folder, MANIFEST_FILE);
  if (!existsSync(manifestFile))
    throw new Error(
      `Pas de ${MANIFEST_FILE} dans ${folder} : lancez d'abord « lanterne pack build ».`,
    );
  const sig = signManifest(await readFile(manifestFile), await readFile(keyFile, 'utf8'));
  const sigFile = path.join(folder, SIGNATURE_FILE);
  await writeFile(sigFile, sig);
  return sigFile;
}
