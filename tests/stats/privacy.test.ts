import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/server/config.js';
import type { Context } from '../../src/server/context.js';
import { openBox } from '../../src/server/core/open-box.js';
import { createLogger } from '../../src/server/log.js';
import { listen, type RunningServer } from '../../src/server/server.js';
import { startStats } from '../../src/server/stats/start.js';
import { addWorks, work } from '../helpers/box.js';
import { PASSWORD, request } from '../admin/http.js';
import { visit, type Visitor } from './traffic.js';

/**
 * Drives traffic from made-up addresses and user agents through a real server, then
 * searches every file in the data folder (database, WAL, set-up code…) and the whole
 * log for them: there must be no trace.
 */
let dir: string;
let ctx: Context;
let server: RunningServer;
const logLines: string[] = [];
const visitorCookies: string[] = [];

const visitors: Visitor[] = [
  { ip: '127.77.31.42', ua: 'Mozilla/5.0 (Linux; Android 13) Zorgophone-XQ7/3.14 Mobile' },
  { ip: '127.88.19.203', ua: 'Mozilla/5.0 (iPad; CPU OS 16_1) Tabletteria-Kw9/2.71' },
  { ip: '127.99.154.7', ua: 'Mozilla/5.0 (X11; Linux) Ordinatrix-Vb3/1.61' },
  { ip: '127.66.201.99', ua: 'LecteurOPDS-Quasimodo/8.8' },
];
// Typed by fewer than three visitors: must never be written.
const RARE_SEARCHES = ['grimoire de zanzibarqux', 'recette du flobberwocky'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lanterne-privacy-'));
  const config = makeConfig({
    dataDir: path.join(dir, 'data'),
    contentDir: path.join(dir, 'content'),
    mediaDir: path.join(dir, 'media'),
    host: '127.0.0.1',
    port: 0,
  });
  const log = createLogger('debug', (line) => {
    logLines.push(line);
    return true;
  });
  ctx = openBox({ config, log }).ctx;
  addWorks(ctx, 'contes', [
    work('conte-un', 'Le petit chaperon'),
    work('conte-deux', 'La belle au bois', {
      type: 'audio',
      files: [{ name: 'belle.mp3', content: Buffer.alloc(4096, 3), mime: 'audio/mpeg' }],
    }),
  ]);
  const stopStats = startStats(ctx);
  server = await listen(ctx, 0, '127.0.0.1');
  const base = server.url;

  for (const v of visitors) {
    for (const [p, headers] of [
      ['/', {}],
      ['/browse?type=book', {}],
      ['/en/works/conte-un', {}],
      ['/search?q=chaperon', {}],
      ['/search?q=licorne+violette', {}],
      ['/files/conte-un/0/conte-un.txt', {}],
      ['/media/conte-deux/0/belle.mp3', { range: 'bytes=0-99' }],
      ['/opds', {}],
      ['/opds/search?q=chaperon', {}],
      ['/privacy', {}],
      ['/page-qui-n-existe-pas', {}],
    ] as const) {
      const reply = await visit(base, v, p, headers);
      if (reply.headers['set-cookie'])
        visitorCookies.push(`${p}: ${reply.headers['set-cookie'].join('; ')}`);
    }
  }
  await visit(base, visitors[0]!, `/search?q=${encodeURIComponent(RARE_SEARCHES[0]!)}`);
  await visit(base, visitors[1]!, `/search?q=${encodeURIComponent(RARE_SEARCHES[1]!)}`);
  await visit(base, visitors[2]!, `/search?q=${encodeURIComponent(RARE_SEARCHES[1]!)}`);

  // The animateur too: set-up, a wrong password, a login (the address stays in memory).
  await visit(base, visitors[3]!, '/admin/setup');
  const code = readFileSync(ctx.admin.setupCodeFile, 'utf8').trim();
  const admin = visitors[2]!;
  const form = (body: Record<string, string>) => ({
    method: 'POST',
    headers: { origin: base, 'user-agent': admin.ua },
    form: body,
    localAddress: admin.ip,
  });
  await request(`${base}/admin/setup`, form({ code, password: PASSWORD, confirm: PASSWORD }));
  await request(`${base}/admin/login`, form({ password: 'pas le bon mot de passe' }));
  await request(`${base}/admin/login`, form({ password: PASSWORD }));

  ctx.stats.flush();
  await server.close();
  stopStats();
});

afterAll(() => {
  ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function tracesIn(buffers: Array<[string, Buffer]>): string[] {
  const needles = [
    ...visitors.flatMap((v) => [v.ip, v.ua, v.ua.split(' ').at(-1) ?? v.ua]),
    ...RARE_SEARCHES,
  ];
  const hits: string[] = [];
  for (const [name, data] of buffers) {
    for (const needle of needles) {
      if (
        data.includes(Buffer.from(needle, 'utf8')) ||
        data.includes(Buffer.from(needle, 'utf16le'))
      )
        hits.push(`${needle} in ${name}`);
    }
  }
  return hits;
}

describe('no visitor can be traced from what the box writes', () => {
  it('counted the traffic (the test did generate statistics)', () => {
    const get = (metric: string) =>
      (
        ctx.db.prepare('SELECT sum(value) AS v FROM stats_daily WHERE metric = ?').get(metric) as {
          v: number | null;
        }
      ).v;
    expect(get('visitors')).toBeGreaterThanOrEqual(4);
    expect(get('downloads')).toBe(4);
    expect(get('plays')).toBe(4);
    // Typed by four different visitors: kept, as a count.
    const phrase = ctx.db
      .prepare("SELECT key, value FROM stats_daily WHERE metric = 'failed-phrase'")
      .all();
    expect(phrase).toEqual([{ key: 'licorne violette', value: 4 }]);
    expect(logLines.length).toBeGreaterThan(0);
  });

  it('has no address, user agent or rare search in the data folder (database, WAL, other files)', () => {
    const files = filesUnder(ctx.paths.dataDir);
    expect(files.some((f) => f.endsWith('lanterne.db'))).toBe(true);
    expect(tracesIn(files.map((f) => [path.relative(dir, f), readFileSync(f)]))).toEqual([]);
  });

  it('set no cookie on any visitor', () => {
    expect(visitorCookies).toEqual([]);
  });

  it('has none in the log either', () => {
    expect(tracesIn([['log', Buffer.from(logLines.join('\n'))]])).toEqual([]);
  });

  it('has none after the database is checkpointed into its main file', () => {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = filesUnder(ctx.paths.dataDir);
    expect(tracesIn(files.map((f) => [path.relative(dir, f), readFileSync(f)]))).toEqual([]);
  });
});
