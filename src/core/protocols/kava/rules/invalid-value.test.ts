import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  ruleFindings,
  withParams,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/invalid-value';

describe(RULE, () => {
  it('fires on values in the wrong format, and on negative counts and positions', () => {
    const requests = realPlayerSession();
    requests[1] = withParams(requests[1]!, { partnerId: 'abc', entryId: 'my-video' });
    requests[3] = withParams(requests[3]!, { position: -3, actualBitrate: '1.2 Mbps', soundMode: 3 });
    requests[5] = withParams(requests[5]!, { sessionStartTime: 'yesterday' });
    const findings = ruleFindings(requests, RULE);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'error',
        'Expected well-formed values: partnerId "abc" is not an integer; entryId "my-video" is not an entry id like 0_abcd1234.',
        [1],
      ],
      [
        'error',
        'Expected well-formed values: position "-3" is negative; actualBitrate "1.2 Mbps" is not a number; soundMode "3" is not one of 1, 2.',
        [3],
      ],
      ['error', 'Expected well-formed values: sessionStartTime "yesterday" is not a number.', [5]],
    ]);
  });

  it('is silent on float noise, empty optional values and values other rules judge', () => {
    const s = new KavaSession();
    s.send(1, 0, 0);
    s.send(2, 1, 0, { customVar1: '' });
    s.send(3, 1.5, 0.000001, { joinTime: '6.9602640000000005' });
    // a placeholder literal is beacon/suspicious-value's, an unknown type kava/unknown-event-type's
    s.send(99, 1.5, 0, { droppedFramesRatio: 'NaN', eventType: 'x' });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });

  it('accepts a negative position in a DVR window, not a negative bitrate', () => {
    const s = new KavaSession();
    s.send(1, 0, -120, { playbackType: 'dvr' });
    s.send(35, 1, -120, { playbackType: 'dvr', targetPosition: -300, actualBitrate: -1 });
    expect(ruleFindings(s.requests, RULE).map((f) => f.message)).toEqual([
      'Expected well-formed values: actualBitrate "-1" is negative.',
    ]);
  });
});
