import { describe, expect, it } from 'vitest';
import {
  realPlayerSession,
  resetPlayerSession,
  ruleFindings,
  withParams,
} from '../../../../test/helpers/kava-session.js';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';

const RULE = 'session/mixed-ids';

describe(RULE, () => {
  it('fires once per change of a session constant', () => {
    const findings = toyFindings(
      [toyRequest({ e: 's' }), toyRequest({ e: 't', aid: 8 }), toyRequest({ e: 't', aid: 8, n: 2 })],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['warning', 'Expected the same values for the whole session, but aid changed from "7" to "8".', [0, 1]],
    ]);
  });

  it('fires when a KAVA session switches entry', () => {
    const requests = realPlayerSession();
    requests[6] = withParams(requests[6]!, { entryId: '1_zzzzzzzz' });
    expect(ruleFindings(requests, RULE).map((f) => [f.message, f.beacons])).toEqual([
      [
        'Expected the same values for the whole session, but entryId changed from "1_w9zx2eti" to "1_zzzzzzzz".',
        [5, 6],
      ],
      [
        'Expected the same values for the whole session, but entryId changed from "1_zzzzzzzz" to "1_w9zx2eti".',
        [6, 7],
      ],
    ]);
  });

  it('is silent on stable constants, absent values, and KAVA’s changing sessionStartTime', () => {
    expect(toyFindings([toyRequest({ e: 's' }), toyRequest({ e: 't', aid: '' })], RULE)).toEqual([]);
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
    expect(ruleFindings(resetPlayerSession(), RULE)).toEqual([]);
  });
});
