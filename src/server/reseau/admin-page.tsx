import type { Context as HonoContext } from 'hono';
import type { AdminEnv } from '../admin/env.js';
import { CsrfField } from '../admin/ui/csrf.js';
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from '../admin/ui/field.js';
import { AdminLayout } from '../admin/ui/layout.js';
import type { Role } from './repo.js';
import type { ReseauView } from './service.js';
import { reseauHealth } from './words.js';

export type Flash = { kind: 'ok' | 'error'; text: string } | undefined;

export interface PeerForm {
  deviceId: string;
  name: string;
  address: string;
}

export const EMPTY_PEER: PeerForm = { deviceId: '', name: '', address: '' };

const ROLE_TEXT: Record<Role, { label: string; hint: string }> = {
  coordinator: {
    label: 'Boîte coordinatrice',
    hint: 'Elle publie des packs pour les autres boîtes du réseau.',
  },
  member: {
    label: 'Boîte membre',
    hint: 'Elle reçoit les packs publiés par la boîte coordinatrice.',
  },
};

const PEER_LABELS = {
  deviceId: 'Identifiant de l’autre boîte',
  name: 'Nom de cette boîte (facultatif)',
  address: 'Adresse sur le réseau (facultatif)',
};

function RoleForm({ c, role }: { c: HonoContext<AdminEnv>; role: Role | null }) {
  return (
    <form class="stack" method="post" action="/admin/reseau/role">
      <CsrfField c={c} />
      <fieldset>
        <legend>{role ? 'Rôle de cette boîte' : 'Quel rôle pour cette boîte ?'}</legend>
        {(['coordinator', 'member'] as const).map((r) => (
          <label key={r}>
            <input type="radio" name="role" value={r} checked={(role ?? 'member') === r} />
            <span>
              {ROLE_TEXT[r].label}
              <span class="hint"> — {ROLE_TEXT[r].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit">{role ? 'Changer le rôle' : 'Activer le réseau'}</button>
    </form>
  );
}

/** The device id in its 8 groups, each kept whole when the line wraps. */
function DeviceId({ id }: { id: string }) {
  return (
    <p class="device-id code" id="device-id">
      {id.split('-').map((g, i) => (
        <span key={i}>{i < 7 ? `${g}-` : g}</span>
      ))}
    </p>
  );
}

function PeerFormView({
  c,
  form,
  errors,
}: {
  c: HonoContext<AdminEnv>;
  form: PeerForm;
  errors: FieldErrors;
}) {
  const field = (name: keyof PeerForm, hint?: string) => ({
    id: `field-${name}`,
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, errors, hint),
  });
  return (
    <form class="stack" method="post" action="/admin/reseau/peers" noValidate>
      <CsrfField c={c} />
      <ErrorSummary errors={errors} labels={PEER_LABELS} />
      <label>
        {PEER_LABELS.deviceId}
        <span class="hint" id="deviceId-hint">
          Il s’affiche sur la page « Réseau » de l’autre boîte : recopiez-le ou collez-le (les
          tirets et les majuscules ne comptent pas).
        </span>
        <FieldError name="deviceId" errors={errors} />
        <textarea {...field('deviceId', 'deviceId-hint')} rows={2} spellcheck={false}>
          {form.deviceId}
        </textarea>
      </label>
      <label>
        {PEER_LABELS.name}
        <span class="hint" id="name-hint">
          Par exemple « Médiathèque de Saint-Paul » : seulement pour vous y retrouver.
        </span>
        <FieldError name="name" errors={errors} />
        <input {...field('name', 'name-hint')} value={form.name} maxLength={60} />
      </label>
      <details open={Boolean(form.address || errors['address'])}>
        <summary>Si les boîtes ne se trouvent pas toutes seules</summary>
        <label>
          {PEER_LABELS.address}
          <span class="hint" id="address-hint">
            Laissez vide : la boîte cherche l’autre sur le réseau local. Sinon, par exemple
            tcp://192.168.1.20:22000.
          </span>
          <FieldError name="address" errors={errors} />
          <input {...field('address', 'address-hint')} value={form.address} spellcheck={false} />
        </label>
      </details>
      <button type="submit">Ajouter cette boîte</button>
    </form>
  );
}

export interface ReseauPageProps {
  c: HonoContext<AdminEnv>;
  view: ReseauView;
  qrSvg: string;
  installed: Array<{ id: string; title: string; version: string }>;
  form: PeerForm;
  errors: FieldErrors;
  flash: Flash;
}

/** /admin/reseau: turn the network on, show this box's id, accept other boxes, publish. */
export function ReseauPage({ c, view, qrSvg, installed, form, errors, flash }: ReseauPageProps) {
  const health = reseauHealth(view.state);
  const deviceId = view.state.kind === 'running' ? view.state.deviceId : null;
  return (
    <AdminLayout c={c} title="Réseau de boîtes" section="reseau" flash={flash}>
      <h1>Réseau de boîtes</h1>
      <p>
        Plusieurs boîtes peuvent partager leurs packs : la boîte coordinatrice les publie, les
        boîtes membres les reçoivent et les installent comme depuis une clé USB. Les boîtes se
        parlent directement entre elles, sans internet ; chacune n’accepte que les boîtes que vous
        avez ajoutées ici.
      </p>
      {view.role === null ? (
        <section aria-labelledby="activer">
          <h2 id="activer">Activer le réseau</h2>
          <RoleForm c={c} role={null} />
        </section>
      ) : (
        <>
          <p>
            <strong>{ROLE_TEXT[view.role].label}</strong> · réseau {health.value}
          </p>
          {health.warning && (
            <p class="warning" role="alert">
              {health.warning}
            </p>
          )}
          <section aria-labelledby="identifiant" class="card">
            <h2 id="identifiant">Identifiant de cette boîte</h2>
            {deviceId ? (
              <>
                <p>Sur l’autre boîte, ajoutez cette boîte-ci avec cet identifiant :</p>
                <DeviceId id={deviceId} />
                <div
                  class="device-qr"
                  role="img"
                  aria-label="Code QR de l’identifiant de cette boîte"
                  dangerouslySetInnerHTML={{ __html: qrSvg }}
                />
                <p class="hint">
                  Le code QR contient le même identifiant : scannez-le avec un téléphone pour le
                  copier sans faute.
                </p>
              </>
            ) : (
              <p>Le réseau démarre : l’identifiant s’affichera dans quelques secondes.</p>
            )}
          </section>
          <section aria-labelledby="boites">
            <h2 id="boites">Boîtes acceptées</h2>
            {view.peers.length === 0 ? (
              <p>Aucune boîte pour l’instant.</p>
            ) : (
              <ul class="cards-grid cards-wide">
                {view.peers.map((p) => (
                  <li key={p.deviceId} class="card">
                    <h3>{p.name}</h3>
                    <p>
                      <span class="code">{p.deviceId.slice(0, 7)}</span> ·{' '}
                      {p.connected ? 'connectée' : 'pas connectée'}
                    </p>
                    <form method="post" action="/admin/reseau/peers/remove">
                      <CsrfField c={c} />
                      <input type="hidden" name="deviceId" value={p.deviceId} />
                      <button type="submit" class="button-secondary">
                        {`Retirer « ${p.name} »`}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            {view.refused.length > 0 && (
              <div class="warning">
                <p>
                  Ces boîtes ont essayé de se connecter ; elles sont refusées tant que vous ne les
                  ajoutez pas :
                </p>
                <ul>
                  {view.refused.map((id) => (
                    <li key={id} class="code">
                      {id}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <h3>Ajouter une boîte</h3>
            <PeerFormView c={c} form={form} errors={errors} />
          </section>
          {view.role === 'coordinator' ? (
            <section aria-labelledby="publies">
              <h2 id="publies">Packs publiés sur le réseau</h2>
              {view.published.length === 0 ? (
                <p>Aucun pack publié pour l’instant.</p>
              ) : (
                <ul>
                  {view.published.map((p) => (
                    <li key={p.id}>{`${p.id} ${p.version}`}</li>
                  ))}
                </ul>
              )}
              <p>
                <a href="/admin/reseau/statistiques">
                  Voir les statistiques de chaque boîte et du réseau
                </a>
              </p>
              {installed.length > 0 && (
                <form class="stack" method="post" action="/admin/reseau/publish">
                  <CsrfField c={c} />
                  <label>
                    Pack installé à publier
                    <select name="packId">
                      {installed.map((p) => (
                        <option key={p.id} value={p.id}>{`${p.title} (${p.version})`}</option>
                      ))}
                    </select>
                  </label>
                  <button type="submit">Publier sur le réseau</button>
                </form>
              )}
            </section>
          ) : (
            <section aria-labelledby="recus">
              <h2 id="recus">Packs reçus</h2>
              <p>{incomingText(view.incoming)}</p>
              <p>
                Les packs reçus attendent votre accord sur la page <a href="/admin/packs">Packs</a>,
                comme ceux d’une clé USB (ceux d’un éditeur de confiance s’installent seuls).
              </p>
            </section>
          )}
          <section aria-labelledby="role">
            <h2 id="role">Rôle</h2>
            <RoleForm c={c} role={view.role} />
          </section>
        </>
      )}
    </AdminLayout>
  );
}

function incomingText(s: ReseauView['incoming']): string {
  switch (s.kind) {
    case 'waiting':
      return 'En attente de la boîte coordinatrice.';
    case 'syncing':
      return `Réception en cours (${s.completion} %) : rien n’est installé avant la fin.`;
    case 'error':
      return s.message;
    case 'ready':
      return s.arriving.length > 0
        ? `Tout est reçu, sauf des fichiers encore incomplets : ${s.arriving.join(', ')}.`
        : s.offered.length > 0
          ? `Tout est reçu : ${s.offered.length} pack(s) proposé(s) à l’installation.`
          : 'Tout est reçu ; la boîte coordinatrice n’a publié aucun pack.';
  }
}
