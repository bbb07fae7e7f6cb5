import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Pack signatures: ed25519 over the exact bytes of `lanterne-pack.json`.
 *
 * `lanterne-pack.sig` holds the signature in base64 on its first line and, on a second
 * line, the signer's public key (base64 of the raw 32 bytes). The key line lets the box
 * tell "signed by a key it does not know" (`untrusted`, waits for approval) from
 * "changed after signing" (`invalid`, never imported automatically). A file without the
 * key line is checked against every trusted key.
 */
export const SIGNATURE_FILE = 'lanterne-pack.sig';

export type SignatureState = 'none' | 'valid' | 'invalid' | 'untrusted';

export interface TrustedKey {
  name: string;
  /** base64 of the raw 32-byte ed25519 public key. */
  publicKey: string;
}

export interface SignatureCheck {
  signature: SignatureState;
  /** The trusted key's name, when valid. */
  signer?: string | undefined;
  /** The trusted key itself (raw base64), when valid: the admission rule ties it to the pack id. */
  signerKey?: string | undefined;
}

const RAW_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** Whether a string is a well-formed public key as the admin page and `keygen` show it. */
export function isPublicKeyText(text: string): boolean {
  return RAW_KEY.test(text.trim()) && Buffer.from(text.trim(), 'base64').length === 32;
}

export function publicKeyObject(raw: string): KeyObject {
  const x = Buffer.from(raw.trim(), 'base64').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url').toString('base64');
}

/** A new key pair: the private key as PKCS#8 PEM (kept secret), the public key raw base64. */
export function generateSigningKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: rawPublicKey(publicKey),
  };
}

/** The content of `lanterne-pack.sig` for these manifest bytes. */
export function signManifest(manifestBytes: Buffer, privateKeyPem: string): string {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error("La clé n'est pas une clé ed25519.");
  const signature = sign(null, manifestBytes, privateKey).toString('base64');
  return `${signature}\n${rawPublicKey(createPublicKey(privateKey))}\n`;
}

function verifies(bytes: Buffer, signature: Buffer, key: string): boolean {
  try {
    return verify(null, bytes, publicKeyObject(key), signature);
  } catch {
    return false;
  }
}

/** Checks a pack's signature file (null when the pack has none) against the trusted keys. */
export function checkSignature(
  manifestBytes: Buffer,
  sigText: string | null,
  keys: readonly TrustedKey[],
): SignatureCheck {
  if (sigText === null) return { signature: 'none' };
  const [sigLine = '', keyLine = ''] = sigText
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim());
  const signature = Buffer.from(sigLine, 'base64');
  if (signature.length !== 64) return { signature: 'invalid' };
  if (keyLine !== '') {
    if (!isPublicKeyText(keyLine)) return { signature: 'invalid' };
    if (!verifies(manifestBytes, signature, keyLine)) return { signature: 'invalid' };
    const trusted = keys.find((k) => k.publicKey === keyLine.trim());
    return trusted
      ? { signature: 'valid', signer: trusted.name, signerKey: trusted.publicKey }
      : { signature: 'untrusted' };
  }
  const trusted = keys.find((k) => verifies(manifestBytes, signature, k.publicKey));
  return trusted
    ? { signature: 'valid', signer: trusted.name, signerKey: trusted.publicKey }
    : { signature: 'untrusted' };
}
