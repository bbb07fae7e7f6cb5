import { stat } from 'node:fs/promises';
import { inspectPack } from '../inspect.js';
import { signatureChecker } from '../trust/checker.js';
import type { TrustedKey } from '../trust/signature.js';
import type { InspectResult } from '../types.js';

export interface VerifyOptions {
  licencePolicy?: 'free-culture' | 'all-cc' | undefined;
  trustedKeys?: TrustedKey[] | undefined;
}

/**
 * `lanterne pack verify <dossier|zip>`: exactly the checks the box runs on import
 * (`inspectPack` with checksums), so the messages are the box's own.
 */
export async function verifyPack(
  target: string,
  options: VerifyOptions = {},
): Promise<InspectResult> {
  let kind: 'folder' | 'zip' = 'folder';
  try {
    kind = (await stat(target)).isDirectory() ? 'folder' : 'zip';
  } catch {
    // inspectPack reports the missing path in its own words.
  }
  return inspectPack(
    { kind, path: target, origin: 'usb' },
    {
      licencePolicy: options.licencePolicy ?? 'free-culture',
      checksums: true,
      checkSignature: signatureChecker(options.trustedKeys ?? []),
    },
  );
}

const SIGNATURE_TEXT: Record<InspectResult['signature'], string> = {
  none: 'non signé (la boîte demandera une approbation)',
  valid: 'signé par une clé de confiance',
  invalid: 'SIGNATURE INVALIDE : le manifeste a changé après la signature (signez à nouveau)',
  untrusted: 'signé, par une clé que cette machine ne connaît pas',
};

export function formatVerify(target: string, result: InspectResult): string[] {
  const lines: string[] = [];
  const m = result.manifest;
  if (m)
    lines.push(
      `Pack « ${m.title} » (${m.id} ${m.version}) : ${result.itemCount} œuvre(s), ${(result.totalBytes / 1e6).toFixed(1)} Mo`,
    );
  lines.push(
    `Signature : ${result.signer ? `${SIGNATURE_TEXT[result.signature]} (${result.signer})` : SIGNATURE_TEXT[result.signature]}`,
  );
  if (result.ok) {
    lines.push(`✓ ${target} : le pack est valide, la boîte l'acceptera.`);
    return lines;
  }
  lines.push(`✗ ${target} : ${result.problems.length} problème(s) :`);
  for (const p of result.problems) {
    lines.push(`  - ${p.message}${p.file ? ` [${p.file}]` : ''}`);
    if (p.hint) lines.push(`    → ${p.hint}`);
  }
  return lines;
}
