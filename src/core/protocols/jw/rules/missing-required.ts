import { hasValue } from '../../../beacon.js';
import { nearMissNotes } from '../../../rules/near-miss.js';
import { defineRule } from '../../../rules/rule.js';
import { COMMON_REQUIRED } from '../spec.js';
import { streamKind } from '../values.js';

const PLAYBACK_EVENTS = new Set(['s', 't', 'vs', 'gab']);
const PLAYBACK_REQUIRED = ['vd', 'q', 'pw'];

export const missingRequired = defineRule({
  id: 'jw/missing-required',
  severity: 'error',
  title: 'Required parameter missing',
  explanation:
    'Every ping needs `e sa aid pss oos sdk bun id t emi pli` with a value; Play, Quantile, Seeked and ' +
    'Abandon pings also `vd q pw`, and VOD Quantile and Abandon pings `ti`. (`fed` and `av`, which the ' +
    'reference app may send empty, are jw/empty-value and jw/missing-doc-field.)',
  check(beacon, _session, _state, env) {
    const e = beacon.values.e ?? '';
    const missing: string[] = COMMON_REQUIRED.filter((key) => !hasValue(beacon, key));
    if (PLAYBACK_EVENTS.has(e)) {
      for (const key of PLAYBACK_REQUIRED) if (!hasValue(beacon, key)) missing.push(key);
      if ((e === 't' || e === 'gab') && streamKind(beacon) === 'vod' && !hasValue(beacon, 'ti'))
        missing.push('ti');
    }
    if (missing.length === 0) return undefined;
    const list = missing.join(', ');
    const one = missing.length === 1;
    const note = nearMissNotes(beacon, missing, env.protocol);
    return [
      {
        message: `Expected ${list} on this ${beacon.event.name} ping, but ${one ? 'it is' : 'they are'} missing or empty.${note}`,
        beacons: [beacon.index],
        group: { key: list + note, message: `Required ${list} ${one ? 'is' : 'are'} missing or empty`, note },
      },
    ];
  },
});
