import pc from 'picocolors';
import { groupFindings } from '../rules/finding-groups.js';
import type { Finding, Severity } from '../rules/rule.js';
import { playbackLabels } from '../session/playbacks.js';
import type { Session } from '../session/session.js';
import { clock, offset } from '../timeline/ticks.js';
import { beaconList } from './beacon-list.js';
import { escapeTerminal as safe } from './escape.js';
import { reportView } from './redacted-view.js';
import { identityLabels, keyParamValue, type ReportOptions, type ReportSource } from './source.js';
import { truthTextLines } from './truth.js';

export interface TextReportOptions extends ReportOptions {
  /** ANSI colours (the CLI asks for them only when stdout is a terminal). */
  color?: boolean;
}

const SIGNS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** Per session a compact timeline (offset, playhead, event, key params), its findings, then a summary. */
export function renderText(source: ReportSource, options: TextReportOptions = {}): string {
  return [...textChunks(source, options)].join('');
}

/** The text report a session at a time. */
export function* textChunks(original: ReportSource, options: TextReportOptions = {}): Generator<string> {
  const source = reportView(original, options);
  const c = pc.createColors(options.color === true);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const findings = source.findings();
  let lines: string[] = [];
  const sessions = source.sessions();
  const shown = new Set<Finding>();
  const { byBeacon, bySession } = groupFindings(findings);
  const playbacks = playbackLabels(sessions);

  for (const session of sessions) {
    const protocol = source.protocols.find((p) => p.id === session.protocol);
    lines.push(
      c.bold(
        sessionTitle(
          session,
          protocol?.label ?? session.protocol,
          playbacks.get(session.key),
          identityLabels(protocol),
        ),
      ),
    );
    const start = session.beacons[0]?.time ?? 0;
    // The position a beacon itself reports: a JW Seeked or Ad impression repeats the previous ping's pw.
    const positionOf = new Map(session.playback.playhead.map((p) => [p.beacon, p.position]));
    const mine = bySession.get(session.key) ?? [];
    for (const b of session.beacons) {
      const position = positionOf.get(b.index);
      const keys = (protocol?.keyParams ?? [])
        .map((k) => [k, keyParamValue(b, k)] as const)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${c.dim(`${k}=`)}${safe(v as string)}`);
      const worst = worstSeverity(byBeacon.get(b.index) ?? []);
      const name = safe(`${b.event.name}${b.detail ? ` [${b.detail}]` : ''}`);
      const cols = [
        c.dim(`#${String(b.index).padEnd(4)}`),
        offset(b.time - start).padStart(8),
        (position === undefined ? '' : clock(position)).padStart(7),
        ` ${worst ? paint[worst](name.padEnd(22)) : name.padEnd(22)}`,
        ...keys,
      ];
      if (b.request.status !== undefined && (b.request.status < 200 || b.request.status > 299)) {
        cols.push(c.red(safe(b.request.error ?? `HTTP ${b.request.status}`)));
      }
      lines.push(`  ${cols.join(' ')}`.trimEnd());
    }
    for (const f of mine) {
      shown.add(f);
      lines.push(`  ${findingLine(f, paint)}`);
    }
    lines.push('');
    yield `${lines.join('\n')}\n`;
    lines = [];
  }
  const orphans = findings.filter((f) => !shown.has(f));
  if (orphans.length) {
    lines.push(c.bold('Other findings'));
    for (const f of orphans) lines.push(`  ${findingLine(f, paint)}`);
    lines.push('');
  }
  lines.push(...truthTextLines(source));
  const s = source.summary(findings);
  const counts = [
    paint.error(`${s.errors} ${plural(s.errors, 'error')}`),
    paint.warning(`${s.warnings} ${plural(s.warnings, 'warning')}`),
    paint.info(`${s.infos} ${plural(s.infos, 'info')}`),
  ];
  lines.push(
    `${s.beacons} ${plural(s.beacons, 'beacon')} in ${s.sessions} ${plural(s.sessions, 'session')}: ${counts.join(', ')}`,
  );
  if (!source.redacted) lines.push(c.red('Secrets included: ks and other secret values are not redacted.'));
  yield `${lines.join('\n')}\n`;
}

function sessionTitle(
  session: Session,
  label: string,
  playback: string | undefined,
  names: ReturnType<typeof identityLabels>,
): string {
  const p = session.playback;
  const parts = [`${label} session ${session.id || '(no session id)'}`];
  if (playback) parts.push(playback);
  if (session.follows !== undefined) parts.push('after a change of media');
  if (p.entryId) parts.push(`${names.entry} ${p.entryId}`);
  if (p.partnerId) parts.push(`${names.partner} ${p.partnerId}`);
  if (p.playerVersion) parts.push(`${names.player} ${p.playerVersion}`);
  parts.push(`${session.beacons.length} ${plural(session.beacons.length, 'beacon')}`);
  return safe(parts.join(' · '));
}

function findingLine(f: Finding, paint: Record<Severity, (s: string) => string>): string {
  const beacons = f.beacons.length ? ` (${beaconList(f.beacons)})` : '';
  return `${paint[f.severity](`${SIGNS[f.severity]} ${f.severity.padEnd(7)} ${f.rule}`)}${beacons}: ${safe(f.message)}`;
}

function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  for (const s of ['error', 'warning', 'info'] as const) if (findings.some((f) => f.severity === s)) return s;
  return undefined;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
