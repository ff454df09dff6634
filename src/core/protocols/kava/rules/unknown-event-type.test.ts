import { describe, expect, it } from 'vitest';
import {
  KavaSession,
  realPlayerSession,
  ruleFindings,
  withParams,
} from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/unknown-event-type';

describe(RULE, () => {
  it('fires on an unknown number and on a missing eventType', () => {
    const requests = realPlayerSession();
    requests[4] = withParams(requests[4]!, { eventType: 77 });
    requests[5] = withParams(requests[5]!, { eventType: null });
    const findings = ruleFindings(requests, RULE);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['error', 'Expected a known KAVA eventType, got "77".', [4]],
      ['error', 'Expected an eventType parameter naming the event, but the beacon has none.', [5]],
    ]);
  });

  it('is silent on the document’s events and those Kaltura’s player adds', () => {
    const s = new KavaSession();
    realPlayerSession(s);
    s.send(42, 40, 40, { language: 'fr' });
    s.send(43, 41, 40, { actualBitrate: 800 });
    s.send(45, 42, 40);
    s.send(46, 43, 40);
    s.send(98, 44, 40, { errorCode: 7003, errorDetails: 'network', errorPosition: 2 });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
