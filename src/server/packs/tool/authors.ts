import type { ExtractedAuthor } from './extract.js';

/** Roles as an animateur writes them in the sheet, in French (English accepted too). */
const ROLE_NAMES: Record<ExtractedAuthor['role'], string> = {
  author: 'auteur',
  translator: 'traducteur',
  illustrator: 'illustrateur',
  narrator: 'narrateur',
  editor: 'éditeur',
  composer: 'compositeur',
  photographer: 'photographe',
  director: 'réalisateur',
};

const FROM_NAME = new Map<string, ExtractedAuthor['role']>();
for (const [role, fr] of Object.entries(ROLE_NAMES) as Array<[ExtractedAuthor['role'], string]>) {
  FROM_NAME.set(fr, role);
  FROM_NAME.set(`${fr}e`, role);
  FROM_NAME.set(`${fr.replace(/eur$/, 'rice')}`, role);
  FROM_NAME.set(role, role);
}
FROM_NAME.set('autrice', 'author');
FROM_NAME.set('éditrice', 'editor');

/** `Victor Hugo; Jean Dupont (traducteur)` — the main author needs no role. */
export function formatAuthors(authors: readonly ExtractedAuthor[]): string {
  return authors
    .map((a) => (a.role === 'author' ? a.name : `${a.name} (${ROLE_NAMES[a.role]})`))
    .join('; ');
}

export function parseAuthors(cell: string): { authors: ExtractedAuthor[]; unknownRoles: string[] } {
  const authors: ExtractedAuthor[] = [];
  const unknownRoles: string[] = [];
  for (const part of cell
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.*?)\s*\(([^)]+)\)$/.exec(part);
    const name = (m?.[1] ?? part).trim();
    const roleText = m?.[2]?.trim().toLowerCase();
    const role = roleText === undefined ? 'author' : FROM_NAME.get(roleText);
    if (role === undefined) unknownRoles.push(roleText ?? '');
    if (name) authors.push({ name, role: role ?? 'author' });
  }
  return { authors, unknownRoles };
}

/** Themes and keywords share the author separator. */
export function parseList(cell: string): string[] {
  return cell
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
}
