import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';
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
  }[];
  sessions: { id: string; protocol: ProtocolId; beacons: number[] }[];
  findings: { rule: string; severity: Severity; message: string; beacons: number[]; sessionId?: string }[];
  summary: { beacons: number; sessions: number; errors: number; warnings: number; infos: number };
  /** What the videos really did (audits and attachInspector only). */
  truth?: TruthJson;
}

export function jsonReport(source: ReportSource, options: ReportOptions = {}): JsonReport {
  const findings = source.findings();
  const report: JsonReport = {
    beacons: source.beacons().map((b) => ({
      index: b.index,
      time: new Date(b.time).toISOString(),
      protocol: b.protocol,
      event: { code: b.event.code, name: b.event.name },
      sessionId: b.sessionId,
      params: Object.fromEntries(reportParams(b, options.redact !== false)),
    })),
    sessions: source.sessions().map((s) => ({
      id: s.id,
      protocol: s.protocol,
      beacons: s.beacons.map((b) => b.index),
    })),
    findings: findings.map((f) => {
      const out: JsonReport['findings'][number] = {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        beacons: [...f.beacons],
      };
      if (f.sessionId !== undefined) out.sessionId = f.sessionId;
      return out;
    }),
    summary: { ...source.summary(findings) },
  };
  const truth = truthJson(source, options);
  if (truth) report.truth = truth;
  return report;
}

export function renderJson(source: ReportSource, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonReport(source, options), null, 2)}\n`;
}
