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
    'A parameter carrying the literal text undefined, null, NaN or [object Object] was built from a variable the integration never set (or an object it forgot to serialise). Where the real player itself computes such a value for one parameter (KAVA’s droppedFramesRatio=NaN), that parameter and value are left to the protocol’s own rule.',
  check(beacon) {
    let list: string | undefined;
    for (const p of beacon.params) {
      if (SUSPICIOUS.has(p.value) && p.spec?.playerValues?.includes(p.value) !== true)
        list = list === undefined ? `${p.key}=${p.value}` : `${list}, ${p.key}=${p.value}`;
    }
    if (list === undefined) return undefined;
    const message = `Expected real values, got ${list}`;
    return [{ message: `${message}.`, beacons: [beacon.index], group: { key: list, message } }];
  },
});
