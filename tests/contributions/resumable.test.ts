import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRIBUTION_LIMITS } from '../../src/server/contributions/limits.js';
import { CONTRIBUTIONS } from '../../src/server/contributions/service.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { ANSWERS, exifTags, gpsJpeg, revealingTags } from './helpers.js';

// A phone on weak Wi-Fi sends its file piece by piece with the tus protocol (the real
// @tus/server behind /contribuer/envoi), loses the connection, asks where it stopped,
// sends the rest, then posts the form that names the upload.
let box: TestBox;
let base: string;

beforeEach(async () => {
  box = makeTestBox();
  base = (await box.listen()).url.replace(/\/$/, '');
});
afterEach(() => box.cleanup());

const TUS = { 'tus-resumable': '1.0.0' };
const uploadsDir = () => path.join(box.ctx.paths.dataDir, 'contributions-envois');
const uploads = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);
const quarantine = () => {
  const dir = path.join(box.ctx.paths.dataDir, 'contributions');
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function create(size: number, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/contribuer/envoi`, {
    method: 'POST',
    headers: { ...TUS, 'upload-length': String(size), ...headers },
  });
}

function patch(location: string, offset: number, data: Buffer): Promise<Response> {
  return fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: {
      ...TUS,
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(data),
  });
}

/** Sends the head of a PATCH and `part` of its body, then cuts the connection. */
function cutPatch(location: string, offset: number, whole: Buffer, part: number): Promise<void> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `PATCH ${location} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTus-Resumable: 1.0.0\r\n` +
          `Upload-Offset: ${offset}\r\nContent-Type: application/offset+octet-stream\r\n` +
          `Content-Length: ${whole.length}\r\n\r\n`,
      );
      socket.write(whole.subarray(0, part), () => setTimeout(() => socket.destroy(), 200));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

async function offsetOf(location: string): Promise<number> {
  const head = await fetch(`${base}${location}`, { method: 'HEAD', headers: TUS });
  expect(head.status).toBe(200);
  return Number(head.headers.get('upload-offset'));
}

function proposeNaming(id: string, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  form.set('envoi', id);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(`${base}/contribuer`, { method: 'POST', body: form });
}

describe('resumable proposals (tus)', () => {
  it('resumes after a cut connection, and the proposal goes through the usual checks', async () => {
    const photo = await gpsJpeg(400, 300);
    const created = await create(photo.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/contribuer\/envoi\/[0-9a-f]{32}$/);
    const id = location.split('/').pop() ?? '';

    const half = Math.floor(photo.length / 2);
    await cutPatch(location, 0, photo, half);
    // The box keeps what arrived before the cut (asked until the store has written it).
    let offset = 0;
    for (let i = 0; i < 50 && offset === 0; i++) {
      offset = await offsetOf(location);
      if (offset === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(half);

    const rest = await patch(location, offset, photo.subarray(offset));
    expect(rest.status).toBe(204);
    expect(Number(rest.headers.get('upload-offset'))).toBe(photo.length);

    // A form with a mistake keeps naming the upload: the phone does not send it again.
    const refused = await proposeNaming(id, { title: '', author: 'Zaza', ...ANSWERS });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(`name="envoi" value="${id}"`);
    expect(page).toContain('déjà arrivé sur la boîte');

    const done = await proposeNaming(id, { title: 'Le lavoir', author: 'Zaza', ...ANSWERS });
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/[A-Z0-9]{5}-[A-Z0-9]{5}/);
    const waiting = box.ctx.services.get(CONTRIBUTIONS).waiting();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.kind).toBe('image');
    // Re-encoded like any proposed photo: no GPS, no name, checked with exiftool.
    const stored = box.ctx.services.get(CONTRIBUTIONS).fileOf(waiting[0]!);
    expect(revealingTags(exifTags(stored))).toEqual([]);
    // The pieces are gone once the proposal is in quarantine.
    expect(uploads().filter((f) => f.startsWith(id))).toEqual([]);
    expect(quarantine()).toHaveLength(1);
  });

  it('refuses a file over the limit, a cross-site upload and a flood, in French', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).maxFileBytes = 10_000;
    const big = await create(20_000);
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('trop gros');

    const cross = await create(100, { 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);

    box.ctx.services.get(CONTRIBUTION_LIMITS).perDevicePerHour = 0;
    const flood = await create(100);
    expect(flood.status).toBe(429);
    expect(await flood.text()).toContain('réessayez dans une heure');
    expect(uploads()).toEqual([]);
  });

  it('refuses an upload that would fill the quota, before any byte is sent', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).quotaBytes = 1000;
    const full = await create(5000);
    expect(full.status).toBe(507);
    expect(await full.text()).toContain('beaucoup d’œuvres à examiner');
  });

  it('a form naming an unknown or unfinished upload says so and keeps what was typed', async () => {
    const created = await create(1000);
    const id = (created.headers.get('location') ?? '').split('/').pop() ?? '';
    await patch(`/contribuer/envoi/${id}`, 0, Buffer.alloc(300, 'a'));
    for (const name of [id, '0'.repeat(32), '../../etc/passwd']) {
      const reply = await proposeNaming(name, { title: 'Le lavoir', author: 'Zaza', ...ANSWERS });
      expect(reply.status).toBe(400);
      const html = await reply.text();
      expect(html).toContain('n’est plus sur la boîte');
      expect(html).toContain('value="Le lavoir"');
    }
    expect(box.ctx.services.get(CONTRIBUTIONS).waiting()).toEqual([]);
  });
});
