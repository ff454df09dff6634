import { defineRule } from '../../../rules/rule.js';
import { numberParam, quantilesFor } from '../values.js';

const VALID_Q = new Set([1, 4, 8, 16, 32]);

/**
 * The web app's ping script (`jwpltx.js`) sends a VOD time ping (t) on the first tick whose pw reaches
 * the next multiple of 128/q, so each t lands in the next quantile after the previous one. A seek holds
 * time pings back until its Seeked (vs), so only a vs can separate two t pings further apart. Not judged:
 * the first t after the Play (a play resumed mid-content sends s with pw=0, then a t at the resume
 * position) or after a vs (a vs repeats the previous pw, the seek target is unknown), and the end ping
 * (pw=128, gab or an older app's t) or any gab, which the script also sends within 1 s of a seek, before
 * its vs, when the item completes or the player is removed.
 */
export const lostPing = defineRule({
  id: 'jw/lost-ping',
  severity: 'error',
  title: 'Lost time ping',
  explanation:
    'In VOD, a time ping (t) comes as playback crosses each quantile boundary (a multiple of 128/q in pw), ' +
    'and only a Seeked (vs) can come between two t pings further apart. A t more than one quantile past ' +
    'the previous one, with no vs between, means time pings were lost on the way (or the Seeked was): ' +
    'the watched quantiles are undercounted. The first t of a play and the first after a seek are not ' +
    'judged.',
  /** The pw of the last time ping that the next one is judged against, or undefined when not judged. */
  createState: (): { pw: number | undefined } => ({ pw: undefined }),
  check(beacon, _session, state) {
    const e = beacon.values.e;
    if (e !== 't') {
      if (e === 's' || e === 'vs' || e === 'gab' || e === 'e') state.pw = undefined;
      return undefined;
    }
    const vd = numberParam(beacon, 'vd');
    const pw = numberParam(beacon, 'pw');
    const previous = state.pw;
    if (vd === undefined || vd <= 0 || pw === undefined || pw < 0 || pw >= 128) {
      state.pw = undefined;
      return undefined;
    }
    state.pw = pw;
    if (previous === undefined) return undefined;
    const q = numberParam(beacon, 'q');
    const step = 128 / (q !== undefined && VALID_Q.has(q) ? q : quantilesFor(vd));
    const from = Math.floor(previous / step);
    const lost = Math.floor(pw / step) - from - 1;
    if (lost < 1) return undefined;
    const missed = Array.from({ length: lost }, (_, i) => (from + 1 + i) * step);
    const pings = lost === 1 ? 'time ping' : 'time pings';
    return [
      {
        message:
          `Expected the next time ping one quantile (128/q = ${step}) after pw=${previous}, but it came at ` +
          `pw=${pw} with no Seeked (vs) between: ${lost} ${pings} (pw=${missed.join(', ')}) lost, or a ` +
          'Seeked (vs) missing.',
        beacons: [beacon.index],
      },
    ];
  },
});
