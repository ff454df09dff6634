import { describe, expect, it } from 'vitest';
import { jwRequests, vodPings } from '../../../../test/helpers/jw-session.js';
import { toyFindings, toyRequest } from '../../../../test/helpers/toy-protocol.js';
import { Inspector } from '../../inspector.js';

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

  it('is one finding for oiid=undefined on every ping of a play, listing them all', () => {
    const pings = [...vodPings(), { e: 't', at: 76, fields: { vd: 72, q: 8, pw: 128, ti: 9 } }];
    const inspector = new Inspector();
    inspector.addAll(jwRequests(pings, { common: { oiid: 'undefined' } }));
    const findings = inspector.findings().filter((f) => f.rule === RULE);
    expect(findings.map((f) => [f.message, f.beacons.length])).toEqual([
      ['Expected real values, got oiid=undefined on 11 of 11 beacons.', 11],
    ]);
    expect(inspector.summary().warnings).toBe(
      inspector.findings().filter((f) => f.severity === 'warning').length,
    );
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
