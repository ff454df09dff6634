import { isInteger, isNumber } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';
import { checkValues, type ValueCheck } from '../../../rules/value-checks.js';
import { OOS_VALUES, SDK_VALUES } from '../spec.js';

const AID = /^[a-zA-Z0-9+_]{22}$/;
const ID12 = /^[0-9a-z]{12}$/;
const MS_TIMESTAMP = /^\d{13}$/;
const OOS = new Set<string>(OOS_VALUES);
const SDK = new Set<string>(SDK_VALUES);

const intIn = (min: number, max: number) => (v: string) =>
  isInteger(v) && Number(v) >= min && Number(v) <= max;

/** Key, what it should be, and the test; formats from jw-ping.md. */
const checks: readonly ValueCheck[] = [
  ['aid', '22 characters of [a-zA-Z0-9+_]', (v) => AID.test(v)],
  ['emi', '12 characters of [0-9a-z]', (v) => ID12.test(v)],
  ['pli', '12 characters of [0-9a-z]', (v) => ID12.test(v)],
  ['sa', 'a Unix time in milliseconds (13 digits)', (v) => MS_TIMESTAMP.test(v)],
  ['oos', `one of ${OOS_VALUES.join(', ')}`, (v) => OOS.has(v)],
  ['sdk', 'a platform code 0–6', (v) => SDK.has(v)],
  ['pss', 'an integer from 1 to 99999', intIn(1, 99999)],
  ['pw', 'an integer from -1 to 128', intIn(-1, 128)],
  ['ti', 'a non-negative number of seconds', (v) => isNumber(v) && Number(v) >= 0],
  ['vd', 'a non-negative number of seconds', (v) => isNumber(v) && Number(v) >= 0],
  ['q', 'an integer', isInteger],
];

export const invalidValue = defineRule({
  id: 'jw/invalid-value',
  severity: 'error',
  title: 'Invalid value',
  explanation:
    'Values must have the formats of the ping document: `aid` 22 × [a-zA-Z0-9+_], `emi`/`pli` ' +
    '12 × [0-9a-z], `sa` Unix milliseconds, `oos`/`sdk` from their lists, `pss` 1–99999, `pw` −1…128, ' +
    '`ti` and `vd` non-negative.',
  check: checkValues(checks),
});
