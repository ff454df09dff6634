import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KAVA_ENDPOINT, SESSION_START } from '../../../../test/helpers/kava-session.js';
import { getRequest, postRequest } from '../../../../test/helpers/requests.js';
import type { CapturedRequest } from '../../capture/captured-request.js';
import { Inspector } from '../../inspector.js';
import { genericRules } from '../../rules/generic-rules.js';
import { kava } from './index.js';

const KEYS = [
  'eventType',
  'eventIndex',
  'sessionId',
  'partnerId',
  'entryId',
  'position',
  'targetPosition',
  'bufferTime',
  'sessionStartTime',
  'kalsig',
  'referrer',
  'tabMode',
  'playbackType',
  'clientVer',
];
const EVENTS = [
  '1',
  '2',
  '3',
  '4',
  '11',
  '12',
  '13',
  '14',
  '33',
  '34',
  '35',
  '45',
  '46',
  '98',
  '99',
  '7',
  '',
];

/** Text as it may appear on the wire: anything, including broken percent-encoding. */
const wireText = fc.oneof(
  fc.string(),
  fc.constantFrom('%', '%E0%A4%A', '%2', 'NaN', 'undefined', '-1', '1e999', '0x10', '1435075182567', '1'),
  fc.integer({ min: -5, max: 200 }).map(String),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), wireText).map(([k, v]) => `${k}=${v}`);
const anyBeacon = fc.record({
  pairs: fc.array(pair, { maxLength: 12 }),
  post: fc.boolean(),
  at: fc.integer({ min: 0, max: 120_000 }),
  status: fc.constantFrom(200, 0, 404, undefined),
});

function toRequest(b: {
  pairs: string[];
  post: boolean;
  at: number;
  status: number | undefined;
}): CapturedRequest {
  const text = ['service=analytics', 'action=trackEvent', ...b.pairs].join('&');
  const init = { startTime: SESSION_START + b.at, status: b.status };
  return b.post ? postRequest(KAVA_ENDPOINT, text, init) : getRequest(`${KAVA_ENDPOINT}?${text}`, init);
}

const ruleIds = new Set([...genericRules, ...kava.rules].map((r) => r.id));

describe('KAVA decoding and validation never throw', () => {
  it('on any parameters, in the query or a POST body', () => {
    fc.assert(
      fc.property(fc.array(anyBeacon, { maxLength: 20 }), (beacons) => {
        const inspector = new Inspector({ protocols: [kava] });
        for (const b of beacons) expect(inspector.add(toRequest(b))?.protocol).toBe('kava');
        const count = inspector.beacons().length;
        for (const f of inspector.findings()) {
          expect(ruleIds.has(f.rule)).toBe(true);
          expect(f.message.length).toBeGreaterThan(0);
          for (const i of f.beacons) expect(i >= 0 && i < count).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('on any request text at all', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, tail) => {
        const inspector = new Inspector({ protocols: [kava] });
        inspector.add(
          getRequest(
            `https://h.example/${path}/api_v3/index.php?service=analytics&action=trackEvent&${tail}`,
          ),
        );
        inspector.add(getRequest(`${path}?${tail}`));
        inspector.findings();
      }),
    );
  });
});

describe('KAVA validation is incremental', () => {
  const event = fc.record({
    type: fc.constantFrom(...EVENTS),
    index: fc.integer({ min: 1, max: 12 }),
    gap: fc.integer({ min: 0, max: 40_000 }),
    position: fc.integer({ min: -2, max: 60 }),
    session: fc.constantFrom('a', 'b'),
  });

  it('gives the same findings fed one by one (reading them in between) as fed at once', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let time = SESSION_START;
        const requests = events.map((e) => {
          time += e.gap;
          const q = `service=analytics&action=trackEvent&eventType=${e.type}&eventIndex=${e.index}&sessionId=${e.session}&partnerId=1&entryId=0_abcd1234&position=${e.position}&bufferTime=0&actualBitrate=1&targetPosition=3`;
          return getRequest(`${KAVA_ENDPOINT}?${q}`, { startTime: time });
        });
        const batch = new Inspector({ protocols: [kava] });
        batch.addAll(requests);
        const incremental = new Inspector({ protocols: [kava] });
        for (const r of requests) {
          incremental.add(r);
          incremental.findings();
        }
        expect(incremental.findings()).toEqual(batch.findings());
      }),
      { numRuns: 200 },
    );
  });
});
