import { isNumber } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';
import { EVENT } from '../events.js';
import { eventLabel } from './describe.js';

/** Values carry float noise (10.000000000000002). */
const EPSILON = 1e-6;

export const bufferTimeRange = defineRule({
  id: 'kava/buffer-time-range',
  severity: 'warning',
  title: 'Buffer time range',
  explanation:
    'bufferTime is the time spent buffering since the previous View: 0–10 s on a View (it cannot exceed the View interval; the interval tolerance is allowed), and never negative on Play or Resume. (Kaltura’s player does not clear bufferTime at a session reset, so it may exceed bufferTimeSum once: that is not checked.)',
  check(beacon, _session, _state, env) {
    const type = beacon.values.eventType;
    const raw = beacon.values.bufferTime;
    if (raw === undefined || !isNumber(raw)) return undefined;
    const value = Number(raw);
    if (type === EVENT.view) {
      const max = env.config.kava.viewIntervalSeconds + env.config.kava.viewIntervalTolerance;
      if (value >= -EPSILON && value <= max + EPSILON) return undefined;
      return [
        {
          message: `${eventLabel(beacon)} has bufferTime ${raw}: expected 0–${env.config.kava.viewIntervalSeconds} s (at most ${max} s with the interval tolerance).`,
          beacons: [beacon.index],
        },
      ];
    }
    if ((type === EVENT.play || type === EVENT.resume) && value < -EPSILON) {
      return [
        {
          message: `${eventLabel(beacon)} has bufferTime ${raw}: expected 0 or more.`,
          beacons: [beacon.index],
        },
      ];
    }
    return undefined;
  },
});
