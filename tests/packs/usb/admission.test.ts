import path from 'node:path';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admit } from '../../../src/server/packs/admission.js';
import { importPack } from '../../../src/server/packs/import.js';
import { signatureChecker } from '../../../src/server/packs/trust/checker.js';
import { generateSigningKey } from '../../../src/server/packs/trust/signature.js';
import type { UsbService } from '../../../src/server/packs/watch/service.js';
import type { QueueEntry } from '../../../src/server/packs/watch/queue.js';
import type { TestBox } from '../../helpers/box.js';
import {
  plugStick,
  signPack,
  waitForEntry,
  writePack,
  type PackSpec,
  startUsbBox,
  stopUsbBox,
  type UsbBox,
} from './helpers.js';

let box: TestBox;
let service: UsbService;
let media: string;
let usb: UsbBox;

beforeEach(async () => {
  usb = await startUsbBox();
  ({ box, service, media } = usb);
});

afterEach(async () => stopUsbBox(usb));

const packIds = () => box.ctx.catalogue.repo.listPacks().map((p) => `${p.id}@${p.version}`);
const settled = (id: string) => (e: QueueEntry) =>
  e.summary?.id === id && !['checking', 'queued', 'importing'].includes(e.state);

/** Plugs a stick holding one pack (signed with `key` when given), waits for its verdict. */
async function plug(label: string, spec: PackSpec, key?: string): Promise<QueueEntry> {
  const stick = plugStick(media, label, (root) => {
    const manifest = writePack(root, spec);
    if (key) signPack(root, manifest, key);
  });
  const entry = await waitForEntry(
    service.queue,
    (e) => e.stickLabel === label && settled(spec.id)(e),
  );
  await service.idle();
  rmSync(stick, { recursive: true });
  return service.queue.get(entry.key) ?? entry;
}

/** The states the queue went through for one pack id (to prove "waiting" never showed). */
function statesOf(id: string): string[] {
  const seen: string[] = [];
  service.queue.onChange((e) => {
    if (e.summary?.id === id) seen.push(e.state);
  });
  return seen;
}

describe('one admission rule: the USB queue shows the final verdict', () => {
  it('a same-version pack with another manifest is refused at once, never offered for approval', async () => {
    const first = plugStick(media, 'UN', (root) => writePack(root, { id: 'contes' }));
    const waiting = await waitForEntry(service.queue, (e) => e.state === 'waiting');
    service.approve(waiting.key);
    await waitForEntry(service.queue, (e) => e.state === 'imported');
    await service.idle();
    rmSync(first, { recursive: true });
    const seen = statesOf('contes');
    plugStick(media, 'DEUX', (root) =>
      writePack(root, { id: 'contes', title: 'Autre contenu', sizes: [50] }),
    );
    const entry = await waitForEntry(
      service.queue,
      (e) => e.stickLabel === 'DEUX' && settled('contes')(e),
    );
    await service.idle();
    expect(entry.state).toBe('rejected');
    expect(entry.problems.map((p) => p.code)).toEqual(['version-conflict']);
    expect(entry.message).not.toMatch(/approuvez/i);
    expect(seen).not.toContain('waiting');
    expect(service.approve(entry.key)).toBe(false);
    expect(packIds()).toEqual(['contes@1.0.0']);
  });

  it('a pack taking a reserved id is refused at once, even signed by a trusted key', async () => {
    const key = generateSigningKey();
    service.trust.add('Réseau', key.publicKey);
    const seen = statesOf('pack-local');
    const entry = await plug('RESERVE', { id: 'pack-local' }, key.privateKeyPem);
    expect(entry.problems.map((p) => p.code)).toEqual(['reserved-id']);
    expect(seen).not.toContain('waiting');
    expect(seen).not.toContain('importing');
    expect(packIds()).toEqual([]);
  });

  it('a pack id belongs to the key that first installed it: another trusted key waits, explained', async () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    service.trust.add('Réseau A', a.publicKey);
    service.trust.add('Éditeur B', b.publicKey);
    const v1 = await plug('A1', { id: 'fables', version: '1.0.0' }, a.privateKeyPem);
    expect(v1.state).toBe('imported');
    expect(packIds()).toEqual(['fables@1.0.0']);
    expect(box.ctx.packOwners.list('fables').map((o) => o.publicKey)).toEqual([a.publicKey]);

    // Before: B's newer version replaced A's silently.
    const stick = plugStick(media, 'B2', (root) =>
      signPack(root, writePack(root, { id: 'fables', version: '2.0.0' }), b.privateKeyPem),
    );
    const waiting = await waitForEntry(
      service.queue,
      (e) => e.stickLabel === 'B2' && settled('fables')(e),
    );
    await service.idle();
    expect(waiting.state).toBe('waiting');
    expect(waiting.message).toContain('« Éditeur B »');
    expect(waiting.message).toContain('« Réseau A »');
    expect(packIds()).toEqual(['fables@1.0.0']);
    // Approving links B to the pack.
    expect(service.approve(waiting.key)).toBe(true);
    await waitForEntry(service.queue, (e) => e.key === waiting.key && e.state === 'imported');
    await service.idle();
    rmSync(stick, { recursive: true });
    expect(packIds()).toEqual(['fables@2.0.0']);
    expect(
      box.ctx.packOwners
        .list('fables')
        .map((o) => o.publicKey)
        .sort(),
    ).toEqual([a.publicKey, b.publicKey].sort());
    // Now both keys update it by themselves.
    await plug('B3', { id: 'fables', version: '3.0.0' }, b.privateKeyPem);
    await plug('A4', { id: 'fables', version: '4.0.0' }, a.privateKeyPem);
    expect(packIds()).toEqual(['fables@4.0.0']);
  });

  it('a pack installed without a trusted signature is not taken over by a trusted key silently', async () => {
    const key = generateSigningKey();
    service.trust.add('Réseau', key.publicKey);
    const stick = plugStick(media, 'NU', (root) => writePack(root, { id: 'chants' }));
    const waiting = await waitForEntry(service.queue, settled('chants'));
    service.approve(waiting.key);
    await waitForEntry(service.queue, (e) => e.state === 'imported');
    await service.idle();
    rmSync(stick, { recursive: true });
    plugStick(media, 'SIGNE', (root) =>
      signPack(root, writePack(root, { id: 'chants', version: '2.0.0' }), key.privateKeyPem),
    );
    const next = await waitForEntry(
      service.queue,
      (e) => e.stickLabel === 'SIGNE' && settled('chants')(e),
    );
    expect(next.state).toBe('waiting');
    expect(next.message).toMatch(/installée sans signature de confiance/);
    expect(packIds()).toEqual(['chants@1.0.0']);
  });

  it('the import applies the same rule: without approval, another key’s version is refused', async () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    service.trust.add('A', a.publicKey);
    service.trust.add('B', b.publicKey);
    await plug('A1', { id: 'recits' }, a.privateKeyPem);
    const dir = path.join(box.dir, 'b2');
    signPack(dir, writePack(dir, { id: 'recits', version: '2.0.0' }), b.privateKeyPem);
    const outcome = await importPack(
      box.ctx,
      { kind: 'folder', path: dir, origin: 'usb' },
      { checkSignature: signatureChecker(service.trust.list()), approval: {} },
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.problems[0]?.code).toBe('needs-approval');
    // An approval is of one manifest: another one's does not count.
    const elsewhere = await importPack(
      box.ctx,
      { kind: 'folder', path: dir, origin: 'usb' },
      {
        checkSignature: signatureChecker(service.trust.list()),
        approval: { manifestSha256: '0'.repeat(64) },
      },
    );
    expect(elsewhere.status).toBe('rejected');
    expect(packIds()).toEqual(['recits@1.0.0']);
  });
});

it('a pack the box has no room for is refused at once, not after an approval', async () => {
  const seen = statesOf('enorme');
  const huge = 10 * 1024 ** 4; // a sparse 10 TiB file: its size is real, its blocks are not
  plugStick(media, 'ENORME', (root) => {
    writePack(root, { id: 'enorme' });
    truncateSync(path.join(root, 'livres', 'oeuvre-1.txt'), huge);
    const file = path.join(root, 'lanterne-pack.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"size": 100', `"size": ${huge}`));
  });
  const entry = await waitForEntry(service.queue, settled('enorme'));
  await service.idle();
  expect(entry.state).toBe('rejected');
  expect(entry.problems.map((p) => p.code)).toEqual(['disk-full']);
  expect(seen).not.toContain('waiting');
});

describe('the rule itself', () => {
  const base = {
    id: 'p',
    version: '1.0.0',
    manifestSha256: 'x',
    origin: 'usb' as const,
    signature: 'none' as const,
  };
  const installed = { version: '1.0.0', manifestSha256: 'y', intact: true, owners: [] };
  it('lets the box rebuild its own packs at the same version, never a stick or an upload', () => {
    expect(admit({ ...base, origin: 'bundled' }, installed).kind).toBe('admissible');
    expect(admit({ ...base, origin: 'local' }, installed).kind).toBe('admissible');
    expect(admit(base, installed).kind).toBe('refused');
    expect(admit({ ...base, origin: 'upload' }, installed).kind).toBe('refused');
  });
  it('reinstalls a same-version pack whose folder vanished', () => {
    expect(admit(base, { ...installed, intact: false }).kind).toBe('admissible');
  });
});
