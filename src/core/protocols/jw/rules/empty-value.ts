import { defineRule } from '../../../rules/rule.js';

const KEYS = ['fed', 'av'] as const;
const LOST: Record<(typeof KEYS)[number], string> = {
  fed: 'the item was opened outside a feed, so its feed context is lost',
  av: 'the app version is unset',
};

export const emptyValue = defineRule({
  id: 'jw/empty-value',
  severity: 'warning',
  title: 'Empty value',
  explanation:
    'The reference app sends `fed` empty when an item is opened outside a feed and `av` empty when the ' +
    'build has no version: the pings are accepted but reports lose the feed or app version. Reported once ' +
    'per play.',
  createState: () => new Set<string>(),
  check(beacon, _session, reported) {
    const out = [];
    for (const key of KEYS) {
      if (beacon.values[key] !== '' || reported.has(key)) continue;
      reported.add(key);
      out.push({
        message: `Expected a value in ${key}, but it was sent empty (${LOST[key]}).`,
        beacons: [beacon.index],
      });
    }
    return out.length > 0 ? out : undefined;
  },
});
