import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or U: a code read aloud or copied by hand stays right. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const LENGTH = 10;

/** A new receipt code, e.g. `K7QX2-MHT9A` (about 49 bits). */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as typed back (lower case, spaces, dashes) → its canonical form, or null. */
export function normaliseReceipt(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH || [...code].some((ch) => !ALPHABET.includes(ch))) return null;
  return code;
}

/** What the box stores: only the hash of the code. */
export function receiptHash(code: string): string {
  const canonical = normaliseReceipt(code) ?? code;
  return createHash('sha256').update(`lanterne-receipt:${canonical}`).digest('hex');
}
