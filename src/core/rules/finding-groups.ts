import type { Finding } from './rule.js';

/**
 * Findings grouped in one pass: reports and timelines look them up per beacon and per session instead
 * of filtering every finding again for each (quadratic on a capture of 100 000 beacons).
 */
export interface FindingGroups {
  /** By `Beacon.index`, every finding that concerns the beacon. */
  byBeacon: Map<number, Finding[]>;
  /** By `Session.key`. */
  bySession: Map<string, Finding[]>;
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const byBeacon = new Map<number, Finding[]>();
  const bySession = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const i of f.beacons) append(byBeacon, i, f);
    const session = sessionKeyOf(f);
    if (session !== undefined) append(bySession, session, f);
  }
  return { byBeacon, bySession };
}

/**
 * The `Session.key` a finding concerns: its `session`, or for a finding made without one (an audit's
 * expectation) the key of its session id's first playback.
 */
export function sessionKeyOf(f: Finding): string | undefined {
  if (f.session !== undefined) return f.session;
  return f.sessionId === undefined ? undefined : `${f.protocol}:${f.sessionId}`;
}

/** Findings by any key (a rule id, …), in their order. */
export function groupBy<K>(findings: readonly Finding[], key: (f: Finding) => K): Map<K, Finding[]> {
  const groups = new Map<K, Finding[]>();
  for (const f of findings) append(groups, key(f), f);
  return groups;
}

function append<K>(map: Map<K, Finding[]>, key: K, finding: Finding): void {
  const list = map.get(key);
  if (list) list.push(finding);
  else map.set(key, [finding]);
}
