import type { Session } from '../session/session.js';

export type SessionPair = [baseline: Session | undefined, candidate: Session | undefined];

/**
 * Pairs the sessions of two captures: by protocol and order of appearance, or, with `key`, by protocol
 * and that parameter's value (the first non-empty one of each session; `entryId` also finds the legacy
 * stats `event:entryId`), then order. A session without a partner is paired with undefined.
 */
export function pairSessions(
  baseline: readonly Session[],
  candidate: readonly Session[],
  key?: string,
): SessionPair[] {
  const groupOf = (s: Session) =>
    key === undefined ? s.protocol : `${s.protocol}\u0000${pairValue(s, key)}`;
  const waiting = new Map<string, Session[]>();
  for (const s of candidate) {
    const group = groupOf(s);
    const list = waiting.get(group);
    if (list) list.push(s);
    else waiting.set(group, [s]);
  }
  const pairs: SessionPair[] = [];
  const paired = new Set<Session>();
  for (const s of baseline) {
    const partner = waiting.get(groupOf(s))?.shift();
    if (partner) paired.add(partner);
    pairs.push([s, partner]);
  }
  // Candidate sessions left over, in their own order.
  for (const s of candidate) if (!paired.has(s)) pairs.push([undefined, s]);
  return pairs;
}

function pairValue(session: Session, key: string): string {
  for (const b of session.beacons) {
    const v = b.values[key] ?? b.values[`event:${key}`];
    if (v) return v;
  }
  return '';
}
