import { describe, expect, it } from 'vitest';
import {
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
} from '../../../../test/helpers/kava-session.js';
import { postRequest } from '../../../../test/helpers/requests.js';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';

const RULE = 'beacon/duplicate';

describe(RULE, () => {
  it('fires on a beacon repeated with only its send-time field changed', () => {
    const findings = toyFindings(
      [toyRequest({ e: 's', ts: 1 }), toyRequest({ e: 't', ts: 2 }), toyRequest({ e: 's', ts: 3 })],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'warning',
        'Start was sent again with exactly the same parameters as beacon #0: expected each event once.',
        [0, 2],
      ],
    ]);
  });

  it('fires on a KAVA beacon sent twice', () => {
    const requests = realPlayerSession();
    requests.splice(5, 0, { ...requests[4]!, id: 'again' });
    expect(ruleFindings(requests, RULE).map((f) => f.beacons)).toEqual([[4, 5]]);
  });

  it('compares POST bodies too', () => {
    const url = 'https://analytics.kaltura.com/api_v3/index.php';
    const body = (index: number) =>
      `service=analytics&action=trackEvent&eventType=99&sessionId=s&eventIndex=${index}`;
    const requests = [postRequest(url, body(1)), postRequest(url, body(2)), postRequest(url, body(1))];
    expect(ruleFindings(requests, RULE).map((f) => f.beacons)).toEqual([[0, 2]]);
  });

  it('is silent when any other parameter differs, across sessions, and on a KAVA session reset', () => {
    const findings = toyFindings(
      [
        toyRequest({ e: 's', ts: 1 }),
        toyRequest({ e: 's', ts: 1, n: 2 }),
        toyRequest({ e: 's', ts: 1, sid: 'two' }),
      ],
      RULE,
    );
    expect(findings).toEqual([]);
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
  });
});
