import { describe, expect, it } from 'vitest';
import { jwRequest } from '../../../test/helpers/jw-session.js';
import { statsRequest } from '../../../test/helpers/stats-session.js';
import { Inspector } from '../inspector.js';
import { jw } from '../protocols/jw/index.js';
import { kalturaStats } from '../protocols/kaltura-stats/index.js';
import { nearMissNotes } from './near-miss.js';

const statsBeacon = (fields: Record<string, string | number | undefined>) => {
  const beacon = new Inspector({ protocols: [kalturaStats] }).add(statsRequest({ type: 1, at: 0, fields }));
  if (!beacon) throw new Error('not a stats beacon');
  return beacon;
};

describe('nearMissNotes', () => {
  it('names a key in another case, and one a letter added, dropped or changed', () => {
    const beacon = statsBeacon({
      eventTimestamp: undefined,
      eventTimeStamp: 1,
      referrer: undefined,
      referer: 'x',
      entryId: undefined,
      entryIds: 'y',
      duration: undefined,
      duratiom: 60,
    });
    const missing = ['event:eventTimestamp', 'event:referrer', 'event:entryId', 'event:duration'];
    expect(nearMissNotes(beacon, missing, kalturaStats)).toBe(
      ' event:eventTimestamp missing; event:eventTimeStamp is present (keys are case-sensitive).' +
        ' event:referrer missing; event:referer is present (one letter apart: keys must match exactly).' +
        ' event:entryId missing; event:entryIds is present (one letter apart: keys must match exactly).' +
        ' event:duration missing; event:duratiom is present (one letter apart: keys must match exactly).',
    );
  });

  it('takes no known key, no short key one letter off and no key sent empty for a near miss', () => {
    // `e` is one letter from `t` and `ti` from `t`, but they are the protocol's own keys; `tt` is too short.
    const ping = new Inspector({ protocols: [jw] }).add(
      jwRequest({ e: 't', at: 0, fields: { t: undefined, tt: 'x', vd: 72, q: 8, pw: 16, ti: 9 } }),
    );
    if (!ping) throw new Error('not a JW ping');
    expect(nearMissNotes(ping, ['t'], jw)).toBe('');
    const empty = statsBeacon({ referrer: '', Referrer: 'x' });
    expect(nearMissNotes(empty, ['event:referrer'], kalturaStats)).toBe('');
    expect(nearMissNotes(statsBeacon({ sessionID: 'x' }), [], kalturaStats)).toBe('');
  });
});
