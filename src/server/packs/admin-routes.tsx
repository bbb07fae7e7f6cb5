import { Hono, type Context as HonoContext } from 'hono';
import { z } from 'zod';
import type { AdminEnv } from '../admin/env.js';
import type { Context } from '../context.js';
import { form, typed, type Typed } from '../http/form.js';
import { renderDocument } from '../ui/page.js';
import { FLASH } from './admin/format.js';
import { PacksPage, RemovePage, type Flash } from './admin/page.js';
import { LIVE_JS, UPLOAD_JS } from './admin/scripts.js';
import { exportPack, ExportError } from './export.js';
import { removePack } from './import.js';
import { MAX_UPLOAD_BYTES, receivePackUpload } from './upload.js';
import { usbService } from './watch/service.js';
import type { SortChoice } from './watch/sorting.js';

const ASSETS: Record<string, string> = { 'live.js': LIVE_JS, 'upload.js': UPLOAD_JS };

async function packsPage(
  ctx: Context,
  c: HonoContext,
  flash: Flash,
  status: 200 | 400 | 413 | 500 | 507 = 200,
  typed?: Typed,
) {
  const service = usbService(ctx);
  return c.html(
    renderDocument(
      <PacksPage
        c={c}
        flash={flash}
        typed={typed}
        entries={service.queue.list()}
        sessions={service.sorting.list()}
        policy={ctx.settings.current().licencePolicy}
        sticks={await ctx.sticks.writable()}
        packs={ctx.catalogue.packs()}
        keys={service.trust.list()}
        maxUpload={MAX_UPLOAD_BYTES}
      />,
    ),
    status,
  );
}

/** The sorting form names its fields after each file (`title-3`…): every field as typed. */
const sortForm = form(z.record(z.string(), typed));
const exportForm = form(z.object({ target: typed }));
const keyForm = form(z.object({ name: typed, key: typed }));

const back = (c: HonoContext, msg: keyof typeof FLASH) =>
  c.redirect(`/admin/packs?msg=${msg}`, 303);

const error = (text: string): Flash => ({ kind: 'error', text });

/** /admin/packs: detected packs, approvals, upload, files to sort, installed packs, trusted keys. */
export function packsAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const service = () => usbService(ctx);
  return new Hono<AdminEnv>({ strict: false })
    .get('/', (c) => {
      const msg = c.req.query('msg');
      const text = msg && Object.hasOwn(FLASH, msg) ? FLASH[msg] : undefined;
      return packsPage(ctx, c, text ? { kind: 'ok', text } : undefined);
    })
    .get('/assets/:name', (c) => {
      const script = ASSETS[c.req.param('name')];
      return script === undefined
        ? c.notFound()
        : c.body(script, 200, {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'no-cache',
          });
    })
    .post('/upload', async (c) => {
      const result = await receivePackUpload(ctx, service(), {
        headers: Object.fromEntries(c.req.raw.headers),
        body: c.req.raw.body,
      });
      if (!result.ok) return packsPage(ctx, c, error(result.message), result.status);
      return back(c, 'uploaded');
    })
    .post('/queue/clear', (c) => {
      service().clearFinished();
      return back(c, 'cleared');
    })
    .post('/queue/:key/approve', (c) => {
      if (!service().approve(c.req.param('key')))
        return packsPage(
          ctx,
          c,
          error('Ce pack ne peut plus être approuvé (clé retirée ou déjà traité).'),
          400,
        );
      return back(c, 'approved');
    })
    .post('/queue/:key/reject', (c) => {
      if (!service().reject(c.req.param('key')))
        return packsPage(ctx, c, error("Ce pack n'attend plus de décision."), 400);
      return back(c, 'rejected');
    })
    .post('/sort/publish', sortForm, (c) => {
      const body = c.req.valid('form');
      const field = (name: string) => body[name] ?? '';
      const stick = field('stick');
      const session = service().sorting.get(stick);
      const choices: SortChoice[] = [];
      for (const f of session?.files ?? []) {
        if (field(`include-${f.index}`) !== '1') continue;
        choices.push({
          index: f.index,
          title: field(`title-${f.index}`),
          authors: field(`authors-${f.index}`),
          licence: field(`licence-${f.index}`),
        });
      }
      const result = service().sorting.publish(stick, choices);
      if (!result.ok)
        return packsPage(
          ctx,
          c,
          error(`Rien n'a été publié : ${result.errors.join(' ')}`),
          400,
          body,
        );
      return back(c, 'publishing');
    })
    .get('/installed/:id/remove', (c) => {
      const pack = ctx.catalogue.pack(c.req.param('id'));
      if (!pack) return c.redirect('/admin/packs', 303);
      return c.html(renderDocument(<RemovePage c={c} pack={pack} />));
    })
    .post('/installed/:id/remove', async (c) => {
      if (!(await removePack(ctx, c.req.param('id'))))
        return packsPage(ctx, c, error("Ce pack n'est plus installé."), 400);
      return back(c, 'removed');
    })
    .post('/installed/:id/export', exportForm, async (c) => {
      const target = c.req.valid('form').target;
      // Only a stick the box sees now: the form cannot name any other folder.
      if (!(await ctx.sticks.findWritable(target))) {
        return packsPage(
          ctx,
          c,
          error("Cette clé n'est plus branchée : rebranchez-la et recommencez."),
          400,
        );
      }
      try {
        await exportPack(ctx, c.req.param('id'), target);
      } catch (err) {
        if (err instanceof ExportError) return packsPage(ctx, c, error(err.message), 500);
        throw err;
      }
      return back(c, 'exported');
    })
    .post('/keys/add', keyForm, async (c) => {
      const body = c.req.valid('form');
      const result = service().trust.add(body.name, body.key);
      if (!result.ok) return packsPage(ctx, c, error(result.message), 400, body);
      service().trustChanged();
      return back(c, 'key-added');
    })
    .post('/keys/remove', keyForm, (c) => {
      service().trust.remove(c.req.valid('form').key);
      service().trustChanged();
      return back(c, 'key-removed');
    });
}
