import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/packs/cli.js';
import { verifyPack } from '../../../src/server/packs/tool/verify.js';
import { writePack } from '../usb/helpers.js';

let dir: string;
let pack: string;
let out: string[];
let err: string[];

async function cli(...args: string[]): Promise<number> {
  out = [];
  err = [];
  return runCli(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lanterne-sign-'));
  pack = path.join(dir, 'pack');
  writePack(pack, { id: 'signe', sizes: [500] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lanterne pack keygen / sign / verify', () => {
  it('makes a key pair, signs a pack, and the box trusts it only with the public key', async () => {
    const keyFile = path.join(dir, 'editeur.key');
    expect(await cli('keygen', '--out', keyFile)).toBe(0);
    const publicKey = out.at(-1) ?? '';
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(path.join(dir, 'editeur.pub'), 'utf8').trim()).toBe(publicKey);
    expect(await cli('keygen', '--out', keyFile)).toBe(1); // never overwrites a key
    expect(err.join('\n')).toMatch(/existe déjà/);

    expect(await cli('sign', pack, '--key', keyFile)).toBe(0);
    const trusted = await verifyPack(pack, { trustedKeys: [{ name: 'Éditeur', publicKey }] });
    expect(trusted).toMatchObject({ ok: true, signature: 'valid', signer: 'Éditeur' });
    expect((await verifyPack(pack)).signature).toBe('untrusted');
    expect(await cli('verify', pack)).toBe(0);
    expect(out.join('\n')).toMatch(/signé, par une clé que cette machine ne connaît pas/);
  });

  it('reports a manifest changed after signing as an invalid signature (exit 1)', async () => {
    const file = path.join(pack, 'lanterne-pack.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Pack signe', 'Pack modifié'));
    expect((await verifyPack(pack)).signature).toBe('invalid');
    expect(await cli('verify', pack)).toBe(1);
    expect(err.join('\n')).toMatch(/SIGNATURE INVALIDE/);
  });
});
