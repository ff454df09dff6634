import { describe, expect, it } from 'vitest';
import { getRequest } from '../../../../test/helpers/requests.js';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';

const RULE = 'beacon/malformed';

describe(RULE, () => {
  it('fires when part of a recognised beacon cannot be decoded', () => {
    const findings = toyFindings(
      [getRequest('https://collector.example/toy?e=s&sid=one&title=%E0%A4%A')],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['error', 'Expected a decodable beacon, but it has invalid percent-encoding in value "%E0%A4%A".', [0]],
    ]);
  });

  it('is silent on a well-formed beacon', () => {
    expect(toyFindings([toyRequest({ e: 's', title: 'Ça va 100%' })], RULE)).toEqual([]);
  });
});
