import { groupFindings } from '../rules/finding-groups.js';
import type { Finding } from '../rules/rule.js';
import { playbackLabels } from '../session/playbacks.js';
import type { Session } from '../session/session.js';
import { renderTimelineSvg, TIMELINE_CSS } from '../timeline/svg.js';
import { timelineGeometry } from '../timeline/timeline.js';
import { beaconRuns } from './beacon-list.js';
import { escapeXml as esc } from './escape.js';
import { reportView } from './redacted-view.js';
import { identityLabels, type ReportOptions, type ReportSource, reportParams } from './source.js';
import { truthLinesFor, truthTextLines } from './truth.js';

export interface HtmlReportOptions extends ReportOptions {
  title?: string;
  /** Time printed in the header (default now); fixed by tests for stable output. */
  generatedAt?: Date;
  /** Lower limits than `HTML_LIMITS` (tests). */
  limits?: Partial<typeof HTML_LIMITS>;
}

// No scripts at all, and a policy that forbids them: a captured value can never become live markup.
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export const CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb;
  --error: #dc2626; --warning: #b45309; --info: #2563eb; --row: #f9fafb; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111827; --fg: #e5e7eb; --muted: #9ca3af; --line: #374151;
    --error: #f87171; --warning: #fbbf24; --info: #60a5fa; --row: #1f2937; }
}
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
h3 { font-size: 14px; margin: 20px 0 4px; word-break: break-all; }
.muted { color: var(--muted); }
.summary b { font-weight: 600; }
.error { color: var(--error); } .warning { color: var(--warning); } .info { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); }
tbody tr:nth-child(even) { background: var(--row); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .params td { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
code.rule { white-space: nowrap; word-break: normal; }
details summary { cursor: pointer; color: var(--muted); }
.params { margin: 4px 0; } .params td { border: 0; padding: 1px 6px; }
svg.pi-tl { max-width: 100%; height: auto; display: block; }
a { color: var(--info); }
${TIMELINE_CSS}`;

/**
 * What one HTML file shows in full: beyond these, sessions are summarised in a table without a
 * timeline, and the findings and beacons tables stop (the JSON report has everything). A browser
 * cannot open a report of a million beacons, and it could not even be made as one string.
 */
export const HTML_LIMITS = { sessions: 200, findings: 20_000, beacons: 20_000 };

/** One self-contained HTML file: summary, a timeline per session, findings and beacons. Everything escaped. */
export function renderHtml(source: ReportSource, options: HtmlReportOptions = {}): string {
  return [...htmlChunks(source, options)].join('');
}

/** The HTML report piece by piece (a session, a table row at a time), within `HTML_LIMITS`. */
export function* htmlChunks(original: ReportSource, options: HtmlReportOptions = {}): Generator<string> {
  const limits = { ...HTML_LIMITS, ...options.limits };
  const source = reportView(original, options);
  const findings = source.findings();
  const summary = source.summary(findings);
  const title = source.text(options.title ?? 'Player Inspector report');
  const { byBeacon, bySession } = groupFindings(findings);
  const label = (id: string) => source.protocols.find((p) => p.id === id)?.label ?? id;
  const allSessions = source.sessions();
  const beacons = source.beacons();

  const playbacks = playbackLabels(allSessions);
  const counts = `<b>${summary.beacons}</b> beacons · <b>${summary.sessions}</b> sessions · <b class="error">${summary.errors}</b> errors · <b class="warning">${summary.warnings}</b> warnings · <b class="info">${summary.infos}</b> infos`;
  const generated = (options.generatedAt ?? new Date()).toISOString();
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="summary">${counts}</p><p class="muted">Generated ${esc(generated)}${source.redacted ? ' · secrets redacted' : ' · <b class="error">secrets included</b> (not redacted)'}</p></header>
${truthSection(source)}<h2>Sessions</h2>
`;
  if (allSessions.length === 0) yield '<p class="muted">No beacons were recognised.</p>';
  for (const [i, s] of allSessions.slice(0, limits.sessions).entries()) {
    const mine = bySession.get(s.key) ?? [];
    const playback = playbacks.get(s.key);
    const name = `${label(s.protocol)} session ${s.id || '(no session id)'}${playback ? `, ${playback}` : ''}`;
    const p = s.playback;
    const names = identityLabels(source.protocols.find((m) => m.id === s.protocol));
    const facts = [
      p.entryId && `${esc(names.entry)} <code>${esc(p.entryId)}</code>`,
      p.partnerId && `${esc(names.partner)} <code>${esc(p.partnerId)}</code>`,
      p.playerVersion && `${esc(names.player)} <code>${esc(p.playerVersion)}</code>`,
      `${s.beacons.length} beacons`,
      `${mine.filter((f) => f.severity === 'error').length} errors`,
      `${mine.filter((f) => f.severity === 'warning').length} warnings`,
    ].filter(Boolean);
    const truth = truthLinesFor(source, s);
    const svg = renderTimelineSvg(
      timelineGeometry(s, mine, { width: 1000, height: 240, ...(truth ? { truth } : {}) }),
      { title: `Timeline of ${name}`, embedStyle: false },
    );
    const legend = truth
      ? '<p class="muted">Dashed green: the real playhead of the video (ground truth).</p>'
      : '';
    yield `${i ? '\n' : ''}<section class="session" id="session-${i}"><h3>${esc(name)}</h3><p class="muted">${facts.join(' · ')}</p>${svg}${legend}${mine.length ? findingsTable(mine, false) : '<p class="muted">No findings.</p>'}</section>`;
  }
  if (allSessions.length > limits.sessions) {
    yield* sessionSummaries(allSessions.slice(limits.sessions), limits.sessions, bySession, label);
  }
  yield '\n<h2>Findings</h2>\n';
  if (findings.length === 0) yield '<p class="muted">No findings.</p>';
  else yield* findingsRows(findings, true, limits.findings);
  yield `
<h2>Beacons</h2>
<table class="beacons"><thead><tr><th>#</th><th>time</th><th>protocol</th><th>event</th><th>session</th><th>status</th><th>findings</th><th>parameters</th></tr></thead>
<tbody>`;
  for (const [i, b] of beacons.slice(0, limits.beacons).entries()) {
    const status = b.request.error ?? (b.request.status === undefined ? '' : String(b.request.status));
    const bad = b.request.status !== undefined && (b.request.status < 200 || b.request.status > 299);
    const concerning = byBeacon.get(b.index) ?? [];
    const params = reportParams(b)
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`)
      .join('');
    const rules = concerning.map((f) => `<span class="${f.severity}">${esc(f.rule)}</span>`).join(' ');
    yield `${i ? '\n' : ''}<tr id="b-${b.index}"><td class="num">${b.index}</td><td>${esc(new Date(b.time).toISOString())}</td><td>${esc(b.protocol)}</td><td>${esc(b.event.name)} <span class="muted">(${esc(b.event.code)})</span></td><td><code>${esc(b.sessionId)}</code></td><td class="${bad ? 'error' : ''}">${esc(status)}</td><td>${rules}</td><td><details><summary>${b.params.length} params</summary><table class="params">${params}</table></details></td></tr>`;
  }
  yield '</tbody></table>\n';
  if (beacons.length > limits.beacons) {
    yield `<p class="muted limit">The first ${limits.beacons} of ${beacons.length} beacons are listed: the JSON report has all of them.</p>\n`;
  }
  yield '</body>\n</html>\n';
}

/** Sessions past the limit: one row each, no timeline. */
function* sessionSummaries(
  sessions: readonly Session[],
  shown: number,
  bySession: ReadonlyMap<string, readonly Finding[]>,
  label: (id: string) => string,
): Generator<string> {
  yield `\n<p class="muted limit">${sessions.length} more sessions are summarised without timelines (the first ${shown} are drawn).</p>\n<table class="sessions"><thead><tr><th>session</th><th>beacons</th><th>errors</th><th>warnings</th></tr></thead><tbody>`;
  for (const s of sessions) {
    const mine = bySession.get(s.key) ?? [];
    const name = `${label(s.protocol)} session ${s.id || '(no session id)'}`;
    yield `<tr><td>${esc(name)}</td><td class="num">${s.beacons.length}</td><td class="num">${mine.filter((f) => f.severity === 'error').length}</td><td class="num">${mine.filter((f) => f.severity === 'warning').length}</td></tr>`;
  }
  yield '</tbody></table>';
}

function findingsTable(findings: readonly Finding[], withSession: boolean): string {
  return [...findingsRows(findings, withSession, Number.POSITIVE_INFINITY)].join('');
}

function* findingsRows(findings: readonly Finding[], withSession: boolean, limit: number): Generator<string> {
  const sessionHead = withSession ? '<th>session</th>' : '';
  yield `<table class="findings"><thead><tr><th>severity</th><th>rule</th>${sessionHead}<th>beacons</th><th>message</th></tr></thead><tbody>`;
  const link = (i: number) => `<a href="#b-${i}">#${i}</a>`;
  for (const f of findings.slice(0, limit)) {
    const beacons = beaconRuns(f.beacons)
      .map(([first, last]) => (first === last ? link(first) : `${link(first)}–${link(last)}`))
      .join(' ');
    const session = withSession ? `<td><code>${esc(f.sessionId ?? '')}</code></td>` : '';
    yield `<tr><td class="${f.severity}">${f.severity}</td><td><code class="rule">${esc(f.rule)}</code></td>${session}<td>${beacons}</td><td>${esc(f.message)}</td></tr>`;
  }
  yield '</tbody></table>';
  if (findings.length > limit) {
    yield `\n<p class="muted limit">The first ${limit} of ${findings.length} findings are listed: the JSON report has all of them.</p>`;
  }
}

/** What the videos really did, one line each (audits only). */
function truthSection(source: ReportSource): string {
  const lines = truthTextLines(source);
  if (!lines.length) return '';
  return `<h2>Ground truth</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>\n`;
}
