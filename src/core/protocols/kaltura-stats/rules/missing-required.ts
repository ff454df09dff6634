import { hasValue } from '../../../beacon.js';
import { nearMissNotes } from '../../../rules/near-miss.js';
import { defineRule } from '../../../rules/rule.js';
import { MANDATORY } from '../spec.js';

export const missingRequired = defineRule({
  id: 'stats/missing-required',
  severity: 'error',
  title: 'Mandatory parameter missing',
  explanation:
    'The stats.collect document makes `event:uiconfId`, `event:partnerId`, `event:entryId`, ' +
    '`event:sessionId`, `event:duration`, `event:referrer` and `event:eventTimestamp` mandatory on every ' +
    'event; without them the event cannot be attributed.',
  check(beacon, _session, _state, env) {
    const missing = MANDATORY.filter((key) => !hasValue(beacon, key));
    if (missing.length === 0) return undefined;
    const list = missing.join(', ');
    const note = nearMissNotes(beacon, missing, env.protocol);
    const message = `Expected every mandatory parameter, but ${list} ${missing.length === 1 ? 'is' : 'are'} missing or empty`;
    return [
      { message: `${message}.${note}`, beacons: [beacon.index], group: { key: list + note, message, note } },
    ];
  },
});
