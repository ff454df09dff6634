import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/event-index-sequence';

describe(RULE, () => {
  it('fires on a gap, naming the lost beacons', () => {
    const requests = realPlayerSession();
    requests.splice(3, 1);
    const findings = ruleFindings(requests, RULE);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['error', 'eventIndex 5 follows 3: expected 4 (1 beacon lost?).', [2, 3]],
    ]);
  });

  it('fires on a repeat, a step back and a session that does not start at 1', () => {
    const s = new KavaSession();
    s.send(1, 0, 0, {}, { eventIndex: 3 });
    s.send(2, 1, 0, {}, { eventIndex: 3 });
    s.send(3, 1.5, 0, {}, { eventIndex: 2 });
    expect(ruleFindings(s.requests, RULE).map((f) => f.message)).toEqual([
      "The session's first eventIndex is 3: expected 1 (2 earlier beacons lost or not captured?).",
      'eventIndex 3 follows 3: expected 4 (sent twice?).',
      'eventIndex 2 follows 3: expected 4 (out of order?).',
    ]);
  });

  it('fires on a restart at 1 after a pause shorter than the reset time', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(33, 5, 3.5);
    s.resetSession();
    s.send(4, 20, 3.5);
    expect(ruleFindings(s.requests, RULE).map((f) => f.message)).toEqual([
      'eventIndex 1 follows 4: expected 5 (out of order?).',
    ]);
  });

  it('is silent on a counting session and on the player’s session reset', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
  });

  it('uses the configured reset time', () => {
    const config = { kava: { sessionResetSeconds: 40 } };
    expect(ruleFindings(resetPlayerSession(), RULE, config)).toHaveLength(1);
  });
});
