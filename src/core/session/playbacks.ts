import type { Beacon } from '../beacon.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import type { Session } from './session.js';

/** Which session a beacon belongs to: an existing one, or a new one to open with these fields. */
export interface Placement {
  key: string;
  open?: { playbackNumber: number; follows?: string };
}

/**
 * Keeps, per session id, which of its playbacks is current, and per player its latest playback, so that
 * the inspector opens a new Session (same id, key `…#N`) where the protocol says a playback starts.
 */
export class Playbacks {
  private readonly current = new Map<string, { key: string; count: number }>();
  private readonly latestOfPlayer = new Map<string, string>();

  place(
    protocol: ProtocolModule,
    beacon: Beacon,
    sessionOf: (key: string) => Session | undefined,
  ): Placement {
    const base = `${protocol.id}:${beacon.sessionId}`;
    const current = this.current.get(base);
    const split = protocol.playbacks;
    const session = current && sessionOf(current.key);
    if (current && session && split?.startsPlayback(beacon, session) !== true) return { key: current.key };
    const playbackNumber = (current?.count ?? 0) + 1;
    const key = playbackNumber === 1 ? base : `${base}#${playbackNumber}`;
    this.current.set(base, { key, count: playbackNumber });
    const player = beacon.sessionId === '' ? undefined : split?.playerOf?.(beacon.sessionId);
    const playerKey = player === undefined ? undefined : `${protocol.id}:${player}`;
    const latest = playerKey === undefined ? undefined : this.latestOfPlayer.get(playerKey);
    const latestSession = latest === undefined ? undefined : sessionOf(latest);
    const follows =
      current?.key ?? (latestSession && split?.continues?.(beacon, latestSession) ? latest : undefined);
    if (playerKey !== undefined) this.latestOfPlayer.set(playerKey, key);
    return { key, open: follows === undefined ? { playbackNumber } : { playbackNumber, follows } };
  }
}

/** By `Session.key`, "playback 2 of 3" for each session whose id holds several playbacks. */
export function playbackLabels(sessions: readonly Session[]): Map<string, string> {
  const count = new Map<string, number>();
  const idOf = (s: Session) => `${s.protocol}:${s.id}`;
  for (const s of sessions) count.set(idOf(s), (count.get(idOf(s)) ?? 0) + 1);
  const labels = new Map<string, string>();
  for (const s of sessions) {
    const of = count.get(idOf(s)) ?? 1;
    if (of > 1) labels.set(s.key, `playback ${s.playbackNumber ?? 1} of ${of}`);
  }
  return labels;
}
