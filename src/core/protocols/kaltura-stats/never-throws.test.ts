import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRequest, postRequest } from '../../../../test/helpers/requests.js';
import { STATS_BASE, statsQuery } from '../../../../test/helpers/stats-session.js';
import { Inspector } from '../../inspector.js';
import { kalturaStats } from './index.js';

const KEYS = [
  'eventType',
  'sessionId',
  'partnerId',
  'duration',
  'currentPoint',
  'newPoint',
  'seek',
  'eventTimestamp',
];

describe('kaltura-stats decoding and validation never throw', () => {
  it('on any field values, key styles and broken encodings, in queries and bodies', () => {
    const value = fc.oneof(fc.string(), fc.integer({ min: -5, max: 45 }).map(String), fc.constant('%E0%A4'));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEYS), value),
        fc.constantFrom('encoded', 'colon', 'bracket') as fc.Arbitrary<'encoded' | 'colon' | 'bracket'>,
        (fields, style) => {
          const inspector = new Inspector({ protocols: [kalturaStats] });
          const query = statsQuery({ type: 3, at: 0, fields }, { style });
          inspector.add(getRequest(`${STATS_BASE}?${query}`));
          inspector.add(postRequest(STATS_BASE, query));
          expect(() => inspector.findings()).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any URL string', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const inspector = new Inspector({ protocols: [kalturaStats] });
        inspector.add(
          getRequest(`https://stats.kaltura.com/api_v3/index.php?service=stats&action=collect&${tail}`),
        );
        inspector.add(getRequest(`${tail}/api_v3/index.php?service=stats&action=collect`));
        expect(() => inspector.findings()).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
