import { defineRule, type FindingDraft } from '../../../rules/rule.js';
import { numberParam, quantilesFor } from '../values.js';

interface QuantileState {
  /** The last `vd`/`q` pair judged against the table, so a play's pair is reported once. */
  vd: number | undefined;
  q: number | undefined;
  /** A Seeked (vs) came since the last time ping: the next `t` may fire anywhere. */
  afterSeek: boolean;
}

const VALID_Q = new Set([1, 4, 8, 16, 32]);
/** An end ping this close to the end (seconds) is taken as "on complete", not an abandon. */
const END_SECONDS = 1;

export const quantileMismatch = defineRule({
  id: 'jw/quantile-mismatch',
  severity: 'error',
  title: 'Quantile mismatch',
  explanation:
    '`q` follows `vd` by the quantile table (<30 s → 1, <60 → 4, <180 → 8, <300 → 16, else 32; live 0; ' +
    'the web app picks q before rounding vd, so vd=60 with q=4 is right) and ' +
    '`pw` counts 1/128ths: a VOD Play has pw=0, a VOD time ping fires at (or just past) a multiple of ' +
    '128/q, the end ping carries pw=128, and live pings carry pw=-1. Otherwise watched quantiles are ' +
    'reported wrong.',
  createState: (): QuantileState => ({ vd: undefined, q: undefined, afterSeek: false }),
  check(beacon, _session, state, env) {
    const e = beacon.values.e;
    const vd = numberParam(beacon, 'vd');
    const q = numberParam(beacon, 'q');
    const pw = numberParam(beacon, 'pw');
    const out: FindingDraft[] = [];
    const at = [beacon.index];
    const afterSeek = state.afterSeek;
    if (e === 'vs') state.afterSeek = true;
    else if (e === 't') state.afterSeek = false;
    if (vd === undefined) return undefined;

    if (q !== undefined && (vd !== state.vd || q !== state.q)) {
      state.vd = vd;
      state.q = q;
      const expected = vd > 0 ? quantilesFor(vd) : 0;
      // The web app picks q from the unrounded duration and sends vd rounded: 59.7 s gives q=4, vd=60.
      const roundedUp = vd > 0 && quantilesFor(vd - 0.5) === q;
      if (q !== expected && !roundedUp) {
        out.push({
          message: `Expected q=${expected} for vd=${vd} by the quantile table, but saw q=${q}.`,
          beacons: at,
        });
      }
    }
    if (pw === undefined) return out.length > 0 ? out : undefined;

    if (vd <= 0) {
      if (pw !== -1)
        out.push({ message: `Expected pw=-1 on a live ping (vd=0), but saw pw=${pw}.`, beacons: at });
    } else if (e === 's' && pw !== 0) {
      out.push({ message: `Expected pw=0 on the VOD Play (s), but saw pw=${pw}.`, beacons: at });
    } else if ((e === 't' || e === 'gab') && pw !== 128 && pw >= 0 && (pw * vd) / 128 >= vd - END_SECONDS) {
      // At the very end of the item: this is the completion ping, which must report the whole duration.
      out.push({
        message: `Expected pw=128 on the end ping at the end of the item, but ${beacon.event.name} (${e}) carried pw=${pw}.`,
        beacons: at,
      });
    } else if (e === 't' && pw >= 0 && pw < 128) {
      const quantiles = q !== undefined && VALID_Q.has(q) ? q : quantilesFor(vd);
      const step = 128 / quantiles;
      const slack = Math.max(1, Math.ceil((128 * env.config.jw.pingIntervalTolerance) / vd));
      const past = pw % step;
      if (!afterSeek && past > slack) {
        const below = pw - past;
        out.push({
          message: `Expected the time ping's pw at or just past a multiple of ${step} (128/q), but saw pw=${pw}, ${past} past ${below}.`,
          beacons: at,
        });
      }
    }
    return out.length > 0 ? out : undefined;
  },
});
