import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivePackUpload, uploadsDir } from '../../src/server/packs/upload.js';
import { generateSigningKey, signManifest } from '../../src/server/packs/trust/signature.js';
import { usbService, type UsbService } from '../../src/server/packs/watch/service.js';
import type { QueueEntry } from '../../src/server/packs/watch/queue.js';
import { csrfOf, setUpAdmin } from '../admin/http.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { manifestOf, rawZip, simplePack, writePack, zipFolder } from './fixtures/packs.js';
import { waitForEntry } from './usb/helpers.js';

/**
 * A pack sent from the admin page goes through the same queue, checks and admission
 * rule as a stick's: these tests post real multipart forms to a running box.
 */
let box: TestBox;
let url: string;
let cookie: string;
let service: UsbService;

beforeEach(async () => {
  box = makeTestBox();
  url = (await box.listen()).url;
  service = usbService(box.ctx);
  ({ cookie } = await setUpAdmin(box, url));
});
afterEach(async () => {
  await service.idle();
  await box.cleanup();
});

async function token(): Promise<string> {
  const page = await fetch(`${url}/admin/packs`, { headers: { cookie } });
  const html = await page.text();
  const action = /action="\/admin\/packs\/upload\?_csrf=([^"]+)"/.exec(html);
  expect(action, 'the upload form carries the token in its action').not.toBeNull();
  expect(decodeURIComponent(action?.[1] ?? '')).toBe(csrfOf(html));
  return action?.[1] ?? '';
}

async function upload(
  bytes: Buffer,
  name = 'contes.zip',
  csrf?: string,
): Promise<{ status: number; location: string | null; body: string }> {
  const form = new FormData();
  form.append('pack', new Blob([new Uint8Array(bytes)], { type: 'application/zip' }), name);
  const res = await fetch(`${url}/admin/packs/upload?_csrf=${csrf ?? (await token())}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { cookie, origin: url },
  });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

function zipOf(spec: Parameters<typeof writePack>[1], sign?: string): Buffer {
  const dir = mkdtempSync(path.join(box.dir, 'pack-'));
  writePack(dir, spec);
  const zip = zipFolder(dir);
  if (!sign) return zip;
  const manifest = Buffer.from(JSON.stringify(manifestOf(spec), null, 2));
  return rawZip([
    { name: 'lanterne-pack.json', data: manifest },
    { name: 'lanterne-pack.sig', data: Buffer.from(signManifest(manifest, sign)) },
    ...spec.items.flatMap((i) =>
      i.files.map((f) => ({ name: f.path, data: Buffer.from(f.content) })),
    ),
  ]);
}

const settled = (e: QueueEntry) =>
  e.source.origin === 'upload' && !['checking', 'queued', 'importing'].includes(e.state);
const packIds = () => box.ctx.catalogue.repo.listPacks().map((p) => `${p.id}@${p.version}`);

describe('uploading a pack from the admin page', () => {
  it('an unsigned pack is received, waits for approval like a stick’s, then imports', async () => {
    const reply = await upload(zipOf(simplePack(3, { id: 'contes' })));
    expect(reply.status).toBe(303);
    expect(reply.location).toBe('/admin/packs?msg=uploaded');
    const entry = await waitForEntry(service.queue, settled);
    expect(entry.state).toBe('waiting');
    expect(entry.stickLabel).toContain('contes.zip');
    expect(entry.summary).toMatchObject({ id: 'contes', itemCount: 3, signature: 'none' });
    const page = await (await fetch(`${url}/admin/packs`, { headers: { cookie } })).text();
    expect(page).toContain('Envoyé depuis un ordinateur (contes.zip)');
    expect(service.approve(entry.key)).toBe(true);
    await waitForEntry(service.queue, (e) => e.key === entry.key && e.state === 'imported');
    await service.idle();
    expect(packIds()).toEqual(['contes@1.0.0']);
    // The zip is not kept once imported.
    expect(readdirSync(uploadsDir(box.ctx))).toEqual([]);
  });

  it('a pack signed by a trusted key imports by itself', async () => {
    const key = generateSigningKey();
    service.trust.add('Réseau', key.publicKey);
    await upload(zipOf(simplePack(2, { id: 'signe' }), key.privateKeyPem));
    const entry = await waitForEntry(
      service.queue,
      (e) => e.source.origin === 'upload' && e.state === 'imported',
    );
    expect(entry.automatic).toBe(true);
    expect(packIds()).toEqual(['signe@1.0.0']);
  });

  it('the admission rule holds for uploads: same version, other content → refused at once', async () => {
    await upload(zipOf(simplePack(2, { id: 'meme' })));
    const first = await waitForEntry(service.queue, settled);
    service.approve(first.key);
    await waitForEntry(service.queue, (e) => e.key === first.key && e.state === 'imported');
    await service.idle();
    const states: string[] = [];
    service.queue.onChange((e) => {
      if (e.key !== first.key) states.push(e.state);
    });
    await upload(zipOf(simplePack(2, { id: 'meme', tag: ' autre' })), 'autre.zip');
    const second = await waitForEntry(service.queue, (e) => e.key !== first.key && settled(e));
    expect(second.state).toBe('rejected');
    expect(second.problems.map((p) => p.code)).toEqual(['version-conflict']);
    expect(states).not.toContain('waiting');
  });

  it('a hostile archive is refused with the same French problem as from a stick', async () => {
    const manifest = Buffer.from(
      JSON.stringify(
        manifestOf({ id: 'x', items: [{ id: 'a', files: [{ path: 'a.epub', content: 'a' }] }] }),
      ),
    );
    await upload(
      rawZip([
        { name: 'lanterne-pack.json', data: manifest },
        { name: 'a.epub', data: Buffer.from('a') },
        { name: 'a.epub', data: Buffer.from('b') },
      ]),
    );
    const entry = await waitForEntry(service.queue, settled);
    expect(entry.state).toBe('rejected');
    expect(entry.problems[0]?.code).toBe('zip-duplicate-entry');
    expect(JSON.stringify(entry.problems)).not.toContain(box.ctx.paths.dataDir);
    await service.idle();
    expect(readdirSync(uploadsDir(box.ctx))).toEqual([]);
  });

  it('a zip without a manifest is said so (not silently dropped as on a stick)', async () => {
    await upload(rawZip([{ name: 'photo.jpg', data: Buffer.from('x') }]), 'photos.zip');
    const entry = await waitForEntry(service.queue, settled);
    expect(entry.state).toBe('rejected');
    expect(entry.problems[0]?.code).toBe('missing-manifest');
  });

  it('a file that is not a zip is refused on the page, in French, and nothing is kept', async () => {
    const reply = await upload(Buffer.from('%PDF-1.7 pas un zip'), 'livre.pdf');
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('n’est pas une archive .zip');
    expect(reply.body).not.toContain(box.ctx.paths.dataDir);
    expect(service.queue.list()).toEqual([]);
    expect(readdirSync(uploadsDir(box.ctx))).toEqual([]);
  });

  it('is CSRF-protected like every admin form (no token, wrong token, other site)', async () => {
    const bytes = zipOf(simplePack(1, { id: 'csrf' }));
    expect((await upload(bytes, 'a.zip', 'faux')).status).toBe(403);
    const form = new FormData();
    form.append('pack', new Blob([new Uint8Array(bytes)]), 'a.zip');
    const noToken = await fetch(`${url}/admin/packs/upload`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { cookie, origin: url },
    });
    expect(noToken.status).toBe(403);
    const crossSite = await fetch(`${url}/admin/packs/upload?_csrf=${await token()}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { cookie, origin: 'http://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const anonymous = await fetch(`${url}/admin/packs/upload`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { origin: url },
    });
    expect(anonymous.status).toBe(302);
    await service.idle();
    expect(service.queue.list()).toEqual([]);
    expect(existsSync(uploadsDir(box.ctx)) ? readdirSync(uploadsDir(box.ctx)) : []).toEqual([]);
  });
});

describe('upload size limits', () => {
  const multipart = (bytes: Buffer, chunked: boolean) => {
    const boundary = 'XyZ';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="pack"; filename="gros.zip"\r\nContent-Type: application/zip\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers: Record<string, string> = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    };
    if (!chunked) headers['content-length'] = String(body.length);
    return {
      headers,
      body: new Blob([new Uint8Array(body)]).stream() as ReadableStream<Uint8Array>,
    };
  };

  for (const chunked of [false, true]) {
    it(`refuses a file over the cap, ${chunked ? 'sent without a length' : 'by its announced length'}`, async () => {
      const zip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(100_000)]);
      const result = await receivePackUpload(box.ctx, service, multipart(zip, chunked), 70_000);
      expect(result).toMatchObject({ ok: false, status: 413 });
      expect(!result.ok && result.message).toMatch(/^Ce fichier est trop gros .*au plus 0,1 Mo/);
      expect(readdirSync(uploadsDir(box.ctx))).toEqual([]);
      expect(service.queue.list()).toEqual([]);
    });
  }

  it('accepts the same file under the cap', async () => {
    const zip = zipOf(simplePack(4, { id: 'gros', size: 20_000 }));
    const result = await receivePackUpload(box.ctx, service, multipart(zip, true), 200_000);
    expect(result.ok).toBe(true);
    await waitForEntry(service.queue, settled);
  });
});
