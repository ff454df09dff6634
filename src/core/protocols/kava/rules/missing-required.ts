import { hasValue } from '../../../beacon.js';
import { nearMissNotes } from '../../../rules/near-miss.js';
import { defineRule } from '../../../rules/rule.js';
import { eventLabel } from './describe.js';

export const missingRequired = defineRule({
  id: 'kava/missing-required',
  severity: 'error',
  title: 'Missing required parameter',
  explanation:
    'Parameters that both the Event Tracking API document and Kaltura’s own player send must be present and non-empty: eventType, partnerId, entryId, sessionId, eventIndex on every event; bufferTime and actualBitrate on Play, Resume and View; the event’s own field on Seek, Shared, Report submitted, captions and speed. An empty sessionId (setMedia without a session) is a real bug.',
  check(beacon, _session, _state, env) {
    const required = env.protocol.eventSpec(beacon.event.code)?.required ?? [];
    // Allocates only when something is missing: this runs on every beacon.
    let missing: string[] | undefined;
    const note = (key: string) => {
      if (hasValue(beacon, key)) return;
      if (missing === undefined) missing = [key];
      else missing.push(key);
    };
    for (const key of env.protocol.spec.commonRequired) note(key);
    for (const key of required) note(key);
    if (missing === undefined) return undefined;
    const list = missing.join(', ');
    const one = missing.length === 1;
    const misspelt = nearMissNotes(beacon, missing, env.protocol);
    return [
      {
        message: `${eventLabel(beacon)} must carry ${list}, but ${one ? 'it is' : 'they are'} missing or empty.${misspelt}`,
        beacons: [beacon.index],
        group: {
          key: list + misspelt,
          message: `Required ${list} ${one ? 'is' : 'are'} missing or empty`,
          note: misspelt,
        },
      },
    ];
  },
});
