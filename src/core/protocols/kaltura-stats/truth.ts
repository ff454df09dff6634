import { numberParam, type TruthMapping } from '../../truth/mapping.js';

/**
 * Legacy stats against the real video: Play (3) once, Replay (16) after the end, Seek (17) on seeking,
 * Media loaded (2) for a new source; no pause or resume event exists. `event:currentPoint` is the
 * playhead in milliseconds; 4–7 are Play reached 25/50/75/100%.
 */
export const statsTruth: TruthMapping = {
  events: [
    { kind: 'start', codes: ['3', '16'] },
    { kind: 'seek', codes: ['17'] },
    { kind: 'source', codes: ['2'], reverse: false },
  ],
  playhead: {
    label: 'event:currentPoint',
    read: (b) => {
      const ms = numberParam(b, 'event:currentPoint');
      return ms === undefined ? undefined : ms / 1000;
    },
  },
  quartiles: [
    { fraction: 0.25, match: '4' },
    { fraction: 0.5, match: '5' },
    { fraction: 0.75, match: '6' },
    { fraction: 1, match: '7' },
  ],
};
