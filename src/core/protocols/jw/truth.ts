import type { Beacon } from '../../beacon.js';
import { numberParam, type TruthMapping } from '../../truth/mapping.js';

/** `pw` in seconds: 1/128ths of `vd` (live: -1, no playhead). */
function playedSeconds(b: Beacon): number | undefined {
  const pw = numberParam(b, 'pw');
  const vd = numberParam(b, 'vd');
  if (pw === undefined || vd === undefined || pw < 0 || vd <= 0) return undefined;
  return (pw * vd) / 128;
}

/**
 * JW OTT pings against the real video: Play (s) on the first play of an item, Seeked (vs) after a seek
 * (it repeats the previous ping's pw and ti, so it reports no playhead), complete (gab with pw=128) at the
 * end, judged as completion (a gab with a lower pw is an abandon). `ti` is the time watched since the
 * previous time ping; Setup (e) also comes on a replay.
 */
export const jwTruth: TruthMapping = {
  events: [
    { kind: 'start', codes: ['s'] },
    { kind: 'seek', codes: ['vs'] },
    { kind: 'source', codes: ['e'], reverse: false },
  ],
  playhead: {
    label: 'pw × vd / 128',
    read: (b) => (b.event.code === 'vs' ? undefined : playedSeconds(b)),
    // pw is floored to whole 128ths.
    resolution: (b) => (numberParam(b, 'vd') ?? 0) / 128,
  },
  watched: {
    label: 'ti',
    mode: 'increment',
    read: (b) => (b.event.code === 'vs' ? undefined : numberParam(b, 'ti')),
    resolution: 1,
  },
  quartiles: [{ fraction: 1, match: { code: 'gab', param: 'pw', equals: '128' } }],
};
