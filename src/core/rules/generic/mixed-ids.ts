import { defineRule } from '../rule.js';

interface Seen {
  value: string;
  beacon: number;
}

export const mixedIds = defineRule({
  id: 'session/mixed-ids',
  severity: 'warning',
  title: 'Session constant changed',
  explanation:
    'Some values identify what a session is about (partner, entry, player, …) and must stay the same for all its beacons. A change means two players or two media share one session id, and the backend will mix their data.',
  /** Per constant key, its latest value and beacon: each change is reported once, against the beacon before it. */
  createState: () => new Map<string, Seen>(),
  check(beacon, _session, last, env) {
    const changes: string[] = [];
    const beacons: number[] = [];
    for (const key of env.protocol.sessionConstants) {
      const value = beacon.values[key];
      if (value === undefined || value === '') continue;
      const before = last.get(key);
      if (before && before.value !== value) {
        changes.push(`${key} changed from ${JSON.stringify(before.value)} to ${JSON.stringify(value)}`);
        if (!beacons.includes(before.beacon)) beacons.push(before.beacon);
      }
      if (before) {
        before.value = value;
        before.beacon = beacon.index;
      } else last.set(key, { value, beacon: beacon.index });
    }
    if (changes.length === 0) return undefined;
    return [
      {
        message: `Expected the same values for the whole session, but ${changes.join(' and ')}.`,
        beacons: [...beacons, beacon.index],
      },
    ];
  },
});
