import type { Beacon } from '../../beacon.js';
import { isNumber } from '../../params/formats.js';
import { noteCommon, type PlaybackTracker } from '../../session/playback.js';
import type { Interval, PlaybackSummary } from '../../session/session.js';
import { EVENT, PLAYING_EVENTS } from './events.js';

/**
 * KAVA playback picture: `position` on every beacon is the playhead; Pause (33) → Resume (4) is a
 * pause, Seek (35) a seek to `targetPosition`, Buffer Start (45) → Buffer End (46) buffering; Play (3)
 * starts the first play-through and each Replay (34) another; Play reached 100% (14) ends it.
 */
export function createKavaPlaybackTracker(): PlaybackTracker {
  let openPause: Interval | undefined;
  let openBuffer: Interval | undefined;
  // A Replay already counted the play-through that its following Play (if any: Kaltura's player sends a
  // Resume instead) starts.
  let replayPending = false;

  return {
    update(summary: PlaybackSummary, beacon: Beacon): void {
      const v = beacon.values;
      noteCommon(summary, beacon, { entryId: v.entryId, partnerId: v.partnerId, playerVersion: v.clientVer });
      const position = numberOf(v.position);
      const before = summary.playhead[summary.playhead.length - 1]?.position;
      if (position !== undefined)
        summary.playhead.push({ time: beacon.time, position, beacon: beacon.index });

      const type = v.eventType;
      if (openPause && type !== undefined && PLAYING_EVENTS.has(type)) {
        openPause.end = beacon.time;
        openPause.beacons.push(beacon.index);
        openPause = undefined;
      }
      switch (type) {
        case EVENT.play:
          if (replayPending) replayPending = false;
          else summary.playThroughs += 1;
          break;
        case EVENT.resume:
          replayPending = false;
          break;
        case EVENT.replay:
          summary.playThroughs += 1;
          summary.ended = false;
          replayPending = true;
          break;
        case EVENT.reached100:
          summary.ended = true;
          break;
        case EVENT.pause:
          if (!openPause) {
            openPause = { start: beacon.time, beacons: [beacon.index] };
            summary.pauses.push(openPause);
          }
          break;
        case EVENT.seek: {
          const seek: PlaybackSummary['seeks'][number] = { time: beacon.time, beacon: beacon.index };
          const to = numberOf(v.targetPosition);
          // Kaltura's player already reports the target as `position` on a Seek (docs/real-player.md):
          // where it came from is then the playhead of the beacon before.
          const from = position !== undefined && position !== to ? position : before;
          if (from !== undefined) seek.from = from;
          if (to !== undefined) seek.to = to;
          summary.seeks.push(seek);
          break;
        }
        case EVENT.bufferStart:
          if (!openBuffer) {
            openBuffer = { start: beacon.time, beacons: [beacon.index] };
            summary.buffering.push(openBuffer);
          }
          break;
        case EVENT.bufferEnd:
          if (openBuffer) {
            openBuffer.end = beacon.time;
            openBuffer.beacons.push(beacon.index);
            openBuffer = undefined;
          }
          break;
      }
    },
  };
}

function numberOf(value: string | undefined): number | undefined {
  return value !== undefined && isNumber(value) ? Number(value) : undefined;
}
