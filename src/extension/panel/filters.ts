import type { Beacon } from '../../core/beacon.js';
import type { ProtocolId } from '../../core/protocols/protocol.js';
import type { Finding, Severity } from '../../core/rules/rule.js';

export interface Filters {
  /** Case-insensitive text searched in the event name and code, parameter keys and values, the URL. */
  text: string;
  /** Protocols shown; empty means all. */
  protocols: ReadonlySet<ProtocolId>;
  /** Show only beacons with a finding at least this severe; 'all' shows every beacon. */
  severity: Severity | 'all';
}

export const NO_FILTERS: Filters = { text: '', protocols: new Set(), severity: 'all' };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The worst severity among findings, for badges and the severity filter. */
export function worstSeverity(findings: readonly Finding[] | undefined): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings ?? []) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** The filters as one test, with the search text prepared once rather than per beacon. */
export function beaconFilter(
  filters: Filters,
): (beacon: Beacon, findings: readonly Finding[] | undefined) => boolean {
  const text = filters.text.trim().toLowerCase();
  const has = (s: string | undefined) => s?.toLowerCase().includes(text) === true;
  return (beacon, findings) => {
    if (filters.protocols.size > 0 && !filters.protocols.has(beacon.protocol)) return false;
    if (filters.severity !== 'all') {
      const worst = worstSeverity(findings);
      if (!worst || RANK[worst] < RANK[filters.severity]) return false;
    }
    if (text === '') return true;
    return (
      has(beacon.event.name) ||
      has(beacon.event.code) ||
      has(beacon.sessionId) ||
      has(beacon.request.url) ||
      beacon.params.some((p) => has(p.key) || has(p.value) || has(p.spec?.name))
    );
  };
}

/** Whether the findings of a beacon can decide if it is shown (a severity filter is set). */
export const dependsOnFindings = (filters: Filters) => filters.severity !== 'all';

/** Indices (into `beacons`) of the beacons to show. */
export function filterBeacons(
  beacons: readonly Beacon[],
  findingsByBeacon: ReadonlyMap<number, Finding[]>,
  filters: Filters,
): number[] {
  const matches = beaconFilter(filters);
  const out: number[] = [];
  for (const b of beacons) if (matches(b, findingsByBeacon.get(b.index))) out.push(b.index);
  return out;
}
