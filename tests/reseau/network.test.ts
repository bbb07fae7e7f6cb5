import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../src/server/packs/import.js';
import { signatureChecker } from '../../src/server/packs/trust/checker.js';
import { generateSigningKey } from '../../src/server/packs/trust/signature.js';
import { usbService } from '../../src/server/packs/watch/service.js';
import { PACKS_FOLDER } from '../../src/server/reseau/index.js';
import { statsToday } from '../../src/server/stats/index.js';
import { requireTool } from '../deploy/tools.js';
import { until } from '../helpers/wait.js';
import { signPack, writePack } from '../packs/usb/helpers.js';
import { deviceIdOn, startNetBox, type NetBox } from './boxes.js';

interface FolderStatus {
  state: string;
  needTotalItems: number;
  inSyncBytes: number;
}

describe.runIf(requireTool('syncthing'))('two boxes with real Syncthing on loopback', () => {
  let coord: NetBox;
  let member: NetBox;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'lanterne-reseau-'));
    [coord, member] = await Promise.all([startNetBox(), startNetBox()]);
    expect((await coord.post('/admin/reseau/role', { role: 'coordinator' })).status).toBe(303);
    expect((await member.post('/admin/reseau/role', { role: 'member' })).status).toBe(303);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([coord?.stop(), member?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('pairs through the admin pages: a mistyped id is refused in French, then both connect', async () => {
    const [coordId, memberId] = await Promise.all([deviceIdOn(coord), deviceIdOn(member)]);
    const typo = `${memberId.slice(0, 10)}${memberId[10] === 'A' ? 'B' : 'A'}${memberId.slice(11)}`;
    const bad = await coord.post('/admin/reseau/peers', { deviceId: typo, name: 'Membre' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('faute de frappe');
    expect(bad.body).toContain('value="Membre"');
    const ok = await coord.post('/admin/reseau/peers', {
      deviceId: memberId.toLowerCase(),
      name: 'Médiathèque membre',
      address: `tcp://127.0.0.1:${member.syncPort}`,
    });
    expect(ok.status).toBe(303);
    await member.post('/admin/reseau/peers', {
      deviceId: coordId,
      name: 'Coordination',
      address: `tcp://127.0.0.1:${coord.syncPort}`,
    });
    await until(
      async () => (/(?<!pas )connectée/.test(await coord.page('/admin/reseau')) ? true : undefined),
      30_000,
      'the member connected at the coordinator',
    );
    expect(await member.page('/admin/reseau')).toMatch(/(?<!pas )connectée/);
    // Its state on the health page too.
    expect(await member.page('/admin/health')).toMatch(
      /Réseau de boîtes \(Syncthing\)<\/th><td>en service</,
    );
  }, 60_000);

  it('a pack published at the coordinator arrives and goes through the one pack pipeline', async () => {
    const src = path.join(work, 'contes-v1');
    writePack(src, { id: 'contes-reseau', sizes: [2000, 3000] });
    const installed = await importPack(coord.box.ctx, { kind: 'folder', path: src, origin: 'usb' });
    expect(installed.status).toBe('imported');
    const published = await coord.post('/admin/reseau/publish', { packId: 'contes-reseau' });
    expect(published.status).toBe(303);
    const queue = usbService(member.box.ctx).queue;
    // Unsigned: the member's animateur approves it, exactly as a stick's pack.
    const waiting = await until(
      async () =>
        queue.list().find((e) => e.summary?.id === 'contes-reseau' && e.state === 'waiting'),
      60_000,
      'the published pack waiting for approval on the member',
    );
    expect(waiting.source.origin).toBe('network');
    expect(waiting.stickLabel).toBe('Réseau de boîtes');
    expect(usbService(member.box.ctx).approve(waiting.key)).toBe(true);
    await until(
      async () => (member.box.ctx.catalogue.repo.getPack('contes-reseau') ? true : undefined),
      30_000,
      'the import on the member',
    );
    expect(member.box.ctx.catalogue.repo.getPack('contes-reseau')?.origin).toBe('network');
    expect(member.box.ctx.catalogue.repo.getPack('contes-reseau')?.version).toBe('1.0.0');
  }, 120_000);

  it('a pack signed by a key the member trusts imports by itself, its signature carried on', async () => {
    const key = generateSigningKey();
    for (const box of [coord, member])
      usbService(box.box.ctx).trust.add('Éditeur du réseau', key.publicKey);
    const src = path.join(work, 'signe');
    signPack(src, writePack(src, { id: 'atlas-signe', sizes: [1200] }), key.privateKeyPem);
    const installed = await importPack(
      coord.box.ctx,
      { kind: 'folder', path: src, origin: 'usb' },
      { checkSignature: signatureChecker(usbService(coord.box.ctx).trust.list()) },
    );
    expect(installed.status).toBe('imported');
    expect((await coord.post('/admin/reseau/publish', { packId: 'atlas-signe' })).status).toBe(303);
    const queue = usbService(member.box.ctx).queue;
    const entry = await until(
      async () => {
        const e = queue.list().find((x) => x.summary?.id === 'atlas-signe');
        return e?.state === 'imported' ? e : undefined;
      },
      60_000,
      'the signed pack imported on the member without approval',
    );
    expect(entry.automatic).toBe(true);
    expect(entry.summary?.signature).toBe('valid');
    expect(member.box.ctx.catalogue.repo.getPack('atlas-signe')?.origin).toBe('network');
  }, 120_000);

  it('rolls the member’s daily figures up at the coordinator, exactly, with the total', async () => {
    const visit = (ip: string) => ({ ip, userAgent: 'Mozilla/5.0 Test' });
    for (const [box, downloads, plays] of [
      [member, 5, 2],
      [coord, 3, 0],
    ] as const) {
      for (let i = 0; i < downloads; i++)
        box.box.ctx.events.emit({
          type: 'download',
          workId: 'livre',
          client: visit(`10.0.0.${i % 2}`),
        });
      for (let i = 0; i < plays; i++)
        box.box.ctx.events.emit({
          type: 'play',
          workId: 'chanson',
          client: visit('10.0.0.9'),
        });
    }
    const today = statsToday(member.box.ctx) ?? '';
    const memberOwn = (await member.reseau.networkStats(today, today)).rows[0]?.figures;
    expect(memberOwn).toMatchObject({ downloads: 5, plays: 2 });
    const stats = await until(
      async () => {
        const s = await coord.reseau.networkStats(today, today);
        return s.rows[1]?.figures?.downloads === 5 ? s : undefined;
      },
      60_000,
      'the member’s figures at the coordinator',
    );
    expect(stats.rows[1]?.figures).toEqual(memberOwn);
    expect(stats.rows[0]?.figures).toMatchObject({ downloads: 3, plays: 0 });
    expect(stats.total).toMatchObject({ downloads: 8, plays: 2 });
    const page = await coord.page('/admin/reseau/statistiques?period=day');
    expect(page).toContain('Médiathèque membre');
    expect(page).toContain('Total du réseau');
    const csv = await coord.page(
      `/admin/reseau/statistiques.csv?period=custom&from=${today}&to=${today}`,
    );
    expect(csv).toContain(`Médiathèque membre,${today},`);
  }, 120_000);

  it('refuses a box the coordinator did not add, and says so on its page', async () => {
    const stranger = await startNetBox();
    try {
      await stranger.post('/admin/reseau/role', { role: 'member' });
      const strangerId = await deviceIdOn(stranger);
      const coordId = await deviceIdOn(coord);
      await stranger.post('/admin/reseau/peers', {
        deviceId: coordId,
        address: `tcp://127.0.0.1:${coord.syncPort}`,
      });
      const page = await until(
        async () => {
          const html = await coord.page('/admin/reseau');
          return html.includes(strangerId) ? html : undefined;
        },
        60_000,
        'the refused box listed at the coordinator',
      );
      expect(page).toContain('elles sont refusées tant que vous ne les ajoutez pas');
      const connections = await coord.api<{ connections: Record<string, { connected: boolean }> }>(
        'GET',
        '/rest/system/connections',
      );
      expect(connections.connections[strangerId]?.connected ?? false).toBe(false);
      expect(await stranger.page('/admin/reseau')).not.toMatch(/(?<!pas )connectée/);
    } finally {
      await stranger.stop();
    }
  }, 120_000);

  it('never imports while Syncthing still needs items: cut halfway, old version kept, then completes', async () => {
    // Slow the coordinator down so the transfer takes a few seconds.
    await coord.api('PATCH', '/rest/config/options', {
      maxSendKbps: 100,
      limitBandwidthInLan: true,
    });
    const src = path.join(work, 'contes-v2');
    writePack(src, { id: 'contes-reseau', version: '1.1.0', sizes: [2000, 1_500_000] });
    expect(
      (await importPack(coord.box.ctx, { kind: 'folder', path: src, origin: 'usb' })).status,
    ).toBe('imported');
    expect((await coord.post('/admin/reseau/publish', { packId: 'contes-reseau' })).status).toBe(
      303,
    );
    const queue = usbService(member.box.ctx).queue;
    const v2 = () => queue.list().find((e) => e.summary?.version === '1.1.0');
    // Halfway: the member holds part of the big file in a Syncthing temporary file.
    await until(
      async () =>
        readdirSync(member.reseau.paths.packsDir, { recursive: true }).some((f) =>
          String(f).includes('.syncthing.'),
        )
          ? true
          : undefined,
      30_000,
      'the member to start pulling version 1.1.0',
    );
    // Cut the coordinator's Syncthing in the middle of the transfer.
    await coord.reseau.syncthing.stop();
    for (let i = 0; i < 10; i++) {
      const s = await member.api<FolderStatus>('GET', `/rest/db/status?folder=${PACKS_FOLDER}`);
      expect(s.needTotalItems).toBeGreaterThan(0);
      await member.reseau.tick();
      expect(member.reseau.incoming.state().kind).toBe('syncing');
      expect(v2()).toBeUndefined();
      expect(member.box.ctx.catalogue.repo.getPack('contes-reseau')?.version).toBe('1.0.0');
    }
    const dir = member.box.ctx.catalogue.repo.getPack('contes-reseau')?.dir ?? '';
    expect(
      readFileSync(path.join(member.box.ctx.paths.packsDir, dir, 'livres/oeuvre-1.txt')).length,
    ).toBe(2000);
    // It resumes: the transfer completes, and only then is the pack offered.
    await coord.reseau.start();
    await until(
      async () => {
        await coord.api('PATCH', '/rest/config/options', { limitBandwidthInLan: false });
        return true;
      },
      30_000,
      'the coordinator’s Syncthing back',
    );
    const entry = await until(
      async () => (v2()?.state === 'waiting' ? v2() : undefined),
      90_000,
      'version 1.1.0 offered on the member',
    );
    const s = await member.api<FolderStatus>('GET', `/rest/db/status?folder=${PACKS_FOLDER}`);
    expect(s.needTotalItems).toBe(0);
    expect(usbService(member.box.ctx).approve(entry!.key)).toBe(true);
    await until(
      async () =>
        member.box.ctx.catalogue.repo.getPack('contes-reseau')?.version === '1.1.0'
          ? true
          : undefined,
      30_000,
      'version 1.1.0 imported on the member',
    );
  }, 180_000);
});
