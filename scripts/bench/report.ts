/** One line of the results table; `ratio` is against lighttpd where that makes sense. */
export interface Row {
  what: string;
  value: string;
  lighttpd?: string;
  ratio?: string;
  target?: string;
  /** undefined: no target for this row (informative). */
  pass?: boolean | undefined;
  note?: string;
  /** Cost in CPU time, independent of other load on the machine. */
  cpu?: string;
  /** The verdict for a core of its own, estimated from the CPU used. */
  passCpu?: boolean | undefined;
}

export const fmt = {
  rps: (n: number) => `${Math.round(n).toLocaleString('fr-FR')} req/s`,
  ms: (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`,
  gbps: (n: number) => `${(n / 1e9).toFixed(2)} Go/s`,
  mb: (n: number) => `${n.toFixed(1)} Mo`,
  ratio: (n: number) => `${n.toFixed(2)}×`,
};

function verdict(pass: boolean | undefined): string {
  return pass === undefined ? '—' : pass ? 'PASS' : 'FAIL';
}

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| Mesure | Lanterne | lighttpd | Ratio | Cible | Verdict (mesuré) | Coût CPU (capacité sur un cœur dédié) | Verdict (cœur dédié) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${r.value} | ${r.lighttpd ?? '—'} | ${r.ratio ?? '—'} | ${r.target ?? '—'} | ${verdict(r.pass)} | ${r.cpu ?? ''} | ${r.passCpu === undefined ? '' : verdict(r.passCpu)} |`,
    ),
  ];
  return lines.join('\n');
}

/** A plain-text table for the terminal; `reference` names the third column. */
export function textTable(rows: Row[], reference = 'lighttpd'): string {
  const cells = rows.map((r) => [
    r.what,
    r.value,
    r.lighttpd ?? '',
    r.ratio ?? '',
    r.target ?? '',
    verdict(r.pass),
    r.cpu ?? '',
    r.passCpu === undefined ? '' : verdict(r.passCpu),
  ]);
  const header = [
    'Mesure',
    'Lanterne',
    reference,
    'Ratio',
    'Cible',
    'Verdict',
    'Coût CPU',
    'Cœur dédié',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The other teams' rows: value, their own reference (e.g. a plain copy), target, verdict. */
export function simpleMarkdownTable(rows: Row[]): string {
  return [
    '| Mesure | Valeur | Référence | Ratio | Cible | Verdict |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.value} | ${r.lighttpd ?? '—'} | ${r.ratio ?? '—'} | ${r.target ?? '—'} | ${verdict(r.pass)} |`,
    ),
  ].join('\n');
}
