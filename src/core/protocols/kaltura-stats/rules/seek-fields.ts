import { isNumber } from '../../../params/formats.js';
import { defineRule } from '../../../rules/rule.js';

/**
 * Whether a playhead field places the seek. Absent, empty and negative (Android's -1 for "unset") do not;
 * a value that is no number is stats/invalid-value's finding, not a second one here.
 */
function places(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  return !isNumber(value) || Number(value) >= 0;
}

// Neither the Flash KDP nor the HTML5 v2 player sends `event:newPoint`: the target is the
// `event:currentPoint` of the Seek itself. `event:seek` says nothing on the Seek beacon: the players set
// the flag after building it (KDP, and mwEmbed, which sends false on every beacon), Android before it.
export const seekFields = defineRule({
  id: 'stats/seek-fields',
  severity: 'warning',
  title: 'Seek without its target',
  explanation:
    'A Seek (17) is placed on the timeline by its playhead: `event:currentPoint` (what Kaltura’s players ' +
    'send) or `event:newPoint` (in the document, sent by no Kaltura player). A Seek with neither cannot be ' +
    'placed. `event:seek` is not judged: on the Seek beacon itself the HTML5 v2 player always sends false, ' +
    'KDP false on the first seek (it sets the flag after building the beacon), Android true.',
  check(beacon) {
    if (beacon.event.code !== '17') return undefined;
    const v = beacon.values;
    if (places(v['event:currentPoint']) || places(v['event:newPoint'])) return undefined;
    return [
      {
        message:
          'Expected the Seek to carry its target in event:currentPoint (or event:newPoint), but it has neither.',
        beacons: [beacon.index],
      },
    ];
  },
});
