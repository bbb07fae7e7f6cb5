/**
 * Syncthing device ids as people copy them: 56 base32 characters in 8 groups of 7
 * (`MFZWI3D-BONSGYC-…`), every 14th a Luhn mod 32 check character, so a mistyped
 * character is caught here, in French, before Syncthing sees it.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function luhn32(s: string): string {
  let factor = 1;
  let sum = 0;
  for (const ch of s) {
    const addend = factor * ALPHABET.indexOf(ch);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return ALPHABET[(32 - (sum % 32)) % 32] ?? 'A';
}

export type DeviceIdCheck = { ok: true; id: string } | { ok: false; message: string };

/**
 * Reads a device id typed or pasted by a person: spaces, dashes and case do not matter,
 * and 0/1/8 (never in an id) are read as O/I/B like Syncthing does.
 *
 * @example readDeviceId('mfzwi3d-bonsgyc-…') // { ok: true, id: 'MFZWI3D-BONSGYC-…' }
 */
export function readDeviceId(text: string): DeviceIdCheck {
  const raw = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (raw === '')
    return { ok: false, message: 'Collez l’identifiant de l’autre boîte (sa page « Réseau »).' };
  if (!/^[A-Z2-7]+$/.test(raw))
    return {
      ok: false,
      message: 'Cet identifiant contient des caractères qui n’en font pas partie : recopiez-le.',
    };
  if (raw.length !== 56)
    return {
      ok: false,
      message: `Un identifiant compte 56 lettres et chiffres (8 groupes de 7) ; celui-ci en a ${raw.length}.`,
    };
  for (let i = 0; i < 4; i++) {
    const group = raw.slice(i * 14, i * 14 + 14);
    if (luhn32(group.slice(0, 13)) !== group[13])
      return {
        ok: false,
        message: 'Cet identifiant a une faute de frappe : recopiez-le ou scannez son code QR.',
      };
  }
  return { ok: true, id: raw.match(/.{7}/g)?.join('-') ?? raw };
}

/** The short form Syncthing shows (first group): names folders per box. */
export function shortId(id: string): string {
  return id.slice(0, 7);
}
