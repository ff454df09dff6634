import { defineRule, type FindingDraft } from '../../../rules/rule.js';
import { numberParam } from '../values.js';

interface OrderState {
  pings: number;
  sawPlay: boolean;
  sawEnd: boolean;
  maxSa: number | undefined;
  /** The last position (`pw`) reported by a ping other than Seeked. */
  lastPw: number | undefined;
  seekSincePw: boolean;
}

export const order = defineRule({
  id: 'jw/order',
  severity: 'error',
  title: 'Ping order',
  explanation:
    'A play (`pli`) runs Setup (e) → pre-roll Ad impressions (i) → exactly one Play (s) → Quantile (t), ' +
    'Seeked (vs) and mid-roll impressions → at most one Abandon / complete (gab), after which only a new ' +
    'Setup may come. `sa` never decreases, and `pw` only goes back after a Seeked.',
  createState: (): OrderState => ({
    pings: 0,
    sawPlay: false,
    sawEnd: false,
    maxSa: undefined,
    lastPw: undefined,
    seekSincePw: false,
  }),
  check(beacon, _session, s) {
    const e = beacon.values.e ?? '';
    const name = `${beacon.event.name} (${e})`;
    const out: FindingDraft[] = [];
    const fail = (message: string) => out.push({ message, beacons: [beacon.index] });

    if (s.pings === 0 && e !== 'e')
      fail(`Expected the play to start with Setup (e), but its first ping was ${name}.`);
    s.pings += 1;
    if (s.sawEnd && e !== 'e') {
      fail(`Expected nothing but a new Setup (e) after Abandon / complete (gab), but saw ${name}.`);
    }
    if (e === 's') {
      if (s.sawPlay) fail('Expected one Play (s) per play, but saw a second one.');
      s.sawPlay = true;
    } else if ((e === 't' || e === 'vs') && !s.sawPlay) {
      fail(`Expected Play (s) before ${name}, but no Play came first.`);
    } else if (e === 'gab') {
      s.sawEnd = true;
    }

    const sa = numberParam(beacon, 'sa');
    if (sa !== undefined) {
      if (s.maxSa !== undefined && sa < s.maxSa) {
        fail(`Expected sa never to decrease, but it went from ${s.maxSa} back to ${sa}.`);
      }
      s.maxSa = Math.max(s.maxSa ?? sa, sa);
    }

    const pw = numberParam(beacon, 'pw');
    const vd = numberParam(beacon, 'vd');
    if (e === 'vs') s.seekSincePw = true;
    else if (pw !== undefined && vd !== undefined && vd > 0) {
      if (s.lastPw !== undefined && pw < s.lastPw && !s.seekSincePw) {
        fail(
          `Expected pw not to go back without a Seeked (vs) between, but it went from ${s.lastPw} to ${pw}.`,
        );
      }
      s.lastPw = pw;
      s.seekSincePw = false;
    }
    return out.length > 0 ? out : undefined;
  },
});
