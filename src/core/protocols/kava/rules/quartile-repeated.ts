import { defineRule } from '../../../rules/rule.js';
import { EVENT, QUARTILES } from '../events.js';
import { eventLabel } from './describe.js';

const IS_QUARTILE = new Set(QUARTILES);

export const quartileRepeated = defineRule({
  id: 'kava/quartile-repeated',
  severity: 'warning',
  title: 'Quartile repeated',
  explanation:
    'Each of Play reached 25/50/75/100% is sent once per play-through; a Replay (34) starts a new one. A repeat inflates completion rates (often a second listener or a plugin loaded twice).',
  /** Quartile event code → beacon index of its first send in the current play-through. */
  createState: () => new Map<string, number>(),
  check(beacon, _session, seen) {
    const type = beacon.values.eventType;
    if (type === EVENT.replay) {
      seen.clear();
      return undefined;
    }
    if (type === undefined || !IS_QUARTILE.has(type)) return undefined;
    const first = seen.get(type);
    if (first === undefined) {
      seen.set(type, beacon.index);
      return undefined;
    }
    return [
      {
        message: `${eventLabel(beacon)} was sent again in the same play-through: expected it once (no Replay came in between).`,
        beacons: [first, beacon.index],
      },
    ];
  },
});
