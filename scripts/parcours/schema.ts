/** Writes docs/parcours.schema.json from the zod format (run: npx tsx scripts/parcours/schema.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parcoursJsonSchema } from '../../src/server/parcours/format.js';
import { appRoot } from '../../src/server/paths.js';

const out = path.join(appRoot(), 'docs', 'parcours.schema.json');
writeFileSync(out, `${JSON.stringify(parcoursJsonSchema(), null, 2)}\n`);
console.log(`écrit : ${out}`);
