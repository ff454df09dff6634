import { describe, expect, it } from 'vitest';
import { KavaSession, realPlayerSession, ruleFindings } from '../../../../../test/helpers/kava-session.js';

const RULE = 'kava/missing-doc-field';

describe(RULE, () => {
  it('notes once per session that flavourId and preferredBitrate are absent, as info', () => {
    const findings = ruleFindings(realPlayerSession(), RULE);
    expect(findings.map((f) => [f.severity, f.beacons])).toEqual([
      ['info', [0]],
      ['info', [2]],
    ]);
    expect(findings[0]?.message).toMatch(/^flavourId is absent: the Event Tracking API document requires it/);
    expect(findings[1]?.message).toMatch(/^preferredBitrate is absent/);
  });

  it('is silent when the integration sends the document’s fields', () => {
    const s = new KavaSession();
    s.send(1, 0, 0, { flavourId: '1_flv00001' });
    s.send(2, 1, 0, { flavourId: '1_flv00001' });
    s.send(3, 1.5, 0, { flavourId: '1_flv00001', preferredBitrate: 1500 });
    s.send(99, 1.5, 0, { flavourId: '1_flv00001', preferredBitrate: 1500 });
    expect(ruleFindings(s.requests, RULE)).toEqual([]);
  });
});
