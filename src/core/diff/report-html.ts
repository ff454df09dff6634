import { escapeXml as esc } from '../report/escape.js';
import { CSP, CSS } from '../report/html.js';
import { groupDifferences, groupMessage, inPair, KIND_LABEL } from './group.js';
import type { DiffReportInput } from './report-json.js';
import type { Difference } from './types.js';

/** One self-contained HTML file: the verdict, then per session pair a table of its differences. No scripts. */
export function renderDiffHtml(input: DiffReportInput): string {
  const { result } = input;
  const sections = result.pairs.map((pair) => {
    const mine = result.differences.filter((d) => inPair(d, pair));
    const side = (id: string | undefined) => (id === undefined ? '—' : id || '(no session id)');
    const pending = pair.pending ? `, ${pair.pending} still to come` : '';
    return `<h2>${esc(pair.protocol)} session <code>${esc(side(pair.baselineSession))}</code> → <code>${esc(side(pair.candidateSession))}</code></h2>
<p class="muted">${pair.baselineBeacons} → ${pair.candidateBeacons} beacons, ${pair.aligned} aligned${pending}</p>
${mine.length ? table(mine) : '<p class="muted">Equivalent.</p>'}`;
  });
  const orphans = result.differences.filter((d) => !result.pairs.some((p) => inPair(d, p)));
  if (orphans.length) sections.push(`<h2>Outside any session pair</h2>\n${table(orphans)}`);
  const { matter, ignored } = result.summary;
  const verdict = result.equivalent
    ? '<b>Equivalent</b>: no difference that matters'
    : `<b class="error">Not equivalent</b>: ${matter} ${matter === 1 ? 'difference matters' : 'differences matter'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Player Inspector diff</title>
<style>${CSS}</style>
</head>
<body>
<h1>Golden-session diff</h1>
<p class="muted">baseline <code>${esc(input.baseline)}</code> → candidate <code>${esc(input.candidate)}</code></p>
<p class="summary">${verdict}${ignored ? ` (${ignored} more the config lets pass)` : ''}.</p>
${sections.join('\n')}
</body>
</html>
`;
}

function table(differences: readonly Difference[]): string {
  const rows = groupDifferences(differences).map((g) => {
    const d = g.first;
    const cls = d.matters ? 'error' : 'muted';
    return `<tr><td class="${cls}">${d.matters ? 'matters' : 'allowed'}</td><td>${esc(KIND_LABEL[d.kind])}</td><td><code>${esc(d.param ?? d.rule ?? '')}</code></td><td>${esc(groupMessage(g))}</td></tr>`;
  });
  return `<table><thead><tr><th></th><th>difference</th><th>parameter / rule</th><th>what changed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
