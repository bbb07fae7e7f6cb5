import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/** Forms, feedback and kiosk events are small; nothing a visitor sends needs more. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
/** The notice editor uploads step pictures (5 MB at most, checked again by its route). */
const PICTURE_UPLOAD = /^\/admin\/notices\/[^/]+\/steps\/\d+\/picture$/;
const PICTURE_LIMIT = 6 * 1024 * 1024;
/** A pack sent from the admin page: its route streams it to disk under its own cap. */
const PACK_UPLOAD = '/admin/packs/upload';
/** Visitors' proposals: bounded in size AND time by their own route (contributions/body.ts). */
const CONTRIBUTION_UPLOAD = /^\/contribuer\/?$/;
/** Resumable uploads of proposals (tus, contributions/resumable.ts). */
const RESUMABLE_UPLOAD = /^\/contribuer\/envoi(\/[0-9a-f]{32})?$/;

/**
 * Caps every request body before anything reads it (the admin gate's CSRF check reads
 * forms too): a single oversized POST must not be able to fill a Pi's memory.
 * Declared lengths are refused at once; undeclared (chunked) bodies are cut when they
 * cross the limit.
 */
export function requestBodyLimit(): MiddlewareHandler {
  const small = bodyLimit({ maxSize: DEFAULT_BODY_LIMIT, onError: tooLarge });
  const upload = bodyLimit({ maxSize: PICTURE_LIMIT, onError: tooLarge });
  return async function requestBodyLimit(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next();
    // Only the real upload form (multipart, token in the query): without the token the
    // admin guard would read the whole body to look for it.
    if (
      c.req.path === PACK_UPLOAD &&
      c.req.query('_csrf') &&
      (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
    )
      return next();
    if (c.req.method === 'POST' && CONTRIBUTION_UPLOAD.test(c.req.path)) return next();
    // The pieces of a resumable upload: tus caps each upload at the contribution limit.
    if (RESUMABLE_UPLOAD.test(c.req.path)) return next();
    return (PICTURE_UPLOAD.test(c.req.path) ? upload : small)(c, next);
  };
}

function tooLarge(): never {
  throw new HTTPException(413, { message: 'Envoi trop volumineux pour la boîte.' });
}
