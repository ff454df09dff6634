import { defineRule } from '../../../rules/rule.js';

const CONTENT_EVENTS = new Set(['e', 's', 't', 'vs', 'gab']);
const AD_BUCKET = 'clienta';

export const wrongEndpoint = defineRule({
  id: 'jw/wrong-endpoint',
  severity: 'error',
  title: 'Wrong endpoint',
  explanation:
    'Ad impressions (`e=i`) belong in the `clienta` bucket and content pings in `jwplayer6`; a ping in ' +
    'the wrong bucket is counted as the wrong kind or dropped (a known real bug).',
  check(beacon) {
    const e = beacon.values.e;
    const bucket = beacon.detail ?? '';
    if (e === 'i' && bucket !== AD_BUCKET) {
      return [
        {
          message: `Expected the Ad impression (i) to go to /v1/${AD_BUCKET}/ping.gif, but it went to /v1/${bucket}/ping.gif.`,
          beacons: [beacon.index],
        },
      ];
    }
    if (e !== undefined && CONTENT_EVENTS.has(e) && bucket === AD_BUCKET) {
      return [
        {
          message: `Expected ${beacon.event.name} (${e}) to go to a content bucket such as /v1/jwplayer6/ping.gif, but it went to the ad bucket ${AD_BUCKET}.`,
          beacons: [beacon.index],
        },
      ];
    }
    return undefined;
  },
});
