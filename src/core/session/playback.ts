import type { Beacon } from '../beacon.js';
import type { PlaybackSummary } from './session.js';

/**
 * Each protocol says how its events move the playhead: a tracker updates a session's summary as each
 * beacon arrives (incremental: never re-reads the whole session).
 */
export interface PlaybackTracker {
  update(summary: PlaybackSummary, beacon: Beacon): void;
}

/** Shared bookkeeping every tracker does first: times and the identity fields. */
export function noteCommon(
  summary: PlaybackSummary,
  beacon: Beacon,
  ids: { entryId?: string; partnerId?: string; playerVersion?: string },
): void {
  if (summary.firstTime === undefined || beacon.time < summary.firstTime) summary.firstTime = beacon.time;
  if (summary.lastTime === undefined || beacon.time > summary.lastTime) summary.lastTime = beacon.time;
  if (summary.entryId === undefined && ids.entryId) summary.entryId = ids.entryId;
  if (summary.partnerId === undefined && ids.partnerId) summary.partnerId = ids.partnerId;
  if (summary.playerVersion === undefined && ids.playerVersion) summary.playerVersion = ids.playerVersion;
}
