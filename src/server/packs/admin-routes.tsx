import { Hono, type Context as HonoContext } from 'hono';
import { CsrfField } from '../admin/ui/csrf.js';
import { AdminLayout } from '../admin/ui/layout.js';
import type { Context } from '../context.js';
import { renderDocument } from '../ui/page.js';
import { FLASH } from './admin/format.js';
import { QueueItem } from './admin/queue-view.js';
import { InstalledPacks, SortForm, TrustedKeys } from './admin/sections.js';
import { exportPack, ExportError } from './export.js';
import { removePack } from './import.js';
import { FINAL_STATES } from './watch/queue.js';
import { usbService } from './watch/service.js';
import type { SortChoice } from './watch/sorting.js';

type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

/** Refreshes the list of detected packs while something is running (the page works without it). */
const LIVE_JS = `(function () {
  'use strict';
  function tick() {
    var live = document.getElementById('pack-queue');
    if (!live || live.getAttribute('data-active') !== '1' || !window.fetch || !window.DOMParser) return;
    fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('pack-queue');
        if (!next) return;
        if (next.innerHTML !== live.innerHTML) live.innerHTML = next.innerHTML;
        live.setAttribute('data-active', next.getAttribute('data-active') || '0');
        setTimeout(tick, 1500);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1500);
})();
`;

async function packsPage(
  ctx: Context,
  c: HonoContext,
  flash: Flash,
  status: 200 | 400 | 500 = 200,
) {
  const service = usbService(ctx);
  const entries = service.queue.list();
  // Only work in progress refreshes the list: a waiting pack must not move the focus.
  const active =
    entries.some((e) => ['checking', 'queued', 'importing'].includes(e.state)) ||
    service.sorting.list().some((s) => s.state === 'reading' || s.state === 'publishing');
  const policy = ctx.settings.current().licencePolicy;
  const sticks = await ctx.sticks.writable();
  const sessions = service.sorting.list();
  return c.html(
    renderDocument(
      <AdminLayout c={c} title="Packs" section="packs" flash={flash}>
        <h1>Packs de contenus</h1>
        <script src="/admin/packs/assets/live.js" defer />
        <section aria-labelledby="detected">
          <h2 id="detected">Clés USB détectées</h2>
          <div id="pack-queue" data-active={active ? '1' : '0'} aria-live="polite">
            {entries.length === 0 ? (
              <p>
                Aucun pack sur les clés branchées. Branchez une clé : ses packs apparaîtront ici.
              </p>
            ) : (
              <ul class="cards-grid">
                {entries.map((e) => (
                  <QueueItem key={e.key} c={c} entry={e} />
                ))}
              </ul>
            )}
            {active && (
              <p>
                <a href="/admin/packs">Actualiser la page</a> pour suivre la progression.
              </p>
            )}
          </div>
          {entries.some((e) => FINAL_STATES.has(e.state)) && (
            <form method="post" action="/admin/packs/queue/clear">
              <CsrfField c={c} />
              <button type="submit" class="button-secondary">
                Effacer les lignes terminées
              </button>
            </form>
          )}
        </section>
        <section aria-labelledby="to-sort">
          <h2 id="to-sort">Fichiers à trier</h2>
          {sessions.length === 0 ? (
            <p>
              Aucune clé avec des fichiers en vrac. Une clé sans pack apparaîtra ici pour que vous
              choisissiez quoi publier.
            </p>
          ) : (
            sessions.map((s) => <SortForm key={s.stick} c={c} session={s} policy={policy} />)
          )}
        </section>
        <section aria-labelledby="installed">
          <h2 id="installed">Packs installés</h2>
          {sticks.length === 0 && (
            <p>
              Pour exporter un pack, branchez une clé que la boîte peut écrire (les clés sont
              montées en lecture seule par défaut).
            </p>
          )}
          <InstalledPacks c={c} packs={ctx.catalogue.repo.listPacks()} sticks={sticks} />
        </section>
        <section aria-labelledby="keys">
          <h2 id="keys">Clés de confiance</h2>
          <p>Les packs signés avec une de ces clés sont importés sans attendre votre accord.</p>
          <TrustedKeys c={c} keys={service.trust.list()} />
        </section>
      </AdminLayout>,
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

/** /admin/packs: detected packs, approvals, files to sort, installed packs, trusted keys. */
export function packsAdminRoutes(ctx: Context): Hono {
  const service = () => usbService(ctx);
  return new Hono({ strict: false })
    .get('/', (c) => {
      const msg = c.req.query('msg');
      const text = msg && Object.hasOwn(FLASH, msg) ? FLASH[msg] : undefined;
      return packsPage(ctx, c, text ? { kind: 'ok', text } : undefined);
    })
    .get('/assets/:name', (c) =>
      c.req.param('name') === 'live.js'
        ? c.body(LIVE_JS, 200, {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'no-cache',
          })
        : c.notFound(),
    )
    .post('/queue/clear', (c) => {
      service().clearFinished();
      return back(c, 'cleared');
    })
    .post('/queue/:key/approve', (c) => {
      if (!service().approve(c.req.param('key')))
        return packsPage(
          ctx,
          c,
          {
            kind: 'error',
            text: 'Ce pack ne peut plus être approuvé (clé retirée ou déjà traité).',
          },
          400,
        );
      return back(c, 'approved');
    })
    .post('/queue/:key/reject', (c) => {
      if (!service().reject(c.req.param('key')))
        return packsPage(
          ctx,
          c,
          { kind: 'error', text: "Ce pack n'attend plus de décision." },
          400,
        );
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
        return packsPage(
          ctx,
          c,
          { kind: 'error', text: `Rien n'a été publié : ${result.errors.join(' ')}` },
          400,
        );
      return back(c, 'publishing');
    })
    .get('/installed/:id/remove', (c) => {
      const pack = ctx.catalogue.repo.getPack(c.req.param('id'));
      if (!pack) return c.redirect('/admin/packs', 303);
      return c.html(
        renderDocument(
          <AdminLayout c={c} title="Retirer un pack" section="packs">
            <h1>{`Retirer « ${pack.title} » ?`}</h1>
            <p>{`Ses ${pack.workCount} œuvre(s) quitteront le catalogue du portail et de la borne. Le reste ne change pas. Pour le remettre, il faudra l'importer à nouveau.`}</p>
            <form
              method="post"
              action={`/admin/packs/installed/${encodeURIComponent(pack.id)}/remove`}
              class="actions"
            >
              <CsrfField c={c} />
              <button type="submit">{`Oui, retirer « ${pack.title} »`}</button>
              <a href="/admin/packs">Non, revenir aux packs</a>
            </form>
          </AdminLayout>,
        ),
      );
    })
    .post('/installed/:id/remove', async (c) => {
      if (!(await removePack(ctx, c.req.param('id'))))
        return packsPage(ctx, c, { kind: 'error', text: "Ce pack n'est plus installé." }, 400);
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
          { kind: 'error', text: "Cette clé n'est plus branchée : rebranchez-la et recommencez." },
          400,
        );
      }
      try {
        await exportPack(ctx, c.req.param('id'), target);
      } catch (err) {
        if (err instanceof ExportError)
          return packsPage(ctx, c, { kind: 'error', text: err.message }, 500);
        throw err;
      }
      return back(c, 'exported');
    })
    .post('/keys/add', async (c) => {
      const body = await c.req.parseBody();
      const result = service().trust.add(field(body, 'name'), field(body, 'key'));
      if (!result.ok) return packsPage(ctx, c, { kind: 'error', text: result.message }, 400);
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
