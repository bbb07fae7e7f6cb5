import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
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
) {
  const service = usbService(ctx);
  return c.html(
    renderDocument(
      <PacksPage
        c={c}
        flash={flash}
        entries={service.queue.list()}
        sessions={service.sorting.list()}
        policy={ctx.settings.current().licencePolicy}
        sticks={await ctx.sticks.writable()}
        packs={ctx.catalogue.repo.listPacks()}
        keys={service.trust.list()}
        maxUpload={MAX_UPLOAD_BYTES}
      />,
    ),
    status,
  );
}

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : '';
}

const back = (c: HonoContext, msg: keyof typeof FLASH) =>
  c.redirect(`/admin/packs?msg=${msg}`, 303);

const error = (text: string): Flash => ({ kind: 'error', text });

/** /admin/packs: detected packs, approvals, upload, files to sort, installed packs, trusted keys. */
export function packsAdminRoutes(ctx: Context): Hono {
  const service = () => usbService(ctx);
  return new Hono({ strict: false })
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
    .post('/sort/publish', async (c) => {
      const body = await c.req.parseBody();
      const stick = field(body, 'stick');
      const session = service().sorting.get(stick);
      const choices: SortChoice[] = [];
      for (const f of session?.files ?? []) {
        if (field(body, `include-${f.index}`) !== '1') continue;
        choices.push({
          index: f.index,
          title: field(body, `title-${f.index}`),
          authors: field(body, `authors-${f.index}`),
          licence: field(body, `licence-${f.index}`),
        });
      }
      const result = service().sorting.publish(stick, choices);
      if (!result.ok)
        return packsPage(ctx, c, error(`Rien n'a été publié : ${result.errors.join(' ')}`), 400);
      return back(c, 'publishing');
    })
    .get('/installed/:id/remove', (c) => {
      const pack = ctx.catalogue.repo.getPack(c.req.param('id'));
      if (!pack) return c.redirect('/admin/packs', 303);
      return c.html(renderDocument(<RemovePage c={c} pack={pack} />));
    })
    .post('/installed/:id/remove', async (c) => {
      if (!(await removePack(ctx, c.req.param('id'))))
        return packsPage(ctx, c, error("Ce pack n'est plus installé."), 400);
      return back(c, 'removed');
    })
    .post('/installed/:id/export', async (c) => {
      const body = await c.req.parseBody();
      const target = field(body, 'target');
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
    .post('/keys/add', async (c) => {
      const body = await c.req.parseBody();
      const result = service().trust.add(field(body, 'name'), field(body, 'key'));
      if (!result.ok) return packsPage(ctx, c, error(result.message), 400);
      service().trustChanged();
      return back(c, 'key-added');
    })
    .post('/keys/remove', async (c) => {
      const body = await c.req.parseBody();
      service().trust.remove(field(body, 'key'));
      service().trustChanged();
      return back(c, 'key-removed');
    });
}
