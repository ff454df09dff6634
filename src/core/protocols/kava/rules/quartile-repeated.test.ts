import { describe, expect, it } from 'vitest';
import { KavaSession, realPlayerSession, ruleFindings } from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/quartile-repeated';

function started(): KavaSession {
  const s = new KavaSession();
  s.startPlaying();
  s.send(11, 11.5, 10);
  return s;
}

describe(RULE, () => {
  it('fires when a quartile is sent twice in one play-through', () => {
    const s = started();
    s.send(11, 11.6, 10.1);
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'warning',
        'Play reached 25% (11) was sent again in the same play-through: expected it once (no Replay came in between).',
        [3, 4],
      ],
    ]);
  });

  it('is silent once per play-through, and after a Replay starts a new one', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    const s = started();
    s.send(34, 50, 40);
    s.send(3, 50.2, 0);
    s.send(11, 60.2, 10);
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
