import type { Beacon } from '../beacon.js';
import type { ProtocolId } from '../protocols/protocol.js';

/** A point of the playhead-over-time curve: wall-clock ms and position in seconds. */
export interface PlayheadPoint {
  time: number;
  position: number;
  beacon: number;
}

export interface Interval {
  start: number;
  /** Undefined while still open. */
  end?: number;
  beacons: number[];
}

export interface Seek {
  time: number;
  from?: number;
  to?: number;
  beacon: number;
}

/** What a session's beacons say about playback, kept up to date as beacons arrive. */
export interface PlaybackSummary {
  entryId?: string;
  partnerId?: string;
  playerVersion?: string;
  /** Content duration in seconds when the protocol carries it. */
  duration?: number;
  firstTime?: number;
  lastTime?: number;
  /** Number of play-throughs: the first play, plus one per replay / new play. */
  playThroughs: number;
  playhead: PlayheadPoint[];
  pauses: Interval[];
  seeks: Seek[];
  buffering: Interval[];
  ended: boolean;
}

export interface Session {
  /**
   * Unique within an inspector: `${protocol}:${id}`, and `${protocol}:${id}#N` for the N-th playback
   * when one session id holds several (see `playbackNumber`).
   */
  key: string;
  /** The protocol's session id ('' when beacons carried none). */
  id: string;
  protocol: ProtocolId;
  /**
   * Which playback of its session id this is, from 1. A player that changes media may keep the session
   * id and start a new playback under it (KAVA): each playback is a Session of its own.
   */
  playbackNumber?: number;
  /** Key of the playback the same player played before this one (change media), when known. */
  follows?: string;
  /** In arrival order. */
  beacons: Beacon[];
  playback: PlaybackSummary;
}

export function emptyPlayback(): PlaybackSummary {
  return { playThroughs: 0, playhead: [], pauses: [], seeks: [], buffering: [], ended: false };
}
