import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';
import { reportView } from './redacted-view.js';
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
  sessions: { id: string; protocol: ProtocolId; beacons: number[] }[];
  findings: { rule: string; severity: Severity; message: string; beacons: number[]; sessionId?: string }[];
  summary: { beacons: number; sessions: number; errors: number; warnings: number; infos: number };
  /** Present only when the report was asked to keep `ks` and other secret values. */
  secrets?: 'included';
}

export function jsonReport(original: ReportSource, options: ReportOptions = {}): JsonReport {
  const source = reportView(original, options);
  const findings = source.findings();
  const report: JsonReport = {
    beacons: source.beacons().map((b) => ({
      index: b.index,
      time: new Date(b.time).toISOString(),
      protocol: b.protocol,
      event: { code: b.event.code, name: b.event.name },
      sessionId: b.sessionId,
      params: Object.fromEntries(reportParams(b)),
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
  if (!source.redacted) report.secrets = 'included';
  return report;
}

export function renderJson(source: ReportSource, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonReport(source, options), null, 2)}\n`;
}
