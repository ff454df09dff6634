import type { Beacon } from '../beacon.js';

/**
 * A beacon without session id is not attached to a session whose latest beacon of its context was
 * sent longer ago than this: after such a gap it more likely starts a playback of its own.
 */
export const ATTACH_GAP_MS = 10 * 60_000;

/** When a session sent beacons of one context: its first and latest send time. */
interface Span {
  first: number;
  last: number;
}

/**
 * Places a beacon that carries no session id in the session it belongs to, so that one lost id gives one
 * missing-id finding instead of a session of its own plus follow-on order errors in the real one.
 *
 * The matching: the beacon's context is its protocol plus the values of the protocol's `attachKeys`
 * (entry and partner); a beacon lacking one of them has no context and is never attached. Among the
 * sessions that sent beacons of the same context, the beacon joins the one that sent last at or before
 * it (a session with beacons on both sides of it sent "at" it), if that was at most `ATTACH_GAP_MS`
 * earlier. A beacon sent before every session of its context, or after a longer gap, is attached to none
 * and stays in the protocol's "(no session id)" session, as do the beacons that follow it there.
 *
 * Incremental: a beacon is placed once, when it arrives, from the beacons that came before it, so one
 * request at a time or a whole HAR give the same sessions.
 */
export class SessionAttacher<S> {
  private readonly byContext = new Map<string, Map<S, Span>>();

  /** Records a beacon that its own session id placed in `session` ('' too: that session is a candidate). */
  note(session: S, keys: readonly string[] | undefined, beacon: Beacon): void {
    const context = contextOf(keys, beacon);
    if (context === undefined) return;
    let spans = this.byContext.get(context);
    if (!spans) {
      spans = new Map();
      this.byContext.set(context, spans);
    }
    const span = spans.get(session);
    if (!span) spans.set(session, { first: beacon.time, last: beacon.time });
    else {
      if (beacon.time < span.first) span.first = beacon.time;
      if (beacon.time > span.last) span.last = beacon.time;
    }
  }

  /** The session a beacon without session id joins, or undefined when none fits. */
  find(keys: readonly string[] | undefined, beacon: Beacon): S | undefined {
    const context = contextOf(keys, beacon);
    const spans = context === undefined ? undefined : this.byContext.get(context);
    if (!spans) return undefined;
    const t = beacon.time;
    let best: S | undefined;
    let bestBefore = Number.NEGATIVE_INFINITY;
    for (const [session, span] of spans) {
      if (span.first > t) continue;
      const before = Math.min(span.last, t);
      // On a tie the session that came to this context later wins: the more recent one.
      if (before >= bestBefore) {
        best = session;
        bestBefore = before;
      }
    }
    return best !== undefined && t - bestBefore <= ATTACH_GAP_MS ? best : undefined;
  }
}

function contextOf(keys: readonly string[] | undefined, beacon: Beacon): string | undefined {
  if (!keys || keys.length === 0) return undefined;
  let context: string = beacon.protocol;
  for (const key of keys) {
    const value = beacon.values[key];
    if (value === undefined || value === '') return undefined;
    context += `\u0000${value}`;
  }
  return context;
}
