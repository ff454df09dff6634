import { defineRule } from '../rule.js';

/** What JavaScript writes for a value the integration never set. */
const SUSPICIOUS: ReadonlySet<string> = new Set(['undefined', 'null', 'NaN', '[object Object]']);

export function isSuspiciousValue(value: string): boolean {
  return SUSPICIOUS.has(value);
}

export const suspiciousValue = defineRule({
  id: 'beacon/suspicious-value',
  severity: 'warning',
  title: 'Suspicious value',
  explanation:
    'A parameter carrying the literal text undefined, null, NaN or [object Object] was built from a variable the integration never set (or an object it forgot to serialise).',
  check(beacon) {
    const bad = beacon.params.filter((p) => SUSPICIOUS.has(p.value));
    if (bad.length === 0) return undefined;
    const list = bad.map((p) => `${p.key}=${p.value}`).join(', ');
    return [{ message: `Expected real values, got ${list}.`, beacons: [beacon.index] }];
  },
});
