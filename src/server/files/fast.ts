import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import { clientOfRequest } from '../http/client.js';
import type { CachedFile } from './cache.js';
import { loadFile, planAnswer, writeAnswer, type Answer } from './deliver.js';
import { hasPathTricks, type FileUse, type Located } from './desk.js';
import type { RequestFacts } from './plan.js';
import { parseFileUrl } from './urls.js';
import { isFirstByteRequest } from './routes.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Works' files and covers straight from Node's request, before Hono: a phone's burst of
 * covers or a class downloading the same EPUB costs a Map lookup and one write, not a
 * Web Request, a router and a middleware chain. It answers exactly what the Hono routes
 * (`routes.ts`) would, from the same `FileDesk`, and hands every other case to `next`:
 * other methods and paths, stray host names (the captive portal decides), path tricks
 * (400), unknown files (the 404 page), and any error before the answer started.
 */
export function fileFastPath(
  ctx: Context,
  /** Whether the request is for the box itself (else the captive portal decides, in Hono). */
  isForBox: (req: IncomingMessage) => boolean,
  next: NodeHandler,
): NodeHandler {
  const locate = (
    url: string,
  ): { use: FileUse | 'covers'; workId: string; found: Located } | null => {
    const parsed = parseFileUrl(url);
    if (!parsed) return null;
    const { workId } = parsed;
    const found =
      parsed.use !== 'covers'
        ? ctx.files.locate(parsed.use, workId, parsed.position)
        : parsed.width === undefined
          ? ctx.files.cover(workId)
          : ctx.files.thumbnail(workId, parsed.width);
    return found && { use: parsed.use, workId, found };
  };

  // The answer to a plain GET (no range, no validator) is the same every time for the
  // same located file and the same size and date: planned once, then reused. Only its
  // headers are kept here; the bytes stay in (and leave with) the small-file cache.
  const plainAnswers = new WeakMap<Located, { size: number; mtimeMs: number; answer: Answer }>();
  const planFor = (found: Located, cached: CachedFile, facts: RequestFacts): Answer => {
    const plain =
      facts.method === 'GET' && !facts.range && !facts.ifNoneMatch && !facts.ifModifiedSince;
    if (!plain) return planAnswer(cached, found.options, facts);
    const known = plainAnswers.get(found);
    const answer =
      known && known.size === cached.size && known.mtimeMs === cached.mtimeMs
        ? known.answer
        : planAnswer(cached, found.options, facts);
    if (answer !== known?.answer) {
      plainAnswers.set(found, {
        size: cached.size,
        mtimeMs: cached.mtimeMs,
        answer: { ...answer, slice: null },
      });
    }
    const inMemory = cached.size > 0 && cached.data.length === cached.size;
    return { ...answer, slice: inMemory ? cached.data : null };
  };

  return function fastFiles(req, res) {
    const url = req.url ?? '';
    const method = req.method;
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      !(url.startsWith('/files/') || url.startsWith('/media/') || url.startsWith('/covers/')) ||
      hasPathTricks(url) ||
      !isForBox(req)
    ) {
      next(req, res);
      return;
    }
    const target = locate(url);
    if (!target) {
      next(req, res);
      return;
    }
    const { use, workId, found } = target;
    const range = header(req.headers.range);
    const facts = {
      method,
      ifNoneMatch: header(req.headers['if-none-match']),
      ifModifiedSince: header(req.headers['if-modified-since']),
      range,
      ifRange: header(req.headers['if-range']),
    };
    const answer = (cached: CachedFile | null) => {
      // Gone from the disk since it was located: the Hono route says so with its 404 page.
      if (!cached) return next(req, res);
      if (use !== 'covers' && isFirstByteRequest(method, range)) {
        const client = clientOfRequest(req);
        ctx.events.emit({ type: use === 'files' ? 'download' : 'play', workId, client });
      }
      writeAnswer(res, planFor(found, cached, facts), found.full);
    };
    const kept = found.options.cache?.get(found.full);
    if (kept) answer(kept);
    else
      loadFile(found.full, found.options.cache).then(answer, (err: unknown) => {
        ctx.log.error(`${method} ${url}: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) next(req, res);
        else res.destroy();
      });
  };
}
