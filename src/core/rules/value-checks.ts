import type { Beacon } from '../beacon.js';
import { truncate } from '../params/parse-params.js';
import type { FindingDraft } from './rule.js';

/** One format check of an `…/invalid-value` rule: the key, what it should be, and the test. */
export type ValueCheck = readonly [key: string, expected: string, ok: (value: string) => boolean];

/**
 * A rule `check` that reports every present, non-empty value failing its test (absent and empty values
 * are the missing-required rules' business).
 */
export function checkValues(checks: readonly ValueCheck[]) {
  return (beacon: Beacon): FindingDraft[] | undefined => {
    let out: FindingDraft[] | undefined;
    for (const [key, expected, ok] of checks) {
      const value = beacon.values[key];
      if (value === undefined || value === '' || ok(value)) continue;
      out = out ?? [];
      const message = `Expected ${key} to be ${expected}, but saw "${truncate(value)}"`;
      out.push({
        message: `${message}.`,
        beacons: [beacon.index],
        group: { key: `${key}\u0000${value}`, message },
      });
    }
    return out;
  };
}
