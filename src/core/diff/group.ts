import type { Difference } from './types.js';

/** Differences of one kind that say the same thing about several beacons (partnerId changed on all). */
export interface DifferenceGroup {
  first: Difference;
  all: Difference[];
  /** The events concerned, in order, each once. */
  events: string[];
}

const BY_PARAM = new Set<Difference['kind']>([
  'param-added',
  'param-removed',
  'value-changed',
  'format-changed',
]);

/** Groups parameter differences by parameter and values, new findings by rule; others stand alone. */
export function groupDifferences(differences: readonly Difference[]): DifferenceGroup[] {
  const groups: DifferenceGroup[] = [];
  const byKey = new Map<string, DifferenceGroup>();
  for (const d of differences) {
    const pair = [d.kind, d.protocol, d.baselineSession, d.candidateSession];
    const key = BY_PARAM.has(d.kind)
      ? JSON.stringify([...pair, d.param, d.baseline, d.candidate])
      : d.kind === 'new-finding'
        ? JSON.stringify([...pair, d.rule, d.severity, d.matters])
        : undefined;
    const group = key === undefined ? undefined : byKey.get(key);
    if (group) {
      group.all.push(d);
      if (d.event && !group.events.includes(d.event)) group.events.push(d.event);
      continue;
    }
    const created = { first: d, all: [d], events: d.event ? [d.event] : [] };
    groups.push(created);
    if (key !== undefined) byKey.set(key, created);
  }
  return groups;
}

/** The group's sentence: the first difference's, widened to every beacon it concerns. */
export function groupMessage(group: DifferenceGroup): string {
  const { first, all, events } = group;
  if (all.length === 1) return first.message;
  if (first.kind === 'new-finding') {
    const beacons = all.flatMap((d) => (d.candidateBeacon === undefined ? [] : [`#${d.candidateBeacon}`]));
    const shown = beacons.slice(0, 6).join(', ') + (beacons.length > 6 ? ', …' : '');
    return `${all.length} new ${first.severity} findings ${first.rule} (${shown}), the first: ${first.message.replace(/^[^:]*: /, '')}`;
  }
  const shown = events.slice(0, 4).join(', ') + (events.length > 4 ? `, … (${events.length} events)` : '');
  const what = first.message.slice((first.event?.length ?? -2) + 2);
  return `${what} on ${all.length} beacons: ${shown}`;
}

export const KIND_LABEL: Record<Difference['kind'], string> = {
  'session-missing': 'session missing',
  'session-added': 'session added',
  'event-missing': 'event missing',
  'event-added': 'event added',
  'param-removed': 'param removed',
  'param-added': 'param added',
  'value-changed': 'value changed',
  'format-changed': 'format changed',
  timing: 'timing',
  'new-finding': 'new finding',
};

/** Whether a difference belongs to a session pair of the result. */
export function inPair(
  d: Difference,
  pair: { protocol: string; baselineSession?: string; candidateSession?: string },
): boolean {
  return (
    d.protocol === pair.protocol &&
    d.baselineSession === pair.baselineSession &&
    d.candidateSession === pair.candidateSession
  );
}
