import type { Typed } from '../../http/form.js';
import type { Context as HonoContext } from 'hono';
import { CsrfField } from '../../admin/ui/csrf.js';
import { AdminLayout } from '../../admin/ui/layout.js';
import type { Pack } from '../../catalogue/types.js';
import type { StoredKey } from '../trust/store.js';
import { FINAL_STATES, type QueueEntry } from '../watch/queue.js';
import type { SortSession } from '../watch/sorting.js';
import { QueueItem } from './queue-view.js';
import { InstalledPacks, SortForm, TrustedKeys } from './sections.js';
import { UploadForm } from './upload-form.js';

export type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

export interface PacksPageProps {
  c: HonoContext;
  flash: Flash;
  /** What the animateur typed in a refused form, shown again as typed (`http/form.ts`). */
  typed?: Typed | undefined;
  entries: QueueEntry[];
  sessions: SortSession[];
  policy: 'free-culture' | 'all-cc';
  sticks: Array<{ root: string; label: string }>;
  packs: Pack[];
  keys: StoredKey[];
  maxUpload: number;
}

/** /admin/packs: detected packs, approvals, upload, files to sort, installed packs, keys. */
export function PacksPage(props: PacksPageProps) {
  const { c, flash, typed, entries, sessions, policy, sticks, packs, keys, maxUpload } = props;
  // Only work in progress refreshes the list: a waiting pack must not move the focus.
  const active =
    entries.some((e) => ['checking', 'queued', 'importing'].includes(e.state)) ||
    sessions.some((s) => s.state === 'reading' || s.state === 'publishing');
  return (
    <AdminLayout c={c} title="Packs" section="packs" flash={flash}>
      <h1>Packs de contenus</h1>
      <script src="/admin/packs/assets/live.js" defer />
      <script src="/admin/packs/assets/upload.js" defer />
      <section aria-labelledby="detected">
        <h2 id="detected">Packs détectés</h2>
        <div id="pack-queue" data-active={active ? '1' : '0'} aria-live="polite">
          {entries.length === 0 ? (
            <p>
              Aucun pack sur les clés branchées. Branchez une clé, ou envoyez un pack ci-dessous :
              il apparaîtra ici.
            </p>
          ) : (
            <ul class="cards-grid cards-wide">
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
      <section aria-labelledby="upload">
        <h2 id="upload">Envoyer un pack depuis cet ordinateur</h2>
        <UploadForm c={c} maxBytes={maxUpload} />
      </section>
      <section aria-labelledby="to-sort">
        <h2 id="to-sort">Fichiers à trier</h2>
        {sessions.length === 0 ? (
          <p>
            Aucune clé avec des fichiers en vrac. Une clé sans pack apparaîtra ici pour que vous
            choisissiez quoi publier.
          </p>
        ) : (
          sessions.map((s) => (
            <SortForm
              key={s.stick}
              c={c}
              session={s}
              policy={policy}
              typed={typed?.['stick'] === s.stick ? typed : undefined}
            />
          ))
        )}
      </section>
      <section aria-labelledby="installed">
        <h2 id="installed">Packs installés</h2>
        {sticks.length === 0 && (
          <p>
            Pour exporter un pack, branchez une clé que la boîte peut écrire (les clés sont montées
            en lecture seule par défaut).
          </p>
        )}
        <InstalledPacks c={c} packs={packs} sticks={sticks} />
      </section>
      <section aria-labelledby="keys">
        <h2 id="keys">Clés de confiance</h2>
        <p>
          Les packs signés avec une de ces clés sont importés sans attendre votre accord, tant que
          la clé est celle qui a installé le pack (ou que vous l’y avez liée).
        </p>
        <TrustedKeys c={c} keys={keys} typed={typed} />
      </section>
    </AdminLayout>
  );
}

/** The confirmation before a pack is removed. */
export function RemovePage({ c, pack }: { c: HonoContext; pack: Pack }) {
  return (
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
    </AdminLayout>
  );
}
