import { describe, expect, it } from 'vitest';
import { realPlayerSession, ruleFindings } from '../../../../test/helpers/kava-session.js';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';
import type { Config } from '../../config/config.js';

const RULE = 'expect/param-value';

describe(RULE, () => {
  it('fires when a value is not the one expected, does not match, is absent or should be absent', () => {
    const config: Config = {
      expect: {
        params: [
          { param: 'aid', equals: '1234' },
          { param: 'title', matches: '^Episode \\d+$', event: 'Start' },
          { param: 'user', event: 's' },
          { param: 'debug', present: false },
        ],
      },
    };
    const findings = toyFindings([toyRequest({ e: 's', title: 'Trailer', debug: 1 })], RULE, config);
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['error', 'aid on Start is "7": expected "1234" (config expect.params).', [0]],
      [
        'error',
        'title on Start is "Trailer": expected a value matching /^Episode \\d+$/ (config expect.params).',
        [0],
      ],
      ['error', 'user on Start is absent: expected it present and non-empty (config expect.params).', [0]],
      ['error', 'debug on Start is "1": expected it absent (config expect.params).', [0]],
    ]);
  });

  it('checks KAVA beacons of one event, named by code or name', () => {
    const config: Config = {
      expect: { params: [{ protocol: 'kava', event: 'play', param: 'customVar1', present: true }] },
    };
    const findings = ruleFindings(realPlayerSession(), RULE, config);
    expect(findings.map((f) => [f.message, f.beacons])).toEqual([
      ['customVar1 on Play is absent: expected it present and non-empty (config expect.params).', [2]],
    ]);
  });

  it('is silent when values are as expected, and on other protocols and events', () => {
    const config: Config = {
      expect: {
        params: [
          { param: 'aid', equals: '7' },
          { param: 'title', matches: '^Episode \\d+$', event: 'Start' },
          { param: 'user', event: 't' },
          { param: 'debug', present: false },
          { protocol: 'kava', param: 'aid', equals: 'x' },
        ],
      },
    };
    expect(toyFindings([toyRequest({ e: 's', title: 'Episode 4' })], RULE, config)).toEqual([]);
    expect(
      ruleFindings(realPlayerSession(), RULE, {
        expect: { params: [{ param: 'partnerId', equals: '2215841' }] },
      }),
    ).toEqual([]);
  });
});
