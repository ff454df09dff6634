import { hasValue } from '../../../beacon.js';
import { defineRule } from '../../../rules/rule.js';

export const seekFields = defineRule({
  id: 'stats/seek-fields',
  severity: 'warning',
  title: 'Seek without its fields',
  explanation:
    'A Seek (17) should say that the viewer seeked (`event:seek=1`) and where to (`event:newPoint`); ' +
    'without them the seek cannot be placed on the timeline.',
  check(beacon) {
    if (beacon.event.code !== '17') return undefined;
    const seek = beacon.values['event:seek'];
    const problems: string[] = [];
    if (seek !== '1' && seek !== 'true')
      problems.push(seek === undefined ? 'no event:seek' : `event:seek=${seek}`);
    if (!hasValue(beacon, 'event:newPoint')) problems.push('no event:newPoint');
    if (problems.length === 0) return undefined;
    return [
      {
        message: `Expected a Seek with event:seek=1 and an event:newPoint, but saw ${problems.join(' and ')}.`,
        beacons: [beacon.index],
      },
    ];
  },
});
