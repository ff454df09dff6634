import type { Finding } from './rule.js';

/**
 * Findings grouped in one pass: reports and timelines look them up per beacon and per session instead
 * of filtering every finding again for each (quadratic on a capture of 100 000 beacons).
 */
export interface FindingGroups {
  /** By `Beacon.index`, every finding that concerns the beacon. */
  byBeacon: Map<number, Finding[]>;
  /** By `Session.key` (`protocol:sessionId`). */
  bySession: Map<string, Finding[]>;
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const byBeacon = new Map<number, Finding[]>();
  const bySession = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const i of f.beacons) append(byBeacon, i, f);
    if (f.sessionId !== undefined) append(bySession, `${f.protocol}:${f.sessionId}`, f);
  }
  return { byBeacon, bySession };
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
