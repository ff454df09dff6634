import { checkFormat, isNumber } from '../../../params/formats.js';
import { truncate } from '../../../params/parse-params.js';
import { isSuspiciousValue } from '../../../rules/generic/suspicious-value.js';
import { defineRule } from '../../../rules/rule.js';
import { isLive } from '../events.js';

/** Counts, times and positions: a negative value is never meaningful. */
const NON_NEGATIVE = new Set([
  'partnerId',
  'eventIndex',
  'position',
  'targetPosition',
  'actualBitrate',
  'preferredBitrate',
  'averageBitrate',
  'sessionStartTime',
]);

/** In a live or DVR stream a position may lie before the window's start. */
const POSITIONS = new Set(['position', 'targetPosition']);

/**
 * Judged by other rules, so not reported twice: the event type (kava/unknown-event-type), the range of
 * bufferTime (kava/buffer-time-range) and of sessionStartTime (kava/session-start-time).
 */
const FORMAT_ONLY_NUMERIC = new Set(['sessionStartTime']);
const SKIP = new Set(['eventType']);

export const invalidValue = defineRule({
  id: 'kava/invalid-value',
  severity: 'error',
  title: 'Invalid value',
  explanation:
    'Each KAVA parameter has a format: partnerId, eventIndex, uiConfId are integers; position, bufferTime, bitrates and sessionStartTime are numbers, never negative; entryId looks like 0_abcd1234. A value in the wrong format is dropped or miscounted by the backend.',
  check(beacon) {
    const problems: string[] = [];
    const live = isLive(beacon.values);
    for (const param of beacon.params) {
      const spec = param.spec;
      const value = param.value;
      // Empty, undecodable and placeholder values have their own rules.
      if (
        !spec?.format ||
        value === '' ||
        param.decodeError ||
        SKIP.has(param.key) ||
        isSuspiciousValue(value)
      ) {
        continue;
      }
      const wrong = FORMAT_ONLY_NUMERIC.has(param.key)
        ? isNumber(value)
          ? undefined
          : 'not a number'
        : checkFormat(spec.format, value, spec.values);
      if (wrong) problems.push(`${param.key} ${JSON.stringify(truncate(value))} is ${wrong}`);
      else if (NON_NEGATIVE.has(param.key) && Number(value) < 0 && !(live && POSITIONS.has(param.key))) {
        problems.push(`${param.key} ${JSON.stringify(truncate(value))} is negative`);
      }
    }
    if (problems.length === 0) return undefined;
    return [{ message: `Expected well-formed values: ${problems.join('; ')}.`, beacons: [beacon.index] }];
  },
});
