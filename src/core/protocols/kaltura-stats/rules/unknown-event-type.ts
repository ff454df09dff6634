import { defineRule } from '../../../rules/rule.js';

const INTEGER = /^\d{1,2}$/;

export const unknownEventType = defineRule({
  id: 'stats/unknown-event-type',
  severity: 'error',
  title: 'Unknown event type',
  explanation:
    '`event:eventType` says which event a stats beacon reports; the server only knows types 1–40, so a ' +
    'beacon without one, or with another value, is not counted.',
  check(beacon) {
    const type = beacon.values['event:eventType'];
    if (type === undefined || type === '') {
      return [
        {
          message: 'Expected an event:eventType from 1 to 40, but the beacon has none.',
          beacons: [beacon.index],
        },
      ];
    }
    const n = INTEGER.test(type) ? Number(type) : 0;
    if (n >= 1 && n <= 40) return undefined;
    return [
      { message: `Expected an event:eventType from 1 to 40, but saw "${type}".`, beacons: [beacon.index] },
    ];
  },
});
