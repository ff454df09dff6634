import { hasValue } from '../../../beacon.js';
import { defineRule } from '../../../rules/rule.js';

export const missingDocField = defineRule({
  id: 'kava/missing-doc-field',
  severity: 'info',
  title: 'Field the document requires',
  explanation:
    'The Event Tracking API document requires flavourId on every event and preferredBitrate on Play, Resume and View, but Kaltura’s own player sends neither. Reported once per session and field, as information only.',
  createState: () => new Set<string>(),
  check(beacon, _session, reported, env) {
    const docRequired = env.protocol.eventSpec(beacon.event.code)?.docRequired;
    if (!docRequired) return undefined;
    const missing = docRequired.filter((key) => !reported.has(key) && !hasValue(beacon, key));
    if (missing.length === 0) return undefined;
    for (const key of missing) reported.add(key);
    return [
      {
        message: `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} absent: the Event Tracking API document requires ${missing.length === 1 ? 'it' : 'them'}, Kaltura’s own player does not send ${missing.length === 1 ? 'it' : 'them'} (reported once per session).`,
        beacons: [beacon.index],
      },
    ];
  },
});
