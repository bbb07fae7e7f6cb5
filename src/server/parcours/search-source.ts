import type { SearchSource } from '../catalogue/site-search.js';
import { DIGCOMP_LABELS, LEVEL_LABELS, PUBLIC_LABELS } from './messages.js';
import type { ParcoursService } from './service.js';

/** The parcours as the site search sees them (kind `parcours`): the ones the list shows. */
export function parcoursSearchSource(parcours: Pick<ParcoursService, 'list'>): SearchSource {
  return {
    kind: 'parcours',
    list: () =>
      parcours.list().map((p) => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        language: p.language,
        themes: p.themes,
        // "débutant", "seniors", "sécurité" find the parcours too.
        extra: [
          LEVEL_LABELS.fr[p.level] ?? p.level,
          ...p.public.map((v) => PUBLIC_LABELS.fr[v] ?? v),
          ...(p.digcomp ? [DIGCOMP_LABELS.fr[p.digcomp] ?? p.digcomp] : []),
          'parcours',
          'apprendre',
          'exercice',
        ],
      })),
  };
}
