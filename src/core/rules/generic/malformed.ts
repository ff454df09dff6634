import { defineRule } from '../rule.js';

export const malformed = defineRule({
  id: 'beacon/malformed',
  severity: 'error',
  title: 'Malformed beacon',
  explanation:
    'The request is an analytics beacon but part of it cannot be decoded (broken percent-encoding, unreadable body): the backend will drop or misread those values.',
  check(beacon) {
    if (beacon.malformed === undefined) return undefined;
    return [
      { message: `Expected a decodable beacon, but it has ${beacon.malformed}.`, beacons: [beacon.index] },
    ];
  },
});
