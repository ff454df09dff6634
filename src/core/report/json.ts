import type { Beacon } from '../beacon.js';
import type { ProtocolId } from '../protocols/protocol.js';
import type { Finding, Severity } from '../rules/rule.js';
import { playbackLabels } from '../session/playbacks.js';
import type { Session } from '../session/session.js';
import { reportView } from './redacted-view.js';
import { type ReportRequest, reportRequest } from './report-request.js';
import { type ReportOptions, type ReportSource, reportParams } from './source.js';
import { type TruthJson, truthJson } from './truth.js';

/** The documented report shape (`report.schema.json`): fields may be added, never renamed or removed. */
export interface JsonReport {
  beacons: {
    index: number;
    time: string;
    protocol: ProtocolId;
    event: { code: string; name: string };
    sessionId: string;
    params: Record<string, string>;
    /** The request itself (added in 0.2, optional for readers): `diff` decodes the beacon from it again. */
    request?: ReportRequest;
  }[];
  /** `playback`: which playback of its session id, when the id holds several (a change of media). */
  sessions: { id: string; protocol: ProtocolId; beacons: number[]; playback?: number }[];
  findings: {
    rule: string;
    severity: Severity;
    message: string;
    beacons: number[];
    sessionId?: string;
    playback?: number;
  }[];
  summary: { beacons: number; sessions: number; errors: number; warnings: number; infos: number };
  /** Present only when the report was asked to keep `ks` and other secret values. */
  secrets?: 'included';
  /** What the videos really did (audits and attachInspector only). */
  truth?: TruthJson;
}

type JsonBeacon = JsonReport['beacons'][number];
type JsonFinding = JsonReport['findings'][number];

function jsonBeacon(b: Beacon): JsonBeacon {
  return {
    index: b.index,
    time: new Date(b.time).toISOString(),
    protocol: b.protocol,
    event: { code: b.event.code, name: b.event.name },
    sessionId: b.sessionId,
    params: Object.fromEntries(reportParams(b)),
    request: reportRequest(b.request),
  };
}

/** Session key → playback number; only a session id with several playbacks numbers them. */
function playbackNumbers(sessions: readonly Session[]): Map<string, number> {
  const labels = playbackLabels(sessions);
  const playbackOf = new Map<string, number>();
  for (const s of sessions) if (labels.has(s.key)) playbackOf.set(s.key, s.playbackNumber ?? 1);
  return playbackOf;
}

function jsonSession(s: Session, playbackOf: Map<string, number>): JsonReport['sessions'][number] {
  const out: JsonReport['sessions'][number] = {
    id: s.id,
    protocol: s.protocol,
    beacons: s.beacons.map((b) => b.index),
  };
  const playback = playbackOf.get(s.key);
  if (playback !== undefined) out.playback = playback;
  return out;
}

function jsonFinding(f: Finding, playbackOf: Map<string, number>): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    beacons: [...f.beacons],
  };
  if (f.sessionId !== undefined) out.sessionId = f.sessionId;
  const playback = f.session === undefined ? undefined : playbackOf.get(f.session);
  if (playback !== undefined) out.playback = playback;
  return out;
}

export function jsonReport(original: ReportSource, options: ReportOptions = {}): JsonReport {
  const source = reportView(original, options);
  const findings = source.findings();
  const sessions = source.sessions();
  const playbackOf = playbackNumbers(sessions);
  const report: JsonReport = {
    beacons: source.beacons().map(jsonBeacon),
    sessions: sessions.map((s) => jsonSession(s, playbackOf)),
    findings: findings.map((f) => jsonFinding(f, playbackOf)),
    summary: { ...source.summary(findings) },
  };
  if (!source.redacted) report.secrets = 'included';
  const truth = truthJson(source, options);
  if (truth) report.truth = truth;
  return report;
}

/**
 * The JSON report piece by piece, one beacon, session or finding at a time, so that a capture of a
 * million beacons is written without ever being one string or one object tree. Joined, the pieces are
 * exactly `JSON.stringify(jsonReport(…), null, 2)` and a newline.
 */
export function* jsonChunks(original: ReportSource, options: ReportOptions = {}): Generator<string> {
  const source = reportView(original, options);
  const findings = source.findings();
  const sessions = source.sessions();
  const playbackOf = playbackNumbers(sessions);
  yield '{\n';
  yield* jsonArray('beacons', source.beacons(), jsonBeacon);
  yield* jsonArray('sessions', sessions, (s) => jsonSession(s, playbackOf));
  yield* jsonArray('findings', findings, (f) => jsonFinding(f, playbackOf));
  const secrets = source.redacted ? '' : ',\n  "secrets": "included"';
  const truth = truthJson(source, options);
  const truthPart = truth ? `,\n  "truth": ${nested(truth, '  ')}` : '';
  yield `  "summary": ${nested(source.summary(findings), '  ')}${secrets}${truthPart}\n}\n`;
}

/** `"key": [ … ],` as JSON.stringify indents it two levels deep. */
function* jsonArray<T>(key: string, items: readonly T[], map: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield `  ${JSON.stringify(key)}: [],\n`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [`;
  for (const [i, item] of items.entries()) yield `${i ? ',' : ''}\n    ${nested(map(item), '    ')}`;
  yield '\n  ],\n';
}

/** A value as JSON.stringify(…, null, 2) writes it at some depth (JSON strings hold no raw newline). */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

export function renderJson(source: ReportSource, options: ReportOptions = {}): string {
  return [...jsonChunks(source, options)].join('');
}
