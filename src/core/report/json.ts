import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';
import { type ReportRequest, reportRequest } from './report-request.js';
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
    /** The request itself (added in 0.2, optional for readers): `diff` decodes the beacon from it again. */
    request?: ReportRequest;
  }[];
  sessions: { id: string; protocol: ProtocolId; beacons: number[] }[];
  findings: { rule: string; severity: Severity; message: string; beacons: number[]; sessionId?: string }[];
  summary: { beacons: number; sessions: number; errors: number; warnings: number; infos: number };
}

export function jsonReport(source: ReportSource, options: ReportOptions = {}): JsonReport {
  const findings = source.findings();
  return {
    beacons: source.beacons().map((b) => ({
      index: b.index,
      time: new Date(b.time).toISOString(),
      protocol: b.protocol,
      event: { code: b.event.code, name: b.event.name },
      sessionId: b.sessionId,
      params: Object.fromEntries(reportParams(b, options.redact !== false)),
      request: reportRequest(b.request, options.redact !== false),
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
}

export function renderJson(source: ReportSource, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonReport(source, options), null, 2)}\n`;
}
