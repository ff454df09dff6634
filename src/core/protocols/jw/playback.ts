import type { Beacon } from '../../beacon.js';
import { noteCommon, type PlaybackTracker } from '../../session/playback.js';
import type { PlaybackSummary } from '../../session/session.js';
import { numberParam } from './values.js';

/**
 * JW playback of one play (`pli`): the playhead is `pw·vd/128` on VOD pings, a Seeked (`vs`) marks a
 * seek (it repeats the previous `pw`, so only where it came from is known), and the item ended when
 * `gab` or a final `t` carries `pw=128`. An Ad impression (`i`) carries whatever the previous ping left
 * (the web app sends its one parameter set): no position of its own either.
 */
export class JwPlaybackTracker implements PlaybackTracker {
  private position: number | undefined;

  update(summary: PlaybackSummary, beacon: Beacon): void {
    const v = beacon.values;
    noteCommon(summary, beacon, { entryId: v.id, partnerId: v.aid, playerVersion: v.av });
    const vd = numberParam(beacon, 'vd');
    const pw = numberParam(beacon, 'pw');
    if (vd !== undefined && vd > 0) summary.duration = vd;
    const code = beacon.event.code;
    if (code === 's' && summary.playThroughs === 0) summary.playThroughs = 1;
    if (code === 'vs') {
      const seek: PlaybackSummary['seeks'][number] = { time: beacon.time, beacon: beacon.index };
      if (this.position !== undefined) seek.from = this.position;
      summary.seeks.push(seek);
      return;
    }
    if (code === 'i' || vd === undefined || vd <= 0 || pw === undefined || pw < 0) return;
    this.position = (pw * vd) / 128;
    summary.playhead.push({ time: beacon.time, position: this.position, beacon: beacon.index });
    if (pw === 128 && (code === 'gab' || code === 't')) summary.ended = true;
  }
}
