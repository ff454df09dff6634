import type { Beacon } from '../../beacon.js';
import { isNumber } from '../../params/formats.js';
import { noteCommon, type PlaybackTracker } from '../../session/playback.js';
import type { PlaybackSummary } from '../../session/session.js';

/**
 * Kaltura's web players send `event:currentPoint` and `event:newPoint` in milliseconds; the Android SDK
 * (`event:clientVer=playkit/android-…`) in whole seconds.
 */
function seconds(value: string | undefined, perSecond: number): number | undefined {
  return value !== undefined && isNumber(value) ? Number(value) / perSecond : undefined;
}

const ANDROID = 'playkit/android';

/**
 * Stats playback: the playhead from `event:currentPoint`, seeks from Seek (17) with `event:newPoint`,
 * buffering from Buffer Start/End (12/13), play-throughs from Play (3) and Replay (16), the end at
 * Play reached 100% (7).
 */
export class StatsPlaybackTracker implements PlaybackTracker {
  private position: number | undefined;

  update(summary: PlaybackSummary, beacon: Beacon): void {
    const v = beacon.values;
    noteCommon(summary, beacon, {
      entryId: v['event:entryId'],
      partnerId: v['event:partnerId'],
      playerVersion: v['event:clientVer'],
    });
    const duration = v['event:duration'];
    if (duration !== undefined && isNumber(duration) && Number(duration) > 0)
      summary.duration = Number(duration);

    const perSecond = v['event:clientVer']?.startsWith(ANDROID) ? 1 : 1000;
    const current = seconds(v['event:currentPoint'], perSecond);
    const code = beacon.event.code;
    if (code === '17') {
      const to = seconds(v['event:newPoint'], perSecond) ?? current;
      const seek: PlaybackSummary['seeks'][number] = { time: beacon.time, beacon: beacon.index };
      if (this.position !== undefined) seek.from = this.position;
      if (to !== undefined) seek.to = to;
      summary.seeks.push(seek);
      this.movePlayhead(summary, beacon, to);
      return;
    }
    this.movePlayhead(summary, beacon, current);
    switch (code) {
      case '3':
        if (summary.playThroughs === 0 || summary.ended) {
          summary.playThroughs += 1;
          summary.ended = false;
        }
        break;
      case '16':
        summary.playThroughs += 1;
        summary.ended = false;
        break;
      case '7':
        summary.ended = true;
        break;
      case '12':
        summary.buffering.push({ start: beacon.time, beacons: [beacon.index] });
        break;
      case '13': {
        const open = summary.buffering[summary.buffering.length - 1];
        if (open && open.end === undefined) {
          open.end = beacon.time;
          open.beacons.push(beacon.index);
        }
        break;
      }
    }
  }

  private movePlayhead(summary: PlaybackSummary, beacon: Beacon, position: number | undefined): void {
    if (position === undefined) return;
    this.position = position;
    summary.playhead.push({ time: beacon.time, position, beacon: beacon.index });
  }
}
