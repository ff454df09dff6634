import { isNumber, unixTimeMs } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';

/**
 * Kaltura's player sends the server's time, the beacon time is the browser's: allow for a client clock
 * that is somewhat behind the server's.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

export const sessionStartTime = defineRule({
  id: 'kava/session-start-time',
  severity: 'warning',
  title: 'Session start time',
  explanation:
    'sessionStartTime is a Unix time (seconds or milliseconds) at or before the beacon carrying it. Kaltura’s player omits it on the first beacon and on Resume, and renews it after pauses: neither is a finding. Another unit (µs, a date string) or a time in the future breaks session analytics.',
  check(beacon) {
    const raw = beacon.values.sessionStartTime;
    // Absent is normal; non-numeric values are kava/invalid-value's.
    if (raw === undefined || raw === '' || !isNumber(raw)) return undefined;
    const ms = unixTimeMs(raw);
    if (ms === undefined) {
      return [
        {
          message: `sessionStartTime ${raw} is not a Unix time: expected seconds (10 digits) or milliseconds (13 digits).`,
          beacons: [beacon.index],
        },
      ];
    }
    if (ms <= beacon.time + CLOCK_SKEW_MS) return undefined;
    return [
      {
        message: `sessionStartTime ${raw} (${new Date(ms).toISOString()}) is after the beacon was sent (${new Date(beacon.time).toISOString()}): expected the session's start, in the past.`,
        beacons: [beacon.index],
      },
    ];
  },
});
