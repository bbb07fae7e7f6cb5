import type { Report } from './report.js';

/** Version of the export format described in docs/statistics.md. */
export const EXPORT_FORMAT = 'lanterne-statistiques/1';

export function reportJson(report: Report): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, ...report }, null, 2)}\n`;
}

/** RFC 4180 field: quoted when needed; a leading =,+,-,@ is defused for spreadsheets. */
function field(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line of the box's exports (the network's statistics use it too). */
export const line = (cells: Array<string | number>) => cells.map(field).join(',');

/** Lines as one CSV file: CRLF, with a byte-order mark so spreadsheets show accents. */
export const csvFile = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

/**
 * One CSV file for a funder's report: a header block, then sections separated by an
 * empty line, each with its own column headings (see docs/statistics.md). UTF-8 with
 * a byte-order mark so spreadsheets show accents.
 */
export function reportCsv(report: Report): string {
  const t = report.totals;
  const lines: string[] = [
    line(['section', 'champ', 'valeur']),
    line(['periode', 'debut', report.period.from]),
    line(['periode', 'fin', report.period.to]),
    line(['periode', 'bibliotheque', report.libraryName]),
    line(['periode', 'genere_le', report.generatedAt]),
    ...Object.entries(t).map(([k, v]) => line(['total', k, v])),
    ...Object.entries(report.devices).map(([k, v]) => line(['appareils', k, v])),
    ...Object.entries(report.kioskLengths).map(([k, v]) => line(['borne_duree', k, v])),
    ...report.kioskHours.map((v, h) => line(['borne_heure', String(h).padStart(2, '0'), v])),
    '',
    line(['jour', 'visiteurs', 'pages_vues', 'recherches', 'telechargements', 'lectures']),
    ...report.daily.map((d) =>
      line([d.day, d.visitors, d.views, d.searches, d.downloads, d.plays]),
    ),
    '',
    line(['oeuvre_id', 'titre', 'telechargements', 'lectures']),
    ...report.topWorks.map((w) => line([w.id, w.title, w.downloads, w.plays])),
    '',
    line([
      'notice_id',
      'titre',
      'ouvertures',
      'terminees',
      'taux_fin',
      'etape_abandon',
      'abandons',
      'avis_oui',
      'avis_moyen',
      'avis_non',
    ]),
    ...report.notices.map((n) =>
      line([
        n.id,
        n.title,
        n.opened,
        n.finished,
        n.completion === null ? '' : n.completion.toFixed(2),
        n.stop?.step ?? '',
        n.stop?.left ?? '',
        n.feedback.yes,
        n.feedback.neutral,
        n.feedback.no,
      ]),
    ),
    '',
    line(['recherche_sans_resultat', 'nombre']),
    ...report.failedSearches.map((f) => line([f.phrase, f.count])),
    '',
    line(['surface', 'rubrique', 'pages_vues']),
    ...report.sections.map((s) => line([s.surface, s.section, s.views])),
  ];
  return csvFile(lines);
}

/** File names for a period, e.g. `lanterne-statistiques-2026-11-01_2026-11-30`. */
export function exportBaseName(report: Report): string {
  return `lanterne-statistiques-${report.period.from}_${report.period.to}`;
}
