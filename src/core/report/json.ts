import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';
import { playbackLabels } from '../session/playbacks.js';
import { type ReportOptions, type ReportSource, reportParams } from './source.js';

/** The documented report shape (`report.schema.json`): fields may be added, never renamed or removed. */
export interface JsonReport {
  beacons: {
    index: number;
    time: string;
    protocol: ProtocolId;
    event: { code: string; name: string };
    sessionId: string;
    params: Record<string, string>;
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
}

export function jsonReport(source: ReportSource, options: ReportOptions = {}): JsonReport {
  const findings = source.findings();
  const sessions = source.sessions();
  // Only a session id with several playbacks numbers them.
  const labels = playbackLabels(sessions);
  const playbackOf = new Map<string, number>();
  for (const s of sessions) if (labels.has(s.key)) playbackOf.set(s.key, s.playbackNumber ?? 1);
  return {
    beacons: source.beacons().map((b) => ({
      index: b.index,
      time: new Date(b.time).toISOString(),
      protocol: b.protocol,
      event: { code: b.event.code, name: b.event.name },
      sessionId: b.sessionId,
      params: Object.fromEntries(reportParams(b, options.redact !== false)),
    })),
    sessions: sessions.map((s) => {
      const out: JsonReport['sessions'][number] = {
        id: s.id,
        protocol: s.protocol,
        beacons: s.beacons.map((b) => b.index),
      };
      const playback = playbackOf.get(s.key);
      if (playback !== undefined) out.playback = playback;
      return out;
    }),
    findings: findings.map((f) => {
      const out: JsonReport['findings'][number] = {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        beacons: [...f.beacons],
      };
      if (f.sessionId !== undefined) out.sessionId = f.sessionId;
      const playback = f.session === undefined ? undefined : playbackOf.get(f.session);
      if (playback !== undefined) out.playback = playback;
      return out;
    }),
    summary: { ...source.summary(findings) },
  };
}

export function renderJson(source: ReportSource, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonReport(source, options), null, 2)}\n`;
}
