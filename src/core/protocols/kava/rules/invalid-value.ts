import { checkFormat, isNumber } from '../../../params/formats.js';
import { truncate } from '../../../params/parse-params.js';
import { isSuspiciousValue } from '../../../rules/generic/suspicious-value.js';
import { defineRule } from '../../../rules/rule.js';
import type { ParamFormat } from '../../protocol.js';
import { isLive } from '../events.js';

/**
 * Counts, times and positions: a negative value is never meaningful. (bufferTime's range is
 * kava/buffer-time-range's, the event type kava/unknown-event-type's.)
 */
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

/** What is wrong with a value's format, or undefined. */
function formatProblem(key: string, value: string, format: ParamFormat, values?: readonly string[]) {
  // Whether sessionStartTime is a plausible Unix time is kava/session-start-time's: here, only a number.
  if (key === 'sessionStartTime') return isNumber(value) ? undefined : 'not a number';
  return checkFormat(format, value, values);
}

export const invalidValue = defineRule({
  id: 'kava/invalid-value',
  severity: 'error',
  title: 'Invalid value',
  explanation:
    'Each KAVA parameter has a format: partnerId, eventIndex, uiConfId are integers; position, bufferTime, bitrates and sessionStartTime are numbers, and positions, bitrates and times are never negative (outside a live window); entryId looks like 0_abcd1234. A value in the wrong format is dropped or miscounted by the backend.',
  check(beacon) {
    const problems: string[] = [];
    const live = isLive(beacon.values);
    for (const param of beacon.params) {
      const { spec, value } = param;
      const format = spec?.format;
      if (format === undefined || format === 'string' || format === 'url' || param.key === 'eventType')
        continue;
      // Empty, undecodable and placeholder values have their own rules.
      if (value === '' || param.decodeError || isSuspiciousValue(value)) continue;
      const wrong = formatProblem(param.key, value, format, spec?.values);
      if (wrong) problems.push(`${param.key} ${JSON.stringify(truncate(value))} is ${wrong}`);
      else if (NON_NEGATIVE.has(param.key) && Number(value) < 0 && !(live && POSITIONS.has(param.key))) {
        problems.push(`${param.key} ${JSON.stringify(truncate(value))} is negative`);
      }
    }
    if (problems.length === 0) return undefined;
    return [{ message: `Expected well-formed values: ${problems.join('; ')}.`, beacons: [beacon.index] }];
  },
});
