import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt parameters, stored with each hash so they can be raised without locking anyone out. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB per hash: slow enough to guess, fits a Pi's memory. */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

export interface PasswordHash {
  hash: string;
  salt: string;
  params: ScryptParams;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r * 2,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh 16-byte salt. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_PARAMS,
): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params };
}

/** Compares in constant time; a malformed stored record never matches. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.params.keylen || password.length > MAX_PASSWORD_LENGTH)
    return false;
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored.params);
  return timingSafeEqual(key, expected);
}

/** A French reason why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password !== confirm) return 'Les deux mots de passe ne sont pas identiques.';
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères (une phrase facile à retenir convient très bien).`;
  }
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  return null;
}
