import { isInteger, isNumber, unixTimeMs } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';
import { checkValues, type ValueCheck } from '../../../rules/value-checks.js';

// Kaltura's HTML5 player sends `event:seek` as true/false, the document says 1/0: both are accepted.
const SEEK_VALUES = new Set(['0', '1', 'true', 'false']);

const checks: readonly ValueCheck[] = [
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
  check: checkValues(checks),
});
