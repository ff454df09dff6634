import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  ruleFindings,
  SESSION_START,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/session-start-time';

describe(RULE, () => {
  it('fires on a value that is no Unix time, and on one in the future of its beacon', () => {
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0, { sessionStartTime: '1700000000000000' });
    s.send(3, 1.5, 0, { sessionStartTime: SESSION_START + 3_600_000 });
    expect(ruleFindings(s.requests, RULE).map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'warning',
        'sessionStartTime 1700000000000000 is not a Unix time: expected seconds (10 digits) or milliseconds (13 digits).',
        [1],
      ],
      [
        'warning',
        "sessionStartTime 1700003600000 (2023-11-14T23:13:20.000Z) is after the beacon was sent (2023-11-14T22:13:21.500Z): expected the session's start, in the past.",
        [2],
      ],
    ]);
  });

  it('is silent on the real player: absent first and on Resume, server seconds, renewed after a pause', () => {
    const requests = realPlayerSession();
    expect(requests[0]!.url).not.toContain('sessionStartTime');
    expect(requests[9]!.url).not.toContain('sessionStartTime');
    expect(new URL(requests[10]!.url).searchParams.get('sessionStartTime')).toBe(
      String(Math.floor(requests[9]!.startTime / 1000)),
    );
    expect(ruleFindings(requests, RULE)).toEqual([]);
  });

  it('is silent on the document’s millisecond example in the past', () => {
    const s = new KavaSession();
    s.send(1, 0, 0, { sessionStartTime: 1435075182567 });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
