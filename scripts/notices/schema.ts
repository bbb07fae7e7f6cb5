/** Writes docs/notice.schema.json from the zod format (run: npx tsx scripts/notices/schema.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { noticeJsonSchema } from '../../src/server/notices/format.js';
import { appRoot } from '../../src/server/paths.js';

const out = path.join(appRoot(), 'docs', 'notice.schema.json');
writeFileSync(out, `${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
console.log(`écrit : ${out}`);
