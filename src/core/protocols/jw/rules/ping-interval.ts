import { defineRule } from '../../../rules/rule.js';
import { numberParam, quantilesFor } from '../values.js';

interface IntervalState {
  /** A time ping already came in this play (the first one may follow a start at a resume position). */
  sawTime: boolean;
  /** A Seeked (vs) since the last time ping: watched seconds before the seek carry over into `ti`. */
  afterSeek: boolean;
}

const VALID_Q = new Set([1, 4, 8, 16, 32]);

export const pingInterval = defineRule({
  id: 'jw/ping-interval',
  severity: 'warning',
  title: 'Ping interval',
  explanation:
    'In steady VOD play a time ping (t) comes every vd/q seconds of watching, so its `ti` is close to ' +
    'vd/q (tolerance jw.pingIntervalTolerance, default ±2 s; not judged on the first ping after a seek, ' +
    'and only an upper bound on the first ping of a play). Live time pings come about every ' +
    'jw.livePingIntervalSeconds (default 20) of watching; a longer one after a pause is normal.',
  createState: (): IntervalState => ({ sawTime: false, afterSeek: false }),
  check(beacon, _session, state, env) {
    const e = beacon.values.e;
    if (e === 'vs') state.afterSeek = true;
    if (e !== 't') return undefined;
    const first = !state.sawTime;
    const afterSeek = state.afterSeek;
    state.sawTime = true;
    state.afterSeek = false;

    const vd = numberParam(beacon, 'vd');
    const ti = numberParam(beacon, 'ti');
    const pw = numberParam(beacon, 'pw');
    if (vd === undefined || ti === undefined) return undefined;
    const tolerance = env.config.jw.pingIntervalTolerance;
    if (vd <= 0) {
      const expected = env.config.jw.livePingIntervalSeconds;
      if (ti >= expected - tolerance) return undefined;
      return [
        {
          message: `Expected a live time ping about every ${expected} s of watching, but this one came after ti=${ti} s.`,
          beacons: [beacon.index],
        },
      ];
    }
    // A t at pw=0 with ti=0 is the first tick landing exactly at the start.
    if (afterSeek || pw === 0) return undefined;
    const q = numberParam(beacon, 'q');
    const expected = vd / (q !== undefined && VALID_Q.has(q) ? q : quantilesFor(vd));
    const tooLong = ti > expected + tolerance;
    const tooShort = !first && ti < expected - tolerance;
    if (!tooLong && !tooShort) return undefined;
    return [
      {
        message: `Expected ti about ${round(expected)} s (vd/q) between time pings, but saw ti=${ti}.`,
        beacons: [beacon.index],
      },
    ];
  },
});

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
