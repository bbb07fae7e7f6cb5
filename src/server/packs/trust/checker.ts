import type { InspectOptions } from '../inspect.js';
import { checkSignature, SIGNATURE_FILE, type TrustedKey } from './signature.js';

/** A signature file is two short base64 lines; anything bigger is not one. */
export const MAX_SIGNATURE_BYTES = 1024;

/** The `checkSignature` option of `inspectPack`, over the keys the box trusts. */
export function signatureChecker(
  keys: readonly TrustedKey[],
): NonNullable<InspectOptions['checkSignature']> {
  return async (manifestBytes, readFile) => {
    const sig = await readFile(SIGNATURE_FILE, MAX_SIGNATURE_BYTES);
    return checkSignature(manifestBytes, sig === null ? null : sig.toString('utf8'), keys);
  };
}
