import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compareVersions } from '../../src/server/packs/manifest.js';
import { SCHEMA_FILE, schemaText } from '../../src/server/packs/write-schema.js';

it('docs/pack.schema.json is the one generated from the zod schema', () => {
  // If this fails: npx tsx src/server/packs/write-schema.ts
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
});

it('compares versions number by number', () => {
  expect(compareVersions('1.10.0', '1.9.2')).toBe(1);
  expect(compareVersions('1.0', '1.0.0')).toBe(0);
  expect(compareVersions('0.9', '1')).toBe(-1);
});
