import type { Beacon } from '../beacon.js';
import type { ResolvedConfig } from '../config/config.js';
import type { ProtocolModule } from '../protocols/protocol.js';
import type { FindingDraft, Severity } from '../rules/rule.js';
import type { Session } from '../session/session.js';
import type { TruthMapping } from './mapping.js';
import { VideoPlayback } from './playback.js';
import type { TruthRecord } from './record.js';

/** The beacons of one protocol that report one video (all its sessions: a replay may start a new one). */
export interface TruthGroup {
  protocol: ProtocolModule;
  mapping: TruthMapping;
  video: VideoPlayback;
  sessions: Session[];
  /** The group's beacons inside the recorded span, in time order. */
  beacons: Beacon[];
}

export interface TruthContext {
  truth: TruthRecord;
  /** Recorded span: beacons and events outside it are not judged. */
  start: number;
  end: number;
  /**
   * Real events up to this time are judged for a missing beacon: while recording, one tolerance before
   * now (its beacon may still come); once stopped (the audit waited for the network to go quiet), a
   * second before the end.
   */
  judgedUntil: number;
  videos: VideoPlayback[];
  groups: TruthGroup[];
  /** Every beacon of the capture. */
  beacons: readonly Beacon[];
  tolerance: ResolvedConfig['truth'];
}

export interface TruthFindingDraft extends FindingDraft {
  /** The session it concerns (absent: the whole capture). */
  session?: Session;
}

/** A `truth/…` rule: judges the whole capture against the recorded video, once, on demand. */
export interface TruthRule {
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  judge(context: TruthContext): TruthFindingDraft[];
}

/** A beacon sent on the very last event of a stopped recording may not have been captured. */
const STOPPED_SLACK_MS = 1000;

/**
 * Pairs each session with the video it reports: the one whose recorded span overlaps the session's the
 * most (one video: that one). Sessions of protocols without a truth table are left out.
 */
export function truthContext(
  truth: TruthRecord,
  sessions: readonly Session[],
  beacons: readonly Beacon[],
  protocols: readonly ProtocolModule[],
  config: ResolvedConfig,
): TruthContext {
  const videos = truth.videos.filter((v) => v.events.length).map((v) => new VideoPlayback(v));
  const start = truth.start;
  const end = truth.end ?? Math.max(start, ...videos.map((v) => v.last), ...beacons.map((b) => b.time));
  const groups = new Map<string, TruthGroup>();
  for (const session of sessions) {
    const protocol = protocols.find((p) => p.id === session.protocol);
    const video = videoFor(session, videos);
    if (!protocol?.truth || !video) continue;
    const key = `${protocol.id}:${video.id}`;
    let group = groups.get(key);
    if (!group) {
      group = { protocol, mapping: protocol.truth, video, sessions: [], beacons: [] };
      groups.set(key, group);
    }
    group.sessions.push(session);
    for (const b of session.beacons) if (b.time >= start && b.time <= end) group.beacons.push(b);
  }
  for (const group of groups.values()) group.beacons.sort((a, b) => a.time - b.time || a.index - b.index);
  const judgedUntil =
    truth.end !== undefined ? truth.end - STOPPED_SLACK_MS : end - config.truth.eventToleranceSeconds * 1000;
  return {
    truth,
    start,
    end,
    judgedUntil,
    videos,
    groups: [...groups.values()],
    beacons,
    tolerance: config.truth,
  };
}

export function videoFor(session: Session, videos: readonly VideoPlayback[]): VideoPlayback | undefined {
  if (videos.length <= 1) return videos[0];
  const times = session.beacons.map((b) => b.time);
  const s0 = Math.min(...times);
  const s1 = Math.max(...times);
  let best: VideoPlayback | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const v of videos) {
    // Overlap in ms, or minus the gap when they do not overlap.
    const score = Math.min(s1, v.last) - Math.max(s0, v.first);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

/** The session of a group a time belongs to: the one whose beacons are nearest in time. */
export function sessionAt(group: TruthGroup, time: number): Session | undefined {
  let best: Session | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const s of group.sessions) {
    for (const b of s.beacons) {
      const d = Math.abs(b.time - time);
      if (d < distance) {
        best = s;
        distance = d;
      }
    }
  }
  return best;
}

/** "12.3 s" after the recording started, for messages. */
export function at(context: TruthContext, time: number): string {
  return `${((time - context.start) / 1000).toFixed(1)} s`;
}

/** Seconds with one decimal. */
export function secs(value: number): string {
  return `${Number(value.toFixed(1))} s`;
}

/** A beacon as messages name it: "Pause (33)". */
export function named(beacon: Beacon): string {
  return `${beacon.event.name} (${beacon.event.code})`;
}

/** Attaches the session a beacon belongs to. */
export function withSession(draft: TruthFindingDraft, group: TruthGroup, beacon: Beacon): TruthFindingDraft {
  const session = group.sessions.find((s) => s.id === beacon.sessionId);
  return session ? { ...draft, session } : draft;
}
