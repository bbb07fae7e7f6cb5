import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRIBUTION_LIMITS } from '../../src/server/contributions/limits.js';
import { CONTRIBUTIONS } from '../../src/server/contributions/service.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { ANSWERS, exifTags, gpsJpeg, proposalForm, revealingTags } from './helpers.js';

let box: TestBox;
let base: string;

beforeEach(async () => {
  box = makeTestBox();
  const server = await box.listen();
  base = server.url.replace(/\/$/, '');
});
afterEach(() => box.cleanup());

const quarantine = () => path.join(box.ctx.paths.dataDir, 'contributions');
const quarantineFiles = () => (existsSync(quarantine()) ? readdirSync(quarantine()) : []);

async function propose(fields: Record<string, string>, file?: Parameters<typeof proposalForm>[1]) {
  const reply = await fetch(`${base}/contribuer`, {
    method: 'POST',
    body: proposalForm(fields, file),
  });
  return { status: reply.status, html: await reply.text() };
}

const good = { title: 'Le lavoir', author: 'Zaza', description: 'Au petit matin', ...ANSWERS };

describe('proposing a work', () => {
  it('is offered from the home page, in either language', async () => {
    expect(await (await fetch(`${base}/fr`)).text()).toContain('href="/fr/contribuer"');
    for (const p of ['/contribuer', '/fr/contribuer', '/en/contribuer']) {
      const reply = await fetch(`${base}${p}`);
      expect(reply.status).toBe(200);
      const html = await reply.text();
      expect(html).toContain('<html lang="fr"');
      expect(html).toContain('action="/contribuer"');
    }
  });

  it('keeps a GPS-tagged photo in quarantine without any metadata, and gives a receipt code', async () => {
    const photo = await gpsJpeg();
    const original = path.join(box.dir, 'original.jpg');
    writeFileSync(original, photo);
    expect(revealingTags(exifTags(original)).length).toBeGreaterThan(0);

    const { status, html } = await propose(good, {
      name: 'IMG_0001.jpg',
      data: photo,
      type: 'image/jpeg',
    });
    expect(status).toBe(200);
    const code = /class="receipt-code"[^>]*>([A-Z0-9-]+)</.exec(html)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(html).toContain('CC BY-SA');

    const files = quarantineFiles();
    expect(files).toHaveLength(1);
    const stored = path.join(quarantine(), files[0] ?? '');
    expect(files[0]).toMatch(/^contribution-\d{8}-[0-9a-f]{10}\.jpg$/);
    expect(revealingTags(exifTags(stored))).toEqual([]);

    // Only the hash of the code is kept; nothing about the device.
    const columns = (
      box.ctx.db.prepare('PRAGMA table_info(contributions)').all() as Array<{ name: string }>
    ).map((c) => c.name);
    expect(columns.filter((c) => /^(ip|address|client|device|.*agent.*)$/i.test(c))).toEqual([]);
    const dump = JSON.stringify(box.ctx.db.prepare('SELECT * FROM contributions').all());
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace('-', ''));
    expect(dump).not.toContain('127.0.0.1');

    const lookup = await fetch(`${base}/contribuer/suivi`, {
      method: 'POST',
      body: new URLSearchParams({ code: code.toLowerCase() }),
    });
    expect(await lookup.text()).toContain('En attente');
  });

  it('tells a captive mini-browser to open the real browser', async () => {
    const ua =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
    const captive = await (
      await fetch(`${base}/contribuer`, { headers: { 'user-agent': ua } })
    ).text();
    expect(captive).toContain('Cette petite fenêtre de connexion');
    expect(captive).toContain(`${box.ctx.config.publicUrl.replace(/\/$/, '')}/contribuer`);
    const safari = await (
      await fetch(`${base}/contribuer`, { headers: { 'user-agent': `${ua} Safari/604.1` } })
    ).text();
    expect(safari).not.toContain('Cette petite fenêtre de connexion');
  });

  it('says in French what is missing and keeps what was typed', async () => {
    const { status, html } = await propose(
      { title: '', author: 'Zaza « la grande »', description: 'Mon texte', credit: 'name' },
      undefined,
    );
    expect(status).toBe(400);
    expect(html).toContain('Donnez un titre à votre œuvre.');
    expect(html).toContain('Cochez cette case si vous êtes l’auteur');
    expect(html).toContain('Choisissez un fichier à proposer');
    expect(html).toContain('Dites si l’on peut modifier votre œuvre.');
    expect(html).toContain('value="Zaza « la grande »"');
    expect(html).toContain('>Mon texte</textarea>');
    expect(html).toMatch(/value="name" checked/);
    expect(quarantineFiles()).toEqual([]);
  });

  it('accepts a typed text and gives NC only when the box allows it', async () => {
    const nc = await propose({ ...good, commercial: 'no', text: 'Un poème.' });
    expect(nc.status).toBe(400);
    expect(nc.html).toContain('ne publie que des œuvres libres');
    const ok = await propose({ ...good, text: 'Un poème.' });
    expect(ok.status).toBe(200);
    const [c] = box.ctx.services.get(CONTRIBUTIONS).waiting();
    expect(c?.kind).toBe('text');
    expect(c?.licence).toBe('CC-BY-SA-4.0');
  });

  const hostile: Array<[string, Buffer | Promise<Buffer>, RegExp]> = [
    [
      'a Windows program',
      Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]),
      /programmes ne sont pas acceptés/,
    ],
    [
      'an ELF program',
      Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(200)]),
      /programmes ne sont pas acceptés/,
    ],
    [
      'an SVG with a script',
      Buffer.from(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      /SVG ne sont pas acceptées/,
    ],
    [
      'a JPEG with a ZIP after it',
      gpsJpeg().then((j) =>
        Buffer.concat([j, Buffer.from('PK\x03\x04\x14\x00rest-of-zip', 'latin1')]),
      ),
      /polyglotte/,
    ],
    [
      'a JPEG with a script inside',
      gpsJpeg().then((j) => Buffer.concat([j, Buffer.from('<script>alert(1)</script>')])),
      /polyglotte/,
    ],
    [
      'a PDF that runs JavaScript',
      Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF',
      ),
      /scripts ou des pièces jointes/,
    ],
    ['a web page as text', Buffer.from('<html><body onload="x()">hi</body></html>'), /pages web/],
    [
      'unknown bytes',
      Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]),
      /type de fichier n’est pas accepté/,
    ],
  ];
  for (const [name, data, message] of hostile) {
    it(`refuses ${name} with a message and leaves nothing behind`, async () => {
      const { status, html } = await propose(good, {
        name: 'photo.jpg',
        data: await data,
        type: 'image/jpeg',
      });
      expect(status).toBe(400);
      expect(html).toMatch(message);
      expect(html).toContain('value="Le lavoir"');
      expect(quarantineFiles()).toEqual([]);
      expect(box.ctx.services.get(CONTRIBUTIONS).waiting()).toEqual([]);
    });
  }

  it('never uses the visitor’s file name (control characters, slashes)', async () => {
    const { status } = await propose(good, {
      name: '../../evil\u0007\u001b[31m.txt',
      data: Buffer.from('Un texte simple.\n'),
    });
    expect(status).toBe(200);
    const files = quarantineFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^contribution-\d{8}-[0-9a-f]{10}\.txt$/);
    expect(readdirSync(box.ctx.paths.dataDir).some((f) => f.includes('evil'))).toBe(false);
  });

  it('refuses a file over the size limit, declared or not', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).maxFileBytes = 10_000;
    const big = Buffer.alloc(20_000, 'a');
    // In the page the file field comes before the title: the browser sends it first.
    const body = new FormData();
    body.set('file', new Blob([new Uint8Array(big)], { type: 'text/plain' }), 'long.txt');
    for (const [k, v] of Object.entries(good)) body.set(k, v);
    const reply = await fetch(`${base}/contribuer`, { method: 'POST', body });
    const declared = { status: reply.status, html: await reply.text() };
    expect(declared.status).toBe(413);
    expect(declared.html).toContain('trop gros');
    // What was typed comes back, although it was sent after the file (the file is drained).
    expect(declared.html).toContain('value="Le lavoir"');
    expect(quarantineFiles()).toEqual([]);
  });

  it('refuses at once a body declared bigger than the limit, without reading it', async () => {
    const { port } = new URL(base);
    const started = Date.now();
    const head = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let reply = '';
      socket.on('connect', () =>
        socket.write(
          `POST /contribuer HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000000\r\n\r\n--b`,
        ),
      );
      socket.on('data', (d: Buffer) => {
        reply += d.toString('utf8');
        if (reply.includes('</html>')) socket.destroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(reply));
    });
    expect(head.split('\r\n')[0]).toContain('413');
    expect(head).toContain('trop gros pour la boîte');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(quarantineFiles()).toEqual([]);
  });

  it('limits the proposals of one device per hour, in memory', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).perDevicePerHour = 2;
    for (let i = 0; i < 2; i += 1)
      expect((await propose({ ...good, text: `Texte ${i}` })).status).toBe(200);
    const third = await propose({ ...good, text: 'Texte 3' });
    expect(third.status).toBe(429);
    expect(third.html).toContain('réessayez dans une heure');
    // Refused before the proposal was read, the form still holds what was typed.
    expect(third.html).toMatch(/<textarea[^>]*name="text"[^>]*>Texte 3</);
    expect(third.html).toContain('value="Le lavoir"');
    expect(quarantineFiles()).toHaveLength(2);
  });

  it('refuses in French when waiting proposals near the quota', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).quotaBytes = 100;
    expect((await propose({ ...good, text: 'a'.repeat(94) })).status).toBe(200);
    const second = await propose({ ...good, text: 'b'.repeat(3) });
    expect(second.status).toBe(507);
    expect(second.html).toContain('beaucoup d’œuvres à examiner');
    expect(second.html).toMatch(/<textarea[^>]*name="text"[^>]*>bbb</);
    expect(quarantineFiles()).toHaveLength(1);
    const form = await fetch(`${base}/contribuer`);
    expect(await form.text()).toContain('beaucoup d’œuvres à examiner');
  });

  it('reads only a few uploads at once, and says so', async () => {
    box.ctx.services.get(CONTRIBUTION_LIMITS).concurrentUploads = 1;
    const service = box.ctx.services.get(CONTRIBUTIONS);
    expect(service.beginUpload()).toBe(true);
    const busy = await propose({ ...good, text: 'Texte' });
    expect(busy.status).toBe(503);
    expect(busy.html).toContain('réessayez dans une minute');
    expect(busy.html).toContain('value="Le lavoir"');
    expect(busy.html).toContain('value="Zaza"');
    service.endUpload();
    expect((await propose({ ...good, text: 'Texte' })).status).toBe(200);
  });

  it('cuts a body that stops arriving, and one that never ends', async () => {
    const limits = box.ctx.services.get(CONTRIBUTION_LIMITS);
    limits.idleMs = 300;
    limits.totalMs = 1500;
    limits.maxFileBytes = 50_000;
    const { port } = new URL(base);
    const send = (trickle: boolean) =>
      new Promise<{ head: string; ms: number }>((resolve, reject) => {
        const started = Date.now();
        const socket = net.connect(Number(port), '127.0.0.1');
        let reply = '';
        let timer: NodeJS.Timeout | undefined;
        socket.on('connect', () => {
          socket.write(
            `POST /contribuer HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n`,
          );
          socket.write('5\r\n--b\r\n\r\n');
          if (trickle) timer = setInterval(() => socket.write('1\r\na\r\n'), 100);
        });
        socket.on('data', (d) => (reply += d.toString('latin1')));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ head: reply.split('\r\n')[0] ?? '', ms: Date.now() - started });
        });
        setTimeout(() => reject(new Error('never answered')), 8000).unref();
      });
    const silent = await send(false);
    expect(silent.head).toContain('408');
    expect(silent.ms).toBeLessThan(4000);
    const endless = await send(true);
    expect(endless.head).toContain('408');
    expect(endless.ms).toBeLessThan(5000);
    expect(quarantineFiles()).toEqual([]);
  });
});

describe('the cross-site check on the public forms', () => {
  const post = (p: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${base}${p}`, { method: 'POST', body, headers });

  it('refuses a proposal posted from another site, and files nothing', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
    ]) {
      const reply = await post(
        '/contribuer',
        proposalForm({ ...good, text: 'Un poème.' }),
        headers,
      );
      expect(reply.status).toBe(403);
      expect(await reply.text()).toContain('envoyé depuis un autre site');
    }
    expect(quarantineFiles()).toEqual([]);
    expect(box.ctx.services.get(CONTRIBUTIONS).repo.waiting().length).toBe(0);
  });

  it('accepts the box’s own pages, and clients that send neither header', async () => {
    const host = new URL(base).host;
    for (const headers of [
      { 'sec-fetch-site': 'same-origin', origin: `http://${host}` },
      { origin: `http://${host}` },
      { origin: 'null' },
      {},
    ]) {
      const text = `Texte ${Object.keys(headers).join(' ')}`;
      const reply = await post('/contribuer', proposalForm({ ...good, text }), headers);
      expect(reply.status).toBe(200);
      expect(await reply.text()).toContain('receipt-code');
    }
  });

  it('refuses a receipt look-up and a thank-you from another site', async () => {
    const lookup = await post('/contribuer/suivi', new URLSearchParams({ code: 'K7QX2-MHT9A' }), {
      'sec-fetch-site': 'cross-site',
    });
    expect(lookup.status).toBe(403);
    expect(await lookup.text()).toContain('envoyé depuis un autre site');
    const thanks = await post('/contribuer/merci', new URLSearchParams({ oeuvre: 'x' }), {
      origin: 'http://evil.example',
    });
    expect(thanks.status).toBe(403);
  });
});
