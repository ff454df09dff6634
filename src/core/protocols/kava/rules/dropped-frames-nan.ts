import { defineRule } from '../../../rules/rule.js';
import { eventLabel } from './describe.js';

export const droppedFramesNan = defineRule({
  id: 'kava/dropped-frames-nan',
  severity: 'info',
  title: 'droppedFramesRatio is NaN',
  explanation:
    'KAVA computes droppedFramesRatio as dropped frames over decoded frames since the previous View, and sends NaN when no frame was decoded in between (0/0: a View with Play before the first frame, or a tab whose video is not decoded). The analytics backend gets NaN, but the value is the player’s computation, not the integration’s.',
  check(beacon) {
    if (beacon.values.droppedFramesRatio !== 'NaN') return undefined;
    return [
      {
        message: `${eventLabel(beacon)} has droppedFramesRatio=NaN: KAVA’s own 0/0 (no frame decoded since the previous View), sent as is to the backend; not set by the integration.`,
        beacons: [beacon.index],
      },
    ];
  },
});
