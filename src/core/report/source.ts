import type { Beacon } from '../beacon.js';
import type { Inspector } from '../inspector.js';
import { safeDecode } from '../params/parse-params.js';
import type { ProtocolModule } from '../protocols/protocol.js';

/** What a report reads: an `Inspector`, or anything shaped like one (the audit's wrapper). */
export type ReportSource = Pick<
  Inspector,
  'beacons' | 'sessions' | 'findings' | 'summary' | 'rulesFor' | 'protocols'
> &
  Partial<Pick<Inspector, 'truth'>>;

export interface ReportOptions {
  /**
   * Replace `ks` and other secret values by `REDACTED:<fingerprint>:<length class>` (default true);
   * false includes them, and the report says so.
   */
  redact?: boolean;
}

/**
 * A beacon's parameters as `[name as sent (decoded once), value]`, first value per name. Writers read
 * beacons from their `reportView`, which has already redacted them.
 */
export function reportParams(beacon: Beacon): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const p of beacon.params) {
    const name = p.wireKey === undefined ? p.key : (safeDecode(p.wireKey) ?? p.wireKey);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push([name, p.value]);
  }
  return out;
}

/** A key parameter's value for compact views. */
export function keyParamValue(beacon: Beacon, key: string): string | undefined {
  return beacon.params.find((param) => param.key === key)?.value;
}

const IDENTITY_LABELS = { entry: 'entry', partner: 'partner', player: 'player' };

/** What session headers call the playback's entry, partner and player version for a protocol. */
export function identityLabels(protocol: ProtocolModule | undefined): typeof IDENTITY_LABELS {
  return protocol?.identityLabels ?? IDENTITY_LABELS;
}
