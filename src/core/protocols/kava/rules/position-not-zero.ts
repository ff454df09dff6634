import { isNumber } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';
import { EVENT, isLive } from '../events.js';
import { eventLabel } from './describe.js';

const START_EVENTS = new Set(['1', '2', '3']);
/**
 * Play (3) is sent on the browser's first `playing` event, when the first frames may already be
 * decoded: a playhead a fraction of a second past 0 is still the start.
 */
const START_SLACK_SECONDS = 0.5;

export const positionNotZero = defineRule({
  id: 'kava/position-not-zero',
  severity: 'warning',
  title: 'Position not zero at start',
  explanation:
    'The document says position is 0 on Player Impression (1), Play Requested (2) and Play (3). Another value usually means the beacon reports a stale position (or the integration starts playback mid-content). Live and DVR playbacks are not judged: their position is the time in the stream. Nor is the Impression that starts a playback after a change of media: Kaltura’s player sends it with the previous entry’s playhead.',
  check(beacon, session) {
    const type = beacon.values.eventType;
    const position = beacon.values.position;
    if (type === undefined || !START_EVENTS.has(type) || position === undefined || !isNumber(position)) {
      return undefined;
    }
    if (isLive(beacon.values)) return undefined;
    // KAVA takes position from the video element, which still holds the previous entry's playhead.
    if (type === EVENT.impression && session.follows !== undefined && session.beacons[0] === beacon) {
      return undefined;
    }
    if (Math.abs(Number(position)) <= START_SLACK_SECONDS) return undefined;
    return [
      { message: `${eventLabel(beacon)} has position ${position}: expected 0.`, beacons: [beacon.index] },
    ];
  },
});
