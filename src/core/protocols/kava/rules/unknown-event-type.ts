import { defineRule } from '../../../rules/rule.js';

export const unknownEventType = defineRule({
  id: 'kava/unknown-event-type',
  severity: 'error',
  title: 'Unknown event type',
  explanation:
    'Every KAVA beacon names its event in `eventType`, one of the numbers of the Event Tracking API (or one Kaltura’s player adds). A missing or unknown number is not counted by the analytics backend.',
  check(beacon) {
    if (beacon.event.known) return undefined;
    const type = beacon.values.eventType;
    const message =
      type === undefined || type === ''
        ? 'Expected an eventType parameter naming the event, but the beacon has none.'
        : `Expected a known KAVA eventType, got ${JSON.stringify(type)}.`;
    return [{ message, beacons: [beacon.index] }];
  },
});
