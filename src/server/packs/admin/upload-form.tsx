import type { Context as HonoContext } from 'hono';
import { csrfToken } from '../../admin/auth/middleware.js';
import { mo } from './format.js';

/**
 * Sending a pack from a computer. A plain multipart form (works without JavaScript);
 * the CSRF token rides in the query string so the admin guard need not buffer the file
 * to find it. `upload.js` adds a progress bar.
 */
export function UploadForm({ c, maxBytes }: { c: HonoContext; maxBytes: number }) {
  return (
    <form
      id="pack-upload"
      method="post"
      action={`/admin/packs/upload?_csrf=${encodeURIComponent(csrfToken(c))}`}
      enctype="multipart/form-data"
    >
      <p>
        <label for="pack-file">{`Fichier du pack (.zip, ${mo(maxBytes)} au plus)`}</label>
        <br />
        <input
          type="file"
          id="pack-file"
          name="pack"
          accept=".zip,application/zip"
          required
          aria-describedby="pack-file-help"
        />
      </p>
      <p id="pack-file-help">
        Le pack passe par les mêmes contrôles qu’un pack sur clé USB ; s’il n’est pas signé par une
        clé de confiance, il attendra votre accord dans la liste ci-dessus.
      </p>
      <p>
        <button type="submit">Envoyer le pack</button>
      </p>
      <progress id="upload-progress" hidden max={1} value={0} aria-label="Progression de l’envoi">
        envoi
      </progress>
      <p id="upload-status" role="status" aria-live="polite"></p>
    </form>
  );
}
