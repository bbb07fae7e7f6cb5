#!/usr/bin/env node
// `npx lanterne pack …`: runs the pack tool from the sources (through tsx) in a checkout,
// or from the built `dist/` on an installed box.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);

if (command !== 'pack') {
  process.stderr.write('Usage : lanterne pack <init|build|verify|keygen|sign> …\n');
  process.exit(command === undefined || command === 'help' || command === '--help' ? 0 : 2);
}

const source = path.join(root, 'src', 'server', 'packs', 'cli.ts');
const built = path.join(root, 'dist', 'server', 'packs', 'cli.js');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const argv = existsSync(source) && existsSync(tsx) ? [tsx, source, ...args] : [built, ...args];
const result = spawnSync(process.execPath, argv, { stdio: 'inherit' });
process.exit(result.status ?? 1);
