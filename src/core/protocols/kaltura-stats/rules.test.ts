import { describe, expect, it } from 'vitest';
import {
  cleanStatsSession,
  type StatsEvent,
  statsPostRequest,
  statsRequest,
} from '../../../../test/helpers/stats-session.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { Inspector } from '../../inspector.js';
import { kalturaStats } from './index.js';

function findings(requests: CapturedRequest[]) {
  const inspector = new Inspector({ protocols: [kalturaStats] });
  inspector.addAll(requests);
  return inspector.findings();
}

function run(events: StatsEvent[]) {
  return findings(events.map((e) => statsRequest(e)));
}

const ids = (list: ReturnType<typeof findings>) => list.map((f) => f.rule);

/** A clean start that later events build on. */
const START: StatsEvent[] = [
  { type: 1, at: 0 },
  { type: 2, at: 1 },
  { type: 3, at: 2 },
];

describe('a clean stats session', () => {
  it('gives no error or warning (query, bracket keys and POST bodies alike)', () => {
    for (const style of ['encoded', 'colon', 'bracket'] as const) {
      const list = findings(cleanStatsSession({ style }));
      expect(list.filter((f) => f.severity !== 'info')).toEqual([]);
    }
    const posted = findings(START.map((e) => statsPostRequest(e)));
    expect(posted).toEqual([]);
  });

  it('gives the same findings fed one at a time as in a batch', () => {
    const requests = [
      ...cleanStatsSession(),
      statsRequest({ type: 13, at: 70 }),
      statsRequest({ type: 17, at: 71, fields: { seek: 0 } }),
      statsRequest({ type: 5, at: 72, fields: { partnerId: 'abc' } }),
    ];
    const batch = new Inspector({ protocols: [kalturaStats] });
    batch.addAll(requests);
    const single = new Inspector({ protocols: [kalturaStats] });
    const incremental = requests.map((r) => {
      single.add(r);
      return single.findings().length;
    });
    expect(single.findings()).toEqual(batch.findings());
    expect(incremental[incremental.length - 1]).toBeGreaterThan(0);
  });
});

describe('stats/unknown-event-type', () => {
  it('fires on a missing or out-of-range type', () => {
    const list = run([...START, { type: 41, at: 3 }, { type: 'x', at: 4 }, { type: '', at: 5 }]);
    const hits = list.filter((f) => f.rule === 'stats/unknown-event-type');
    expect(hits.map((f) => f.beacons)).toEqual([[3], [4], [5]]);
    expect(hits[0]?.message).toContain('"41"');
  });
  it('is silent on types 1–40', () => {
    expect(ids(run([...START, { type: 40, at: 3, fields: {} }, { type: 9, at: 4 }]))).not.toContain(
      'stats/unknown-event-type',
    );
  });
});

describe('stats/missing-required', () => {
  it('fires when a mandatory parameter is missing or empty', () => {
    const list = run([{ type: 1, at: 0, fields: { referrer: undefined, uiconfId: '' } }]);
    const hit = list.find((f) => f.rule === 'stats/missing-required');
    expect(hit?.severity).toBe('error');
    expect(hit?.message).toContain('event:uiconfId, event:referrer are missing or empty');
  });
  it('names a key sent in another case or one letter off (the Android SDK’s event:eventTimeStamp)', () => {
    const list = run([
      { type: 1, at: 0, fields: { eventTimestamp: undefined, eventTimeStamp: 1_700_000_000_000 } },
      { type: 2, at: 1, fields: { referrer: undefined, referer: 'x', uiconfId: undefined, uiConfId: 1 } },
    ]);
    expect(list.filter((f) => f.rule === 'stats/missing-required').map((f) => f.message)).toEqual([
      'Expected every mandatory parameter, but event:eventTimestamp is missing or empty. ' +
        'event:eventTimestamp missing; event:eventTimeStamp is present (keys are case-sensitive).',
      'Expected every mandatory parameter, but event:uiconfId, event:referrer are missing or empty. ' +
        'event:uiconfId missing; event:uiConfId is present (keys are case-sensitive). ' +
        'event:referrer missing; event:referer is present (one letter apart: keys must match exactly).',
    ]);
  });
  it('is one finding when the same key is missing on every beacon (an integration that never sets it)', () => {
    const list = run(START.map((e) => ({ ...e, fields: { ...e.fields, referrer: undefined } })));
    const hits = list.filter((f) => f.rule === 'stats/missing-required');
    expect(hits.map((f) => [f.message, f.beacons])).toEqual([
      [
        `Expected every mandatory parameter, but event:referrer is missing or empty on ${START.length} of ${START.length} beacons.`,
        START.map((_, i) => i),
      ],
    ]);
  });
  it('is silent when all are present', () => {
    expect(ids(run(START))).not.toContain('stats/missing-required');
  });
});

describe('stats/invalid-value', () => {
  it('fires on non-numeric ids, numbers, seek flags and timestamps', () => {
    const list = run([
      { type: 1, at: 0, fields: { partnerId: 'abc', uiconfId: '1.5' } },
      { type: 2, at: 1, fields: { duration: 'long', eventTimestamp: 'yesterday' } },
      { type: 17, at: 2, fields: { seek: 'yes', newPoint: 'far', currentPoint: 'x' } },
    ]);
    const messages = list.filter((f) => f.rule === 'stats/invalid-value').map((f) => f.message);
    expect(messages).toEqual([
      'Expected event:uiconfId to be an integer, but saw "1.5".',
      'Expected event:partnerId to be an integer, but saw "abc".',
      'Expected event:duration to be a number, but saw "long".',
      'Expected event:eventTimestamp to be a Unix time, but saw "yesterday".',
      'Expected event:currentPoint to be a number, but saw "x".',
      'Expected event:newPoint to be a number, but saw "far".',
      'Expected event:seek to be 0 or 1, but saw "yes".',
    ]);
  });
  it('is silent on valid values, including true/false seek flags and seconds timestamps', () => {
    const list = run([
      ...START,
      { type: 17, at: 3, fields: { seek: 'true', newPoint: 1500.5 } },
      { type: 17, at: 6, fields: { seek: 1, newPoint: 0, eventTimestamp: 1_700_000_006 } },
    ]);
    expect(ids(list)).not.toContain('stats/invalid-value');
  });
});

describe('stats/order', () => {
  it('fires on Play before Media Loaded, and on Play with no Widget Loaded before it', () => {
    const list = run([
      { type: 2, at: 0 },
      { type: 3, at: 1 },
      { type: 1, at: 2, fields: { sessionId: 'other' } },
      { type: 3, at: 3, fields: { sessionId: 'other' } },
    ]);
    expect(list.filter((f) => f.rule === 'stats/order').map((f) => [f.beacons, f.message])).toEqual([
      [[1], 'Expected Widget Loaded (1) before Play (3), but Play came without one.'],
      [[3], 'Expected Media Loaded (2) before Play (3), but Play came first.'],
    ]);
  });
  it('is silent on Media Loaded before Widget Loaded, as the HTML5 v2 player (mwEmbed) sends them', () => {
    const list = run([{ type: 2, at: 0 }, { type: 1, at: 1 }, ...START.slice(2), { type: 4, at: 18 }]);
    expect(ids(list)).not.toContain('stats/order');
  });
  it('fires on quartiles before Play and out of order', () => {
    const list = run([
      { type: 1, at: 0 },
      { type: 2, at: 1 },
      { type: 4, at: 2 },
      { type: 3, at: 3 },
      { type: 5, at: 4 },
      { type: 4, at: 5 },
    ]);
    const hits = list.filter((f) => f.rule === 'stats/order');
    expect(hits.map((f) => f.beacons)).toEqual([[2], [5]]);
    expect(hits[1]?.message).toBe(
      'Expected Play reached 25% (4) before Play reached 50% (5) in one play-through, but it came after it.',
    );
  });
  it('fires on unmatched Buffer End, Close Full Screen and ad quartiles', () => {
    const list = run([...START, { type: 13, at: 3 }, { type: 15, at: 4 }, { type: 36, at: 5 }]);
    const messages = list.filter((f) => f.rule === 'stats/order').map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages[2]).toContain('Midroll Started (25)');
  });
  it('is silent on pairs, ads, skipped quartiles after a seek and a replay', () => {
    const list = run([
      ...START,
      { type: 14, at: 3 },
      { type: 24, at: 3 },
      { type: 32, at: 4 },
      { type: 12, at: 5 },
      { type: 13, at: 6 },
      { type: 15, at: 7 },
      { type: 4, at: 15 },
      { type: 17, at: 16, fields: { seek: 1, newPoint: 50_000 } },
      { type: 7, at: 26 },
      { type: 16, at: 27 },
      { type: 4, at: 40 },
    ]);
    expect(ids(list)).not.toContain('stats/order');
  });
});

describe('stats/seek-fields', () => {
  it('fires on a Seek that carries no target: no event:currentPoint and no event:newPoint', () => {
    const list = run([
      ...START,
      { type: 17, at: 3, fields: { currentPoint: undefined } },
      { type: 17, at: 6, fields: { currentPoint: '' } },
      { type: 17, at: 9, fields: { currentPoint: -1 } },
    ]);
    const hits = list.filter((f) => f.rule === 'stats/seek-fields');
    expect(hits.map((f) => [f.severity, f.beacons])).toEqual([
      ['warning', [3]],
      ['warning', [4]],
      ['warning', [5]],
    ]);
    expect(hits[0]?.message).toBe(
      'Expected the Seek to carry its target in event:currentPoint (or event:newPoint), but it has neither.',
    );
  });
  it('is silent on the real players’ Seek: the target in event:currentPoint, event:seek=false, no newPoint', () => {
    const list = run([
      ...START,
      { type: 17, at: 3, position: 40, fields: { seek: 'false' } },
      { type: 17, at: 6, position: 20, fields: { seek: 0 } },
      { type: 17, at: 9, fields: { seek: 1, currentPoint: undefined, newPoint: 20_000 } },
    ]);
    expect(ids(list)).not.toContain('stats/seek-fields');
  });
  it('leaves a currentPoint that is no number to stats/invalid-value', () => {
    const list = run([...START, { type: 17, at: 3, fields: { currentPoint: 'x' } }]);
    expect(ids(list)).toContain('stats/invalid-value');
    expect(ids(list)).not.toContain('stats/seek-fields');
  });
});
