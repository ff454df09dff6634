import { isInteger, isNumber, unixTimeMs } from '../../../params/formats.js';
import { truncate } from '../../../params/parse-params.js';
import { defineRule } from '../../../rules/rule.js';

// Kaltura's HTML5 player sends `event:seek` as true/false, the document says 1/0: both are accepted.
const SEEK_VALUES = new Set(['0', '1', 'true', 'false']);

const checks: ReadonlyArray<readonly [key: string, expected: string, ok: (value: string) => boolean]> = [
  ['event:uiconfId', 'an integer', isInteger],
  ['event:partnerId', 'an integer', isInteger],
  ['event:duration', 'a number', isNumber],
  ['event:currentPoint', 'a number', isNumber],
  ['event:newPoint', 'a number', isNumber],
  ['event:seek', '0 or 1', (v) => SEEK_VALUES.has(v)],
  ['event:eventTimestamp', 'a Unix time', (v) => unixTimeMs(v) !== undefined],
];

export const invalidValue = defineRule({
  id: 'stats/invalid-value',
  severity: 'error',
  title: 'Invalid value',
  explanation:
    'Ids must be numeric, durations and playhead points numbers, `event:seek` 0 or 1 and ' +
    '`event:eventTimestamp` a Unix time; other values are rejected or misread by the stats server.',
  check(beacon) {
    const out = [];
    for (const [key, expected, ok] of checks) {
      const value = beacon.values[key];
      if (value === undefined || value === '' || ok(value)) continue;
      out.push({
        message: `Expected ${key} to be ${expected}, but saw "${truncate(value)}".`,
        beacons: [beacon.index],
      });
    }
    return out.length > 0 ? out : undefined;
  },
});
