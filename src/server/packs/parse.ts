import { z } from 'zod';
import { MANIFEST_FORMAT, manifestSchema, type Manifest } from './manifest.js';
import { decodeUtf8 } from './names.js';
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

/** Bytes → manifest, or the problems in plain French (JSON position, field, reason). */
export function parseManifest(bytes: Buffer): ParseResult {
  const text = decodeUtf8(bytes);
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
  const parsed = manifestSchema.safeParse(data, { error: z.locales.fr().localeError });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues
        .slice(0, MAX_SCHEMA_PROBLEMS)
        .map((i) => problems.schema(where(i.path, data), i.message)),
    };
  }
  return { manifest: parsed.data, problems: [] };
}
