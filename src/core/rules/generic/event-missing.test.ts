import { describe, expect, it } from 'vitest';
import { realPlayerSession, ruleFindings } from '../../../../test/helpers/kava-session.js';
import { Inspector } from '../../inspector.js';
import { kava } from '../../protocols/kava/index.js';

const RULE = 'expect/event-missing';

describe(RULE, () => {
  it('fires at the end for every session short of an expected event', () => {
    const requests = realPlayerSession().filter((r) => !r.url.includes('eventType=14&'));
    const findings = ruleFindings(requests, RULE, {
      expect: {
        events: [
          { protocol: 'kava', event: '14' },
          { protocol: 'kava', event: 'View', min: 5 },
        ],
      },
    });
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'error',
        'Expected at least 1 Play reached 100% (14) in this session (config expect.events), saw 0.',
        [],
      ],
      ['error', 'Expected at least 5 "View" in this session (config expect.events), saw 4.', []],
    ]);
  });

  it('reflects the session as it is now: the finding goes once the event arrives', () => {
    const requests = realPlayerSession();
    const inspector = new Inspector({
      protocols: [kava],
      config: { expect: { events: [{ protocol: 'kava', event: 'Play reached 100%' }] } },
    });
    inspector.addAll(requests.slice(0, 13));
    expect(inspector.findings().filter((f) => f.rule === RULE)).toHaveLength(1);
    inspector.addAll(requests.slice(13));
    expect(inspector.findings().filter((f) => f.rule === RULE)).toEqual([]);
  });

  it('is silent when the events came, and for expectations of other protocols', () => {
    const config = {
      expect: {
        events: [
          { protocol: 'kava' as const, event: 'view', min: 4 },
          { protocol: 'jw' as const, event: 's' },
        ],
      },
    };
    expect(ruleFindings(realPlayerSession(), RULE, config)).toEqual([]);
  });
});
