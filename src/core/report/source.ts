import type { Beacon } from '../beacon.js';
import { isSecretKey, REDACTED, secretParamKeys } from '../capture/redact.js';
import type { Inspector } from '../inspector.js';
import { safeDecode } from '../params/parse-params.js';

/** What a report reads: an `Inspector`, or anything shaped like one (the audit's wrapper). */
export type ReportSource = Pick<
  Inspector,
  'beacons' | 'sessions' | 'findings' | 'summary' | 'rulesFor' | 'protocols'
> &
  Partial<Pick<Inspector, 'truth'>>;

export interface ReportOptions {
  /** Replace `ks` and other secret values by `REDACTED` (default true). */
  redact?: boolean;
}

/**
 * A beacon's parameters as `[name as sent (decoded once), value]`, first value per name, secrets
 * replaced unless `redact` is false.
 */
export function reportParams(beacon: Beacon, redact = true): [string, string][] {
  const secrets = redact ? secretParamKeys() : undefined;
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const p of beacon.params) {
    const name = p.wireKey === undefined ? p.key : (safeDecode(p.wireKey) ?? p.wireKey);
    if (seen.has(name)) continue;
    seen.add(name);
    const secret = secrets !== undefined && (p.spec?.secret === true || isSecretKey(p.key, secrets));
    out.push([name, secret ? REDACTED : p.value]);
  }
  return out;
}

/** A key parameter's value for compact views, redacted like the rest. */
export function keyParamValue(beacon: Beacon, key: string, redact = true): string | undefined {
  const p = beacon.params.find((param) => param.key === key);
  if (!p) return undefined;
  if (redact && (p.spec?.secret === true || isSecretKey(p.key, secretParamKeys()))) return REDACTED;
  return p.value;
}
