import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/order';

describe(RULE, () => {
  it('fires on Play Requested before Impression, and Play before Play Requested', () => {
    const requests = realPlayerSession().filter((_, i) => i !== 0 && i !== 1);
    const messages = ruleFindings(requests, RULE).map((f) => f.message);
    expect(messages).toEqual([
      'Play (3) arrived before any Play Requested (2): expected Play Requested first.',
    ]);
    const s = new KavaSession();
    s.send(2, 0, 0);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        'Play Requested (2) arrived before any Player Impression (1): expected the Impression first.',
      ],
    ]);
  });

  it('fires on a Resume without a Pause, and on a View or quartile before Play', () => {
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(99, 1.5, 0);
    s.send(11, 2, 10);
    s.send(3, 2.5, 0);
    s.send(4, 3, 1);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.message, f.beacons])).toEqual([
      ['View (99) arrived before any Play (3): expected Play first.', [2]],
      ['Play reached 25% (11) arrived before any Play (3): expected Play first.', [3]],
      ['Resume (4) arrived without an earlier Pause clicked (33): expected a Pause first.', [5]],
    ]);
  });

  it('is silent when the player starts past 25 %: Seek and the skipped quartiles come before Play', () => {
    // playback.startTime = 20 s of a 60 s video: the real player seeks first, then sends 25 % and Play.
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(35, 1.1, 20, { targetPosition: 20 });
    s.send(11, 1.1, 20);
    s.send(3, 1.2, 20);
    s.send(99, 1.2, 20);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('fires on quartiles out of order or skipped within a play-through', () => {
    const s = new KavaSession();
    s.startPlaying();
    s.send(12, 21.5, 20);
    s.send(11, 21.6, 20);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.message, f.beacons])).toEqual([
      [
        'Play reached 50% (12) came as the first quartile of this play-through: expected Play reached 25% (11) next.',
        [3],
      ],
      [
        'Play reached 25% (11) came after Play reached 50% in this play-through: expected Play reached 75% (13) next.',
        [3, 4],
      ],
    ]);
  });

  it('is silent on the real player’s order: quartiles skipped by a seek sent at once, pauses, a reset', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
    const s = new KavaSession();
    s.startPlaying();
    s.send(35, 2, 0.5, { targetPosition: 35 });
    for (const q of [11, 12, 13]) s.send(q, 2.1, 35);
    s.send(14, 7.1, 40);
    s.send(34, 10, 40);
    s.send(3, 10.2, 0);
    s.send(11, 20.2, 10);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
