import { z } from 'zod';
import { itemSchema, MANIFEST_FORMAT, manifestSchema, type Manifest } from './manifest.js';
import { problems } from './problems.js';
import type { PackProblem } from './types.js';

const MAX_SCHEMA_PROBLEMS = 20;

/** Line and column (from 1) of a character offset, for a person opening the file. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function jsonProblem(text: string, err: Error): PackProblem {
  const at = /position (\d+)/.exec(err.message);
  if (
    /end of (JSON|data) input/i.test(err.message) ||
    (at && Number(at[1]) >= text.trimEnd().length)
  ) {
    return problems.badJson('le fichier s’arrête avant la fin (copie incomplète ?)');
  }
  if (at) {
    const { line, column } = lineColumn(text, Number(at[1]));
    return problems.badJson(
      `erreur de syntaxe ligne ${line}, colonne ${column} (virgule, guillemet ou accolade en trop ou manquant)`,
    );
  }
  return problems.badJson('erreur de syntaxe');
}

/** "items[3].files[0].sha256", with the item's id when there is one. */
function where(path: PropertyKey[], data: unknown): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  if (path[0] === 'items' && typeof path[1] === 'number' && data && typeof data === 'object') {
    const items = (data as { items?: unknown }).items;
    const item = Array.isArray(items)
      ? (items[path[1]] as { id?: unknown } | undefined)
      : undefined;
    if (item && typeof item.id === 'string') out += ` (œuvre « ${item.id.slice(0, 64)} »)`;
  }
  return out || '(racine)';
}

export type ParseResult =
  { manifest: Manifest; problems: [] } | { manifest?: undefined; problems: PackProblem[] };

/**
 * A big manifest is parsed in slices so the portal keeps answering: the text is decoded
 * 256 KiB at a time and the works are checked 200 at a time, with a turn of the event
 * loop between slices. Only `JSON.parse` runs in one go (a few tens of ms for the 4 MiB
 * the reader allows; see DEFAULT_LIMITS.manifestBytes).
 */
const DECODE_SLICE = 256 * 1024;
const ITEMS_SLICE = 200;
/** Lets the event loop run (other requests) before going on. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The manifest's fields, with works taken apart to be checked in slices. */
const headSchema = manifestSchema.extend({
  items: z.array(z.unknown()).max(100_000).default([]),
});

async function decodeInSlices(bytes: Buffer): Promise<string | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += DECODE_SLICE) {
      const end = Math.min(at + DECODE_SLICE, bytes.length);
      parts.push(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
      if (end < bytes.length) await turn();
    }
    parts.push(decoder.decode());
  } catch {
    return null;
  }
  return parts.join('');
}

/** Bytes → manifest, or the problems in plain French (JSON position, field, reason). */
export async function parseManifest(bytes: Buffer): Promise<ParseResult> {
  const text = await decodeInSlices(bytes);
  if (text === null) return { problems: [problems.badJson('le texte n’est pas encodé en UTF-8')] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { problems: [jsonProblem(text, err as Error)] };
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const format = (data as { format?: unknown }).format;
    if (typeof format === 'string' && format !== MANIFEST_FORMAT)
      return { problems: [problems.badFormat(format.slice(0, 80))] };
  }
  const error = z.locales.fr().localeError;
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  const head = headSchema.safeParse(data, { error });
  if (!head.success) issues.push(...head.error.issues);
  const items: Manifest['items'] = [];
  const raw = head.success ? head.data.items : [];
  for (let i = 0; i < raw.length && issues.length < MAX_SCHEMA_PROBLEMS; i += 1) {
    const item = itemSchema.safeParse(raw[i], { error });
    if (item.success) items.push(item.data);
    else issues.push(...item.error.issues.map((x) => ({ ...x, path: ['items', i, ...x.path] })));
    if (i % ITEMS_SLICE === ITEMS_SLICE - 1) await turn();
  }
  if (issues.length > 0 || !head.success) {
    return {
      problems: issues
        .slice(0, MAX_SCHEMA_PROBLEMS)
        .map((i) => problems.schema(where(i.path, data), i.message)),
    };
  }
  return { manifest: { ...head.data, items }, problems: [] };
}
