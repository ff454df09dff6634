import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
  withParams,
} from '../../../../../test/helpers/kava-session.js';
import type { CapturedRequest } from '../../../capture/captured-request.js';

const RULE = 'kava/view-interval';

/** The requests with these parameters removed (an older client's shorter View). */
function withoutParams(requests: readonly CapturedRequest[], removed: Record<string, null>) {
  return requests.map((r) => withParams(r, removed));
}

function playing(): KavaSession {
  const s = new KavaSession();
  s.startPlaying();
  return s;
}

describe(RULE, () => {
  it('fires when Views do not come every 10 s of unpaused play', () => {
    const s = playing();
    s.send(99, 1.5, 0);
    s.send(99, 17.5, 16);
    s.send(33, 20, 18.5);
    s.send(4, 25, 18.5);
    s.send(99, 27, 20.5);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'warning',
        'View came 16 s of unpaused play after the previous View: expected one every 10 ± 2 s.',
        [3, 4],
      ],
      [
        'warning',
        'View came 4.5 s of unpaused play after the previous View (9.5 s wall time, 5 s of it paused): expected one every 10 ± 2 s.',
        [4, 7],
      ],
    ]);
  });

  it('fires when the first View does not come with Play', () => {
    const s = playing();
    s.send(99, 11.5, 10);
    expect(ruleFindings(s.requests, RULE).map((f) => f.message)).toEqual([
      'View came 10 s of unpaused play after Play: expected the first View with Play.',
    ]);
  });

  it('is silent on the real player: first View with Play, then every 10 s with paused time left out', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
  });

  it('restarts the count at a session reset and expects no View after the end', () => {
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
    const s = playing();
    s.send(99, 1.5, 0);
    s.send(99, 11.5, 10);
    s.send(14, 13, 11.5);
    s.send(99, 40, 11.5);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('does not judge Views from a hidden tab, where browsers slow timers', () => {
    const s = playing();
    s.send(99, 1.5, 0);
    s.send(99, 31.5, 30, { tabMode: 1 });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('uses the configured interval and tolerance', () => {
    const s = playing();
    s.send(99, 1.5, 0);
    s.send(99, 21.5, 20);
    s.send(99, 46.5, 45);
    const config = { kava: { viewIntervalSeconds: 20, viewIntervalTolerance: 1 } };
    expect(ruleFindings(s.requests, RULE, config).map((f) => f.message)).toEqual([
      'View came 25 s of unpaused play after the previous View: expected one every 20 ± 1 s.',
    ]);
  });

  it('accepts the first View one interval after Play from KAVA before 0.14 (its Views have no playbackSpeed)', () => {
    const old = { playbackSpeed: null, droppedFramesRatio: null, tabMode: null, soundMode: null };
    const s = playing();
    s.send(99, 12.5, 11);
    s.send(99, 22.5, 21);
    expect(ruleFindings(withoutParams(s.requests, old), RULE)).toEqual([]);
    // still judged: a first View that comes neither with Play nor one interval after it
    const late = playing();
    late.send(99, 17.5, 16);
    expect(ruleFindings(withoutParams(late.requests, old), RULE).map((f) => f.message)).toEqual([
      'View came 16 s of unpaused play after Play: expected the first View with Play or, from KAVA before 0.14, 10 ± 2 s after it.',
    ]);
  });
});
