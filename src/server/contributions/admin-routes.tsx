import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { form, typed } from '../http/form.js';
import type { AdminEnv } from '../admin/env.js';
import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.js';
import { contentTypeOf } from '../core/mime.js';
import { ID_PATTERN, UNTRUSTED_CSP } from '../files/safety.js';
import { renderDocument } from '../ui/page.js';
import { ADMIN_BASE, ModerationPage, type Reviewed } from './admin-page.js';
import { clearPdfMetadata, fileMetadata, imagePreview, textPreview } from './inspect.js';
import type { Contribution } from './repo.js';
import { CONTRIBUTIONS, type FormErrors } from './service.js';

const ID = '{[0-9]+-[0-9a-f]+}';

const FLASH: Record<string, { kind: 'ok' | 'error'; text: string }> = {
  published: {
    kind: 'ok',
    text: 'L’œuvre est publiée dans le fonds local : elle est visible des visiteurs.',
  },
  refused: {
    kind: 'ok',
    text: 'La proposition est refusée ; son fichier est effacé. L’auteur lira la raison avec son code.',
  },
  saved: { kind: 'ok', text: 'Fiche enregistrée.' },
  cleared: { kind: 'ok', text: 'Les informations du PDF sont effacées.' },
  gone: { kind: 'error', text: 'Cette proposition a déjà été traitée.' },
};

/** /admin/contributions: moderation of what visitors proposed. */
/** The moderation forms, each field as typed (`http/form.ts`); the service judges them. */
const editForm = form(
  z.object({ title: typed, author: typed, description: typed, licence: typed }),
);
const refuseForm = form(z.object({ reason: typed }));

export function contributionAdminRoutes(ctx: Context): Hono<AdminEnv> {
  const service = () => ctx.services.get(CONTRIBUTIONS);

  const review = async (c: Contribution, errors: FormErrors = {}): Promise<Reviewed> => {
    const file = service().fileOf(c);
    let metadata: Array<[string, string]> = [];
    try {
      metadata = await fileMetadata(c, file);
    } catch {
      metadata = [['Remarque', 'Les informations du fichier sont illisibles.']];
    }
    return {
      c,
      metadata,
      text: c.kind === 'text' ? await textPreview(file).catch(() => '') : null,
      errors,
    };
  };

  const page = async (
    c: HonoContext,
    flash?: { kind: 'ok' | 'error'; text: string },
    errorsFor?: { id: string; errors: FormErrors; typed?: Partial<Contribution> },
    status: 200 | 400 = 200,
  ) => {
    const items: Reviewed[] = [];
    for (const item of service().waiting()) {
      const own = errorsFor?.id === item.id;
      items.push(
        await review(own ? { ...item, ...errorsFor.typed } : item, own ? errorsFor.errors : {}),
      );
    }
    const published = c.req.query('oeuvre');
    return c.html(
      renderDocument(
        <ModerationPage
          c={c}
          items={items}
          flash={flash}
          published={published && ID_PATTERN.test(published) ? published : undefined}
        />,
      ),
      status,
    );
  };

  const waitingOr404 = (c: HonoContext): Contribution | undefined => {
    const found = service().get(c.req.param('id') ?? '');
    return found && found.status === 'waiting' ? found : undefined;
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => page(c, FLASH[c.req.query('ok') ?? '']))
    .get(`/:id${ID}/apercu`, async (c) => {
      const found = waitingOr404(c);
      if (!found || found.kind !== 'image') return c.notFound();
      const data = await imagePreview(service().fileOf(found));
      return c.body(new Uint8Array(data), 200, {
        'content-type': 'image/jpeg',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    })
    .get(`/:id${ID}/fichier`, async (c) => {
      const found = waitingOr404(c);
      if (!found) return c.notFound();
      const data = await readFile(service().fileOf(found));
      return c.body(new Uint8Array(data), 200, {
        'content-type': contentTypeOf(found.file),
        'content-disposition':
          found.kind === 'audio' ? 'inline' : `attachment; filename="${found.file}"`,
        'content-security-policy': UNTRUSTED_CSP,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    })
    .post(`/:id${ID}/modifier`, editForm, async (c) => {
      const found = waitingOr404(c);
      if (!found) return c.redirect(`${ADMIN_BASE}?ok=gone`, 303);
      const typed = c.req.valid('form');
      const errors = service().edit(found.id, typed);
      if (errors)
        return page(
          c,
          { kind: 'error', text: 'La fiche n’est pas enregistrée : corrigez le champ signalé.' },
          { id: found.id, errors, typed },
          400,
        );
      return c.redirect(`${ADMIN_BASE}?ok=saved`, 303);
    })
    .post(`/:id${ID}/effacer-metadonnees`, async (c) => {
      const found = waitingOr404(c);
      if (!found || found.kind !== 'pdf') return c.redirect(`${ADMIN_BASE}?ok=gone`, 303);
      try {
        await clearPdfMetadata(service().fileOf(found));
      } catch {
        return page(
          c,
          {
            kind: 'error',
            text: 'Ce PDF n’a pas pu être modifié : refusez-le ou publiez-le tel quel.',
          },
          undefined,
          400,
        );
      }
      return c.redirect(`${ADMIN_BASE}?ok=cleared`, 303);
    })
    .post(`/:id${ID}/publier`, async (c) => {
      const found = waitingOr404(c);
      if (!found) return c.redirect(`${ADMIN_BASE}?ok=gone`, 303);
      const result = await service().publish(found.id);
      if (!result.ok) return page(c, { kind: 'error', text: result.message }, undefined, 400);
      return c.redirect(
        `${ADMIN_BASE}?ok=published&oeuvre=${encodeURIComponent(result.workId)}`,
        303,
      );
    })
    .post(`/:id${ID}/refuser`, refuseForm, async (c) => {
      const found = waitingOr404(c);
      if (!found) return c.redirect(`${ADMIN_BASE}?ok=gone`, 303);
      const { reason } = c.req.valid('form');
      const problem = await service().refuse(found.id, reason);
      if (problem)
        return page(
          c,
          { kind: 'error', text: problem },
          { id: found.id, errors: { reason: problem }, typed: { reason } },
          400,
        );
      return c.redirect(`${ADMIN_BASE}?ok=refused`, 303);
    });
}
