import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  ruleFindings,
  withParams,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/missing-required';

describe(RULE, () => {
  it('fires on an empty sessionId (setMedia without a session) and on missing per-event fields', () => {
    const s = new KavaSession('');
    s.send(1, 0, 0);
    s.send(2, 1, 0);
    s.send(3, 1.5, 0, {}, { omit: ['bufferTime', 'actualBitrate'] });
    s.send(35, 5, 3.5, {});
    const findings = ruleFindings(s.requests, RULE);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      // The same key missing on two beacons is one finding listing both.
      ['error', 'Required sessionId is missing or empty on 2 of 4 beacons.', [0, 1]],
      [
        'error',
        'Play (3) must carry sessionId, bufferTime, actualBitrate, but they are missing or empty.',
        [2],
      ],
      ['error', 'Seek (35) must carry sessionId, targetPosition, but they are missing or empty.', [3]],
    ]);
  });

  it('fires on the event fields of Shared, Report submitted, captions and speed', () => {
    const s = new KavaSession();
    realPlayerSession(s);
    for (const [type, key] of [
      [22, 'socialNetwork'],
      [25, 'reportType'],
      [38, 'caption'],
      [41, 'playbackSpeed'],
    ] as const) {
      s.send(type, 40, 40);
      s.send(type, 40, 40, { [key]: 'x' });
    }
    expect(ruleFindings(s.requests, RULE).map((f) => f.beacons)).toEqual([[15], [17], [19], [21]]);
  });

  it('is silent on what Kaltura’s player sends (no flavourId, no preferredBitrate)', () => {
    const requests = realPlayerSession();
    expect(requests.some((r) => r.url.includes('flavourId'))).toBe(false);
    expect(ruleFindings(requests, RULE)).toEqual([]);
  });

  it('names a key sent in another case or one letter off (the near miss present)', () => {
    const requests = realPlayerSession();
    requests[0] = withParams(requests[0]!, { entryId: null, entryID: '1_w9zx2eti' });
    requests[1] = withParams(requests[1]!, { partnerId: null, partnrId: 2215841 });
    expect(ruleFindings(requests, RULE).map((f) => f.message)).toEqual([
      'Player Impression (1) must carry entryId, but it is missing or empty. entryId missing; entryID is present (keys are case-sensitive).',
      'Play Requested (2) must carry partnerId, but it is missing or empty. partnerId missing; partnrId is present (one letter apart: keys must match exactly).',
    ]);
  });

  it('treats an empty required value as missing', () => {
    const requests = realPlayerSession();
    requests[3] = withParams(requests[3]!, { actualBitrate: '' });
    expect(ruleFindings(requests, RULE).map((f) => f.message)).toEqual([
      'View (99) must carry actualBitrate, but it is missing or empty.',
    ]);
  });
});
