import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/session-reset';

describe(RULE, () => {
  it('notes the player’s reset: eventIndex back to 1 on Resume after 30 s or more paused', () => {
    const findings = ruleFindings(resetPlayerSession(), RULE);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'info',
        'eventIndex restarted at 1 on Resume (4) after a 35 s pause: the player reset its session (it does so after 30 s paused).',
        [9],
      ],
    ]);
  });

  it('also accepts the reset on an event other than Resume (a Seek while still paused)', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(33, 5, 3.5);
    s.resetSession();
    s.send(35, 50, 3.5, { targetPosition: 20 });
    s.send(4, 51, 20);
    expect(ruleFindings(s.requests, RULE).map((f) => f.beacons)).toEqual([[4]]);
    expect(ruleFindings(s.requests, 'kava/event-index-sequence')).toEqual([]);
  });

  it('is silent without a long pause, and when the pause is shorter than the configured time', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE, { kava: { sessionResetSeconds: 60 } })).toEqual([]);
  });
});
