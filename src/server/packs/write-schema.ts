/**
 * Writes docs/pack.schema.json from the manifest's zod schema:
 * `npx tsx src/server/packs/write-schema.ts` (a test checks the committed file matches).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths.js';
import { manifestJsonSchema } from './manifest.js';

export function schemaText(): string {
  return `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;
}

export const SCHEMA_FILE = path.join(appRoot(), 'docs', 'pack.schema.json');

if (
  process.argv[1] &&
  path.resolve(process.argv[1]).endsWith(path.join('packs', 'write-schema.ts'))
) {
  writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`${SCHEMA_FILE} écrit.\n`);
}
