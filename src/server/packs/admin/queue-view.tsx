import type { Context as HonoContext } from 'hono';
import { CsrfField } from '../../admin/ui/csrf.js';
import type { QueueEntry } from '../watch/queue.js';
import { mo, PHASE_LABELS, SIGNATURE_LABELS, STATE_LABELS } from './format.js';

function Progress({ entry }: { entry: QueueEntry }) {
  const p = entry.progress;
  if (!p || !['importing', 'queued'].includes(entry.state)) return null;
  const id = `progress-${entry.key}`;
  const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
  return (
    <p>
      <label for={id}>
        {`Progression (${PHASE_LABELS[p.phase]}) : ${percent} % — ${mo(p.bytesDone)} sur ${mo(p.bytesTotal)}`}
      </label>
      <br />
      <progress id={id} max={Math.max(p.bytesTotal, 1)} value={p.bytesDone}>
        {`${percent} %`}
      </progress>
    </p>
  );
}

function Decision({ c, entry }: { c: HonoContext; entry: QueueEntry }) {
  const canApprove = ['waiting', 'refused', 'failed'].includes(entry.state) && entry.summary;
  if (!canApprove) return null;
  const title = entry.summary?.title ?? '';
  return (
    <div class="actions">
      <form method="post" action={`/admin/packs/queue/${entry.key}/approve`}>
        <CsrfField c={c} />
        <button type="submit">
          {entry.state !== 'waiting'
            ? `Réessayer l'import de « ${title} »`
            : entry.summary?.signature === 'valid'
              ? `Approuver « ${title} » et lier la clé « ${entry.summary.signer ?? ''} » à ce pack`
              : `Approuver et importer « ${title} »`}
        </button>
      </form>
      {entry.state === 'waiting' && (
        <form method="post" action={`/admin/packs/queue/${entry.key}/reject`}>
          <CsrfField c={c} />
          <button type="submit" class="button-secondary">{`Refuser « ${title} »`}</button>
        </form>
      )}
    </div>
  );
}

/** One pack found on a stick: what it is, where it stands, what went wrong. */
export function QueueItem({ c, entry }: { c: HonoContext; entry: QueueEntry }) {
  const s = entry.summary;
  return (
    <li class="card">
      <h3>{s ? `${s.title} (${s.id} ${s.version})` : entry.fileName}</h3>
      <p>
        <strong>{STATE_LABELS[entry.state]}</strong> — {entry.message}
      </p>
      <dl>
        <dt>{entry.source.origin === 'usb' ? 'Clé USB' : 'Provenance'}</dt>
        <dd>{entry.stickLabel}</dd>
        {s && (
          <>
            <dt>Contenu</dt>
            <dd>{`${s.itemCount} œuvre(s), ${mo(s.totalBytes)}`}</dd>
            <dt>Licences</dt>
            <dd>{s.licences.join(', ') || '—'}</dd>
            <dt>Signature</dt>
            <dd>
              {s.signer
                ? `${SIGNATURE_LABELS[s.signature]} : ${s.signer}`
                : SIGNATURE_LABELS[s.signature]}
            </dd>
            {s.publisher && (
              <>
                <dt>Éditeur</dt>
                <dd>{s.publisher}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <Progress entry={entry} />
      {entry.problems.length > 0 && (
        <div class="warning" role="group" aria-label="Problèmes trouvés">
          <p>Ce qui ne va pas :</p>
          <ul>
            {entry.problems.map((p, i) => (
              <li key={i}>
                {p.message}
                {p.file && (
                  <>
                    {' '}
                    (fichier : <code>{p.file}</code>)
                  </>
                )}
                {p.hint && <> — que faire : {p.hint}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Decision c={c} entry={entry} />
    </li>
  );
}
