import { describe, expect, it } from 'vitest';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';

const RULE = 'beacon/suspicious-value';

describe(RULE, () => {
  it('fires on values the integration never set', () => {
    const findings = toyFindings(
      [toyRequest({ e: 's', a: 'undefined', b: 'null', c: 'NaN', d: '[object Object]' })],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      ['warning', 'Expected real values, got a=undefined, b=null, c=NaN, d=[object Object].', [0]],
    ]);
  });

  it('is silent on ordinary values that merely contain those words', () => {
    expect(
      toyFindings([toyRequest({ e: 's', a: 'nullable', b: 'undefined behaviour', c: '', d: 'nan' })], RULE),
    ).toEqual([]);
  });

  it('leaves to the protocol exactly the value its player computes for that parameter', () => {
    expect(toyFindings([toyRequest({ e: 's', r: 'NaN' })], RULE)).toEqual([]);
    const findings = toyFindings([toyRequest({ e: 's', r: 'undefined', a: 'NaN' })], RULE);
    expect(findings.map((f) => f.message)).toEqual(['Expected real values, got r=undefined, a=NaN.']);
  });
});
