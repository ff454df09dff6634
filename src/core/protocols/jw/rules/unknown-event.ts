import { truncate } from '../../../params/parse-params.js';
import { defineRule } from '../../../rules/rule.js';

const EVENTS = new Set(['e', 'i', 's', 't', 'vs', 'gab']);

export const unknownEvent = defineRule({
  id: 'jw/unknown-event',
  severity: 'error',
  title: 'Unknown event',
  explanation: 'Every ping names its event in `e`: one of e, i, s, t, vs, gab. Anything else is not counted.',
  check(beacon) {
    const e = beacon.values.e;
    if (e !== undefined && EVENTS.has(e)) return undefined;
    const seen = e === undefined || e === '' ? 'none' : `"${truncate(e)}"`;
    return [
      { message: `Expected e to be one of e, i, s, t, vs, gab, but saw ${seen}.`, beacons: [beacon.index] },
    ];
  },
});
