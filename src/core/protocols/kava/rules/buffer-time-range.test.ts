import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/buffer-time-range';

describe(RULE, () => {
  it('fires on a View bufferTime beyond the View interval and a negative bufferTime on Play or Resume', () => {
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(3, 1.5, 0, { bufferTime: -1 });
    s.send(99, 1.5, 0, { bufferTime: 14.2 });
    s.send(99, 11.5, 10, { bufferTime: -0.5 });
    s.send(33, 12, 10.5);
    s.send(4, 13, 10.5, { bufferTime: -2 });
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['warning', 'Play (3) has bufferTime -1: expected 0 or more.', [2]],
      [
        'warning',
        'View (99) has bufferTime 14.2: expected 0–10 s (at most 12 s with the interval tolerance).',
        [3],
      ],
      [
        'warning',
        'View (99) has bufferTime -0.5: expected 0–10 s (at most 12 s with the interval tolerance).',
        [4],
      ],
      ['warning', 'Resume (4) has bufferTime -2: expected 0 or more.', [6]],
    ]);
  });

  it('is silent in range, on float noise, on a long Play buffer and when bufferTime exceeds bufferTimeSum', () => {
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(3, 31.5, 0, { bufferTime: 30.5 });
    s.send(99, 31.5, 0, { bufferTime: '10.000000000000002' });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
