import type { Beacon } from '../../core/beacon.js';
import type { CapturedRequest } from '../../core/capture/captured-request.js';
import { safeDecode } from '../../core/params/parse-params.js';
import type { ProtocolId } from '../../core/protocols/protocol.js';
import { defaultProtocols } from '../../core/protocols/registry.js';
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
  const named = keysNamed(text);
  // The request's query and body decoded as a whole hold every parameter key and value decoded once, so a
  // search reads one string per beacon instead of its parameters, which the core decodes again for all
  // but the last few beacons (docs/performance.md). Parameters are read only where that text cannot
  // answer: broken percent-encoding, a binary body, or a search that names a parameter ("Partner ID").
  const inParameters = (beacon: Beacon) => {
    const decoded = decodedText(beacon.request);
    if (decoded === undefined)
      return beacon.params.some((p) => has(p.key) || has(p.value) || named.has(p.key));
    if (has(decoded)) return true;
    return named.size > 0 && beacon.params.some((p) => named.has(p.key));
  };
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
      inParameters(beacon)
    );
  };
}

/**
 * Keys of the known parameters whose name or canonical key contains the search text, over every protocol
 * (a canonical key such as `event:eventType` may be written otherwise on the wire).
 */
function keysNamed(text: string): ReadonlySet<string> {
  const keys = new Set<string>();
  if (text === '') return keys;
  for (const protocol of defaultProtocols) {
    for (const { key, name } of protocol.spec.params)
      if (name.toLowerCase().includes(text) || key.toLowerCase().includes(text)) keys.add(key);
  }
  return keys;
}

/** The URL and a text body decoded once as a whole ('+' is a space); undefined when either will not decode. */
function decodedText(request: CapturedRequest): string | undefined {
  const body = request.body;
  if (body?.kind === 'binary') return undefined;
  return safeDecode(body ? `${request.url}\n${body.text}` : request.url);
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
